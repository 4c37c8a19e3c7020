import { createTestApp, bearer, type TestContext } from './support/test-app.js';
import { sandboxOpenId } from '../src/wechat-sandbox/sandbox-server.js';
import { User } from '../src/modules/users/user.entity.js';
import { LoginBrake } from '../src/common/auth/login-brake.entity.js';
import { Clock } from '../src/common/clock/clock.js';
import { JwtService } from '@nestjs/jwt';

describe('Identity (e2e)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp({ PASSWORD_MAX_FAILURES: '3' });
  });
  afterAll(() => ctx.close());

  describe('WeChat login', () => {
    it('a sandbox code logs in a demo volunteer through code2Session and /me shows the volunteer', async () => {
      const login = await ctx.loginWechat('zhangwei');
      expect(login.user).toMatchObject({
        displayName: '张伟',
        roles: ['volunteer'],
        isStaff: false,
        wechatBound: true,
      });
      expect(login.user.volunteer).toMatchObject({ memberNo: 'MAS2026000001', stationName: '平湖派出所' });
      expect(login.user.phoneMasked).toBe('139****1001');
      const me = await ctx
        .http()
        .get('/api/me')
        .set(...bearer(login.accessToken))
        .expect(200);
      expect(me.body.id).toBe(login.user.id);
    });

    it('the first login of a new WeChat user creates one user, and the same code name maps to the same user', async () => {
      const a = await ctx.loginWechat('newcomer-1');
      const b = await ctx.loginWechat('newcomer-1');
      expect(a.user.id).toBe(b.user.id);
      expect(a.user.roles).toEqual([]);
      const row = await ctx.dataSource.getRepository(User).findOneByOrFail({ id: a.user.id });
      expect(row.openid).toBe(sandboxOpenId('newcomer-1'));
    });

    it('simultaneous first logins of one user create exactly one row', async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, () => ctx.http().post('/api/auth/wechat/login').send({ code: 'sandbox-rush' })),
      );
      expect(results.every((r) => r.status === 200)).toBe(true);
      expect(new Set(results.map((r) => r.body.user.id)).size).toBe(1);
      expect(await ctx.dataSource.getRepository(User).countBy({ openid: sandboxOpenId('rush') })).toBe(1);
    });

    it('an invalid code is refused with WECHAT_CODE_INVALID', async () => {
      const res = await ctx.http().post('/api/auth/wechat/login').send({ code: 'not-a-code' }).expect(401);
      expect(res.body).toMatchObject({ code: 'WECHAT_CODE_INVALID', message: expect.stringContaining('微信') });
    });

    it('an unreachable WeChat API gives WECHAT_UNAVAILABLE (503), not a 500', async () => {
      const down = await createTestApp({ WECHAT_API_BASE: 'http://127.0.0.1:1' });
      try {
        const res = await down.http().post('/api/auth/wechat/login').send({ code: 'sandbox-x' }).expect(503);
        expect(res.body.code).toBe('WECHAT_UNAVAILABLE');
      } finally {
        await down.close();
      }
    });
  });

  describe('Staff password login', () => {
    it('logs in a station officer with roles and org unit', async () => {
      const login = await ctx.loginStaff('pinghu_station');
      expect(login.user).toMatchObject({ displayName: '王所长', roles: ['station_officer'], isStaff: true });
      expect(login.user.orgUnit).toMatchObject({ name: '平湖派出所', level: 'station' });
    });

    it('refuses a wrong password and an unknown user with the same error', async () => {
      const wrong = await ctx
        .http()
        .post('/api/auth/staff/login')
        .send({ username: 'city', password: 'nope-1234' })
        .expect(401);
      const unknown = await ctx
        .http()
        .post('/api/auth/staff/login')
        .send({ username: 'nobody', password: 'nope-1234' })
        .expect(401);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
      expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
      expect(wrong.body.message).toBe(unknown.body.message);
    });

    it('a successful login resets the failure counter', async () => {
      await ctx
        .http()
        .post('/api/auth/staff/login')
        .send({ username: 'yushan_station', password: 'wrong' })
        .expect(401);
      await ctx
        .http()
        .post('/api/auth/staff/login')
        .send({ username: 'yushan_station', password: 'wrong' })
        .expect(401);
      await ctx.loginStaff('yushan_station');
      await ctx
        .http()
        .post('/api/auth/staff/login')
        .send({ username: 'yushan_station', password: 'wrong' })
        .expect(401);
      await ctx
        .http()
        .post('/api/auth/staff/login')
        .send({ username: 'yushan_station', password: 'wrong' })
        .expect(401);
      await ctx.loginStaff('yushan_station');
    });

    it('stores the password as a slow hash, never in plain text', async () => {
      const row = await ctx.dataSource.getRepository(User).findOneByOrFail({ username: 'city' });
      expect(row.passwordHash).toMatch(/^scrypt\$\d+\$/);
      expect(row.passwordHash).not.toContain('Jhyj@2026');
    });
  });

  describe('Refresh tokens', () => {
    it('rotate: the new pair works and the old refresh token is spent', async () => {
      const login = await ctx.loginStaff('city');
      const r1 = await ctx.http().post('/api/auth/refresh').send({ refreshToken: login.refreshToken }).expect(200);
      expect(r1.body.refreshToken).not.toBe(login.refreshToken);
      await ctx
        .http()
        .get('/api/me')
        .set(...bearer(r1.body.accessToken))
        .expect(200);
      const r2 = await ctx.http().post('/api/auth/refresh').send({ refreshToken: r1.body.refreshToken }).expect(200);
      expect(r2.body.user.displayName).toBe('陈支队');
    });

    it('reusing a rotated token revokes the whole family, including the newest token', async () => {
      const login = await ctx.loginStaff('city');
      const r1 = await ctx.http().post('/api/auth/refresh').send({ refreshToken: login.refreshToken }).expect(200);
      const reuse = await ctx.http().post('/api/auth/refresh').send({ refreshToken: login.refreshToken }).expect(401);
      expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');
      const after = await ctx.http().post('/api/auth/refresh').send({ refreshToken: r1.body.refreshToken }).expect(401);
      expect(after.body.code).toBe('SESSION_ENDED');
      // the access tokens of the revoked login stop at once, not when they expire
      for (const token of [login.accessToken, r1.body.accessToken]) {
        const me = await ctx
          .http()
          .get('/api/me')
          .set(...bearer(token))
          .expect(401);
        expect(me.body.code).toBe('SESSION_ENDED');
      }
    });

    it('another login of the same person is a separate family and survives the revocation', async () => {
      const phone = await ctx.loginStaff('admin');
      const desktop = await ctx.loginStaff('admin');
      await ctx.http().post('/api/auth/refresh').send({ refreshToken: phone.refreshToken }).expect(200);
      await ctx.http().post('/api/auth/refresh').send({ refreshToken: phone.refreshToken }).expect(401);
      await ctx.http().post('/api/auth/refresh').send({ refreshToken: desktop.refreshToken }).expect(200);
      await ctx
        .http()
        .get('/api/me')
        .set(...bearer(desktop.accessToken))
        .expect(200);
    });

    it("logout ends the login: its refresh token and its access token, not the same person's other login", async () => {
      const login = await ctx.loginWechat('lina');
      const otherPhone = await ctx.loginWechat('lina');
      await ctx
        .http()
        .get('/api/me')
        .set(...bearer(login.accessToken))
        .expect(200);
      await ctx
        .http()
        .post('/api/auth/logout')
        .set(...bearer(login.accessToken))
        .send({ refreshToken: login.refreshToken })
        .expect(204);
      const res = await ctx.http().post('/api/auth/refresh').send({ refreshToken: login.refreshToken }).expect(401);
      expect(res.body.code).toBe('SESSION_ENDED');
      const me = await ctx
        .http()
        .get('/api/me')
        .set(...bearer(login.accessToken))
        .expect(401);
      expect(me.body).toMatchObject({
        code: 'SESSION_ENDED',
        message: '本次登录已结束（已退出或已被注销），请重新登录',
      });
      await ctx
        .http()
        .get('/api/me')
        .set(...bearer(otherPhone.accessToken))
        .expect(200);
    });

    it('a garbage or forged access token is 401', async () => {
      await ctx.http().get('/api/me').set('Authorization', 'Bearer abc.def.ghi').expect(401);
      const login = await ctx.loginStaff('city');
      const [h, p] = login.accessToken.split('.');
      const forged = `${h}.${Buffer.from(JSON.stringify({ sub: 1, typ: 'access', exp: 9999999999 })).toString('base64url')}.${login.accessToken.split('.')[2]}`;
      expect(p).toBeDefined();
      const res = await ctx.http().get('/api/me').set('Authorization', `Bearer ${forged}`).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });
  });

  it('a correctly signed access token that names no login (sid) is refused', async () => {
    const login = await ctx.loginStaff('city');
    const clock = ctx.app.get(Clock);
    const iat = Math.floor(clock.nowMs() / 1000);
    const jwt = ctx.app.get(JwtService);
    const noSid = jwt.sign({ sub: login.user.id, typ: 'access', iat }, { expiresIn: 900 });
    const res = await ctx
      .http()
      .get('/api/me')
      .set(...bearer(noSid))
      .expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    // the same token with the login's own sid is accepted: only the missing sid was refused
    const sid = JSON.parse(Buffer.from(login.accessToken.split('.')[1], 'base64url').toString()).sid as string;
    await ctx
      .http()
      .get('/api/me')
      .set(...bearer(jwt.sign({ sub: login.user.id, typ: 'access', sid, iat }, { expiresIn: 900 })))
      .expect(200);
  });

  describe('Staff binds WeChat by verifying the provisioned phone', () => {
    it('moves the WeChat identity onto the staff account; the next WeChat login is the staff member', async () => {
      const wx = await ctx.loginWechat('officer-wang');
      expect(wx.user.isStaff).toBe(false);
      ctx.sandbox.registerPhoneCode('phone-code-wang', '13805550005'); // 王所长's provisioned phone
      const bound = await ctx
        .http()
        .post('/api/auth/wechat/bind-staff')
        .set(...bearer(wx.accessToken))
        .send({ phoneCode: 'phone-code-wang' })
        .expect(200);
      expect(bound.body.user).toMatchObject({ displayName: '王所长', roles: ['station_officer'], wechatBound: true });
      const again = await ctx.loginWechat('officer-wang');
      expect(again.user.id).toBe(bound.body.user.id);
      // the binding is audited
      const admin = await ctx.loginStaff('admin');
      const logs = await ctx
        .http()
        .get('/api/admin/audit-logs?action=staff.bind_wechat')
        .set(...bearer(admin.accessToken))
        .expect(200);
      expect(logs.body.items.some((l: { targetId: string }) => l.targetId === String(bound.body.user.id))).toBe(true);
    });

    it('a phone with no provisioned staff account is refused', async () => {
      const wx = await ctx.loginWechat('stranger');
      ctx.sandbox.registerPhoneCode('phone-code-stranger', '13700000000');
      const res = await ctx
        .http()
        .post('/api/auth/wechat/bind-staff')
        .set(...bearer(wx.accessToken))
        .send({ phoneCode: 'phone-code-stranger' })
        .expect(404);
      expect(res.body.code).toBe('STAFF_PHONE_NOT_PROVISIONED');
    });

    it('a second WeChat cannot take an already bound staff account', async () => {
      const wx1 = await ctx.loginWechat('officer-zhao-1');
      ctx.sandbox.registerPhoneCode('pc-zhao-1', '13805550006');
      await ctx
        .http()
        .post('/api/auth/wechat/bind-staff')
        .set(...bearer(wx1.accessToken))
        .send({ phoneCode: 'pc-zhao-1' })
        .expect(200);
      const wx2 = await ctx.loginWechat('officer-zhao-2');
      ctx.sandbox.registerPhoneCode('pc-zhao-2', '13805550006');
      const res = await ctx
        .http()
        .post('/api/auth/wechat/bind-staff')
        .set(...bearer(wx2.accessToken))
        .send({ phoneCode: 'pc-zhao-2' })
        .expect(409);
      expect(res.body.code).toBe('STAFF_ALREADY_BOUND');
    });

    it('a sandbox-phone-<mobile> code stands for that number (the H5 demo path)', async () => {
      const wx = await ctx.loginWechat('officer-zhou');
      const res = await ctx
        .http()
        .post('/api/auth/wechat/bind-staff')
        .set(...bearer(wx.accessToken))
        .send({ phoneCode: 'sandbox-phone-13805550004' })
        .expect(200);
      expect(res.body.user.displayName).toBe('孙大队');
    });

    it('an invalid phone code is a clear 400', async () => {
      const wx = await ctx.loginWechat('someone');
      const res = await ctx
        .http()
        .post('/api/auth/wechat/bind-staff')
        .set(...bearer(wx.accessToken))
        .send({ phoneCode: 'never-issued' })
        .expect(400);
      expect(res.body.code).toBe('WECHAT_PHONE_CODE_INVALID');
    });
  });
});

describe('Login rate limit (e2e)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => ctx.close());

  it('answers 429 RATE_LIMITED past the limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await ctx.http().post('/api/auth/staff/login').send({ username: 'city', password: 'x' })).status);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    const res = await ctx.http().post('/api/auth/wechat/login').send({ code: 'sandbox-a' });
    expect(res.status).toBe(200); // the limit is per route
  });

  it('every spelling of a login route counts in the same window (trailing slash, query string)', async () => {
    const from = { 'X-Forwarded-For': '203.0.113.50' };
    const urls = ['/api/auth/refresh', '/api/auth/refresh/', '/api/auth/refresh?x=1', '/api/auth/refresh/?a=b'];
    const statuses: number[] = [];
    for (const url of urls) statuses.push((await ctx.http().post(url).set(from).send({ refreshToken: 'nope' })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});

describe('Login brake: per account and address, never a weapon (e2e)', () => {
  let ctx: TestContext;
  // three failures in a row from one address, then 1 s, 2 s, 4 s …; four failing addresses brake the account
  beforeAll(async () => {
    ctx = await createTestApp({ PASSWORD_MAX_FAILURES: '3', LOGIN_ACCOUNT_BRAKE_ADDRESSES: '4' });
  });
  afterAll(() => ctx.close());

  const login = (username: string, password: string, from: string, url = '/api/auth/staff/login') =>
    ctx.http().post(url).set('X-Forwarded-For', from).send({ username, password });
  /** Lets the waiting time of one address run out (the brake reads the clock; tests move the row instead). */
  const waitOut = (from: string) =>
    ctx.dataSource.getRepository(LoginBrake).update({ address: from }, { nextAllowedAt: '0' });

  it('a stranger guessing at admin from one address is slowed down, while admin logs in from elsewhere', async () => {
    for (let i = 0; i < 3; i++) await login('admin', `guess-${i}`, '203.0.113.10').expect(401);
    const braked = await login('admin', 'Jhyj@2026', '203.0.113.10').expect(429);
    expect(braked.body).toMatchObject({
      code: 'RATE_LIMITED',
      message: '登录尝试太频繁，请 1 秒后再试',
      details: { retryAfterSeconds: 1 },
    });
    // no 423, no lock for everyone: the real administrator, at another address, is let in at once
    const real = await login('admin', 'Jhyj@2026', '198.51.100.7').expect(200);
    expect(real.body.user.roles).toEqual(['sysadmin']);
  });

  it('the waits grow: 1 s, 2 s, 4 s after each further failure from that address', async () => {
    for (let i = 0; i < 3; i++) await login('city', `guess-${i}`, '203.0.113.11').expect(401);
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      waits.push((await login('city', 'guess', '203.0.113.11').expect(429)).body.details.retryAfterSeconds);
      await waitOut('203.0.113.11');
      await login('city', 'guess', '203.0.113.11').expect(401);
    }
    expect(waits).toEqual([1, 2, 4]);
    expect((await login('city', 'guess', '203.0.113.11').expect(429)).body.details.retryAfterSeconds).toBe(8);
    // the right password after waiting lets the address in and clears its count
    await waitOut('203.0.113.11');
    await login('city', 'Jhyj@2026', '203.0.113.11').expect(200);
    for (let i = 0; i < 3; i++) await login('city', `guess-${i}`, '203.0.113.11').expect(401);
  });

  it('an unknown user name gets exactly the answers a real one gets', async () => {
    const answers = async (username: string, from: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await login(username, `guess-${i}`, from);
        out.push([res.status, res.body.code, res.body.message, res.body.details]);
      }
      return out;
    };
    const real = await answers('pinghu_station', '203.0.113.12');
    const unknown = await answers('no_such_officer', '203.0.113.13');
    expect(unknown).toEqual(real);
    expect(real.map((a) => (a as unknown[])[0])).toEqual([401, 401, 401, 429, 429]);
  });

  it('every spelling of the login route shares one brake (trailing slash, query string)', async () => {
    const from = '203.0.113.14';
    await login('jiefang_station', 'g1', from, '/api/auth/staff/login/').expect(401);
    await login('jiefang_station', 'g2', from, '/api/auth/staff/login?x=1').expect(401);
    await login('jiefang_station', 'g3', from, '/api/auth/staff/login/?y=').expect(401);
    for (const url of ['/api/auth/staff/login', '/api/auth/staff/login/', '/api/auth/staff/login?x=2']) {
      await login('jiefang_station', 'g4', from, url).expect(429);
    }
    // spellings that do not reach the handler are no way around it either: they are not a login at all
    for (const url of ['//api/auth/staff/login', '/API/auth/staff/login', '/api/auth/STAFF/login']) {
      const res = await login('jiefang_station', 'Jhyj@2026', from, url);
      expect([url, res.status]).toEqual([url, 404]);
    }
  });

  it('a burst of parallel guesses from one address gets no more than the free failures', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login('mall', `burst-${i}`, '203.0.113.15')),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(3);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  });

  it('parallel attempts within the free failures are all answered, none braked', async () => {
    const results = await Promise.all(
      Array.from({ length: 3 }, (_, i) => login('pinghu_community', `par-${i}`, '203.0.113.17')),
    );
    expect(results.map((r) => r.status)).toEqual([401, 401, 401]);
    await login('pinghu_community', 'again', '203.0.113.17').expect(429);
  });

  it("many addresses failing on one account slow down new addresses a little, not the owner's known address", async () => {
    await login('huashan_branch', 'Jhyj@2026', '198.51.100.20').expect(200); // the owner's usual address
    for (let i = 0; i < 4; i++) await login('huashan_branch', 'guess', `192.0.2.${i + 1}`).expect(401);
    // a fifth address, even with the right password, waits a moment
    const braked = await login('huashan_branch', 'Jhyj@2026', '192.0.2.99').expect(429);
    expect(braked.body.details.retryAfterSeconds).toBeLessThanOrEqual(60);
    // the owner's address is not held up
    await login('huashan_branch', 'Jhyj@2026', '198.51.100.20').expect(200);
  });

  it('one address alone cannot set off the per-account brake', async () => {
    for (let i = 0; i < 3; i++) await login('company', `guess-${i}`, '203.0.113.16').expect(401);
    for (let i = 0; i < 6; i++) {
      await waitOut('203.0.113.16');
      await login('company', 'guess', '203.0.113.16').expect(401);
    }
    await login('company', 'Jhyj@2026', '198.51.100.21').expect(200);
  });
});
