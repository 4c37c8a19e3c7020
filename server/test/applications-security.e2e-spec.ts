import { E2E_DB, createTestApp, bearer, type TestContext } from './support/test-app.js';
import {
  applicationBody,
  birthForAge,
  communityId,
  makeIdNumber,
  newApplicant,
  phoneCode,
  recordClearCheck,
  staffToken,
  submitted,
} from './support/application-factories.js';
import { testNowMs } from './support/test-clock.js';
import { enrolmentConfig, type EnrolmentConfig } from '../src/config/enrolment.config.js';

describe('Applications: ID-number oracle, rate limits, four eyes (e2e)', () => {
  let ctx: TestContext;
  let station: string;
  let community: string;
  let branch: string;
  let city: string;
  let residence: number;
  beforeAll(async () => {
    ctx = await createTestApp();
    station = await staffToken(ctx, 'pinghu_station');
    community = await staffToken(ctx, 'pinghu_community');
    branch = await staffToken(ctx, 'yushan_branch');
    city = await staffToken(ctx, 'city');
    residence = await communityId(ctx, 'MAS-YS-PH-C1');
  });
  afterAll(() => ctx.close());

  const post = (url: string, token: string, body: object = {}) =>
    ctx
      .http()
      .post(url)
      .set(...bearer(token))
      .send(body);
  const apply = (token: string, over: object) =>
    post('/api/applications', token, applicationBody(ctx, { residenceCommunityId: residence, ...over }));
  const audit = async (token: string, action: string) =>
    (
      await ctx
        .http()
        .get(`/api/admin/audit-logs?action=${action}&pageSize=100`)
        .set(...bearer(token))
        .expect(200)
    ).body.items as { actorId: number; after: Record<string, unknown> }[];

  /** Normal path to membership (community reviews, branch approves) for an applicant with a known phone. */
  async function member(sandboxName: string, phone: string) {
    const app = await submitted(ctx, sandboxName, 'MAS-YS-PH-C1', { phoneCode: phoneCode(ctx, phone) });
    await recordClearCheck(ctx, community, app.id);
    await post(`/api/admin/applications/${app.id}/approve`, community).expect(200);
    await post(`/api/admin/applications/${app.id}/approve`, branch).expect(200);
    return app;
  }

  describe('ID-number oracle', () => {
    let memberId: string;
    let pendingId: string;
    beforeAll(async () => {
      memberId = (await member('oracle-member', '13922220001')).body.idNumber;
      pendingId = (await submitted(ctx, 'oracle-pending', 'MAS-YS-PH-C1', { phoneCode: phoneCode(ctx, '13922220002') }))
        .body.idNumber;
    });

    it("before the phone is verified, a member's or a pending applicant's ID number gets only the phone error", async () => {
      const prober = await newApplicant(ctx, 'oracle-prober-1');
      for (const idNumber of [memberId, pendingId, makeIdNumber(birthForAge(30), 801)]) {
        const missing = await apply(prober.token, { idNumber, phoneCode: undefined });
        expect(missing.body.code).toBe('PHONE_VERIFICATION_REQUIRED');
        const forged = await apply(prober.token, { idNumber, phoneCode: 'never-issued' });
        expect(forged.body.code).toBe('WECHAT_PHONE_CODE_INVALID');
      }
    });

    it('a verified phone that is not the one on record gets one neutral answer for member and pending alike, audited for the holding station', async () => {
      const prober = await newApplicant(ctx, 'oracle-prober-2');
      const asMember = await apply(prober.token, { idNumber: memberId });
      const asPending = await apply(prober.token, { idNumber: pendingId });
      for (const res of [asMember, asPending]) {
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('ID_NUMBER_ALREADY_REGISTERED');
      }
      expect(asMember.body.message).toBe(asPending.body.message);
      const seen = (await audit(station, 'application.id_conflict')).filter((a) => a.actorId === prober.userId);
      expect(seen.map((a) => a.after.heldAs).sort()).toEqual(['member', 'pending']);
    });

    it("the phone on record is told plainly (the member's own phone, the pending applicant's own phone)", async () => {
      const owner = await newApplicant(ctx, 'oracle-owner');
      expect(
        (await apply(owner.token, { idNumber: memberId, phoneCode: phoneCode(ctx, '13922220001') })).body.code,
      ).toBe('APPLICANT_ALREADY_MEMBER');
      expect(
        (await apply(owner.token, { idNumber: pendingId, phoneCode: phoneCode(ctx, '13922220002') })).body.code,
      ).toBe('APPLICATION_ALREADY_PENDING');
    });
  });

  describe('rate limits, counted in the database', () => {
    let cfg: EnrolmentConfig;
    let saved: Pick<EnrolmentConfig, 'submitRatePerUser' | 'submitRatePerIdNumber'>;
    beforeAll(() => {
      cfg = ctx.app.get<EnrolmentConfig>(enrolmentConfig.KEY);
      saved = { submitRatePerUser: cfg.submitRatePerUser, submitRatePerIdNumber: cfg.submitRatePerIdNumber };
    });
    afterEach(() => Object.assign(cfg, saved));

    it('one applicant trying many ID numbers is braked with 429 and audited', async () => {
      cfg.submitRatePerUser = 3;
      const prober = await newApplicant(ctx, 'rate-user');
      const codes: string[] = [];
      for (let i = 0; i < 5; i++)
        codes.push(
          (
            await apply(prober.token, {
              idNumber: makeIdNumber(birthForAge(31), 810 + i * 2),
              phoneCode: 'never-issued',
            })
          ).body.code,
        );
      expect(codes).toEqual([
        'WECHAT_PHONE_CODE_INVALID',
        'WECHAT_PHONE_CODE_INVALID',
        'WECHAT_PHONE_CODE_INVALID',
        'APPLICATION_RATE_LIMITED',
        'APPLICATION_RATE_LIMITED',
      ]);
      const limited = await apply(prober.token, { idNumber: makeIdNumber(birthForAge(31), 830) });
      expect(limited.status).toBe(429);
      expect(limited.body.details.retryAfterSeconds).toBeGreaterThan(0);
      const [row] = await ctx.dataSource.query('SELECT hits FROM application_rate_windows WHERE rateKey = ?', [
        `u:${prober.userId}`,
      ]);
      expect(Number(row.hits)).toBe(6);
      const entries = (await audit(city, 'application.rate_limited')).filter((a) => a.actorId === prober.userId);
      expect(entries).toHaveLength(1);
      expect(entries[0].after).toMatchObject({ scope: 'user', limit: 3 });
    });

    it('one ID number tried from many accounts is braked too', async () => {
      cfg.submitRatePerIdNumber = 2;
      const idNumber = makeIdNumber(birthForAge(32), 841);
      const codes: string[] = [];
      for (let i = 0; i < 3; i++)
        codes.push(
          (await apply((await newApplicant(ctx, `rate-id-${i}`)).token, { idNumber, phoneCode: 'never-issued' })).body
            .code,
        );
      expect(codes).toEqual(['WECHAT_PHONE_CODE_INVALID', 'WECHAT_PHONE_CODE_INVALID', 'APPLICATION_RATE_LIMITED']);
      const entries = (await audit(city, 'application.rate_limited')).filter((a) => a.after.scope === 'id_number');
      expect(entries.length).toBeGreaterThanOrEqual(1);
    });
  });

  describe('four eyes', () => {
    it('the two steps of a normal review are made by two different people', async () => {
      const app = await submitted(ctx, 'four-eyes-steps');
      await recordClearCheck(ctx, branch, app.id);
      await post(`/api/admin/applications/${app.id}/approve`, branch).expect(200);
      const again = await post(`/api/admin/applications/${app.id}/approve`, branch);
      expect(again.status).toBe(403);
      expect(again.body.code).toBe('REVIEW_SAME_PERSON');
      const other = await post(`/api/admin/applications/${app.id}/approve`, city).expect(200);
      expect(other.body.status).toBe('approved');
      expect(other.body.steps.map((s: { by: { name: string } }) => s.by.name)).toEqual(['刘大队', '陈支队']);
    });

    it('nobody reviews their own application (made with their own phone)', async () => {
      // 王所长's provisioned phone, used for an application from a WeChat account
      const app = await submitted(ctx, 'four-eyes-own', 'MAS-YS-PH-C1', { phoneCode: phoneCode(ctx, '13805550005') });
      const check = await post(`/api/admin/applications/${app.id}/criminal-check`, station, {
        result: 'clear',
        checkedBy: '王警官',
        checkedAt: new Date(testNowMs() - 3600_000).toISOString(),
      });
      expect(check.status).toBe(403);
      expect(check.body.code).toBe('REVIEW_OWN_APPLICATION');
      expect((await post(`/api/admin/applications/${app.id}/approve`, station)).body.code).toBe(
        'REVIEW_OWN_APPLICATION',
      );
      expect(
        (await post(`/api/admin/applications/${app.id}/reject`, station, { reason: '自己退回自己' })).body.code,
      ).toBe('REVIEW_OWN_APPLICATION');
      // a colleague may
      await recordClearCheck(ctx, community, app.id);
      await post(`/api/admin/applications/${app.id}/approve`, community).expect(200);
    });

    it('nobody reviews their own application (made from their own bound WeChat account, another phone)', async () => {
      // 吴社区民警 binds WeChat with the provisioned phone, then applies from that account with another phone
      const wx = await ctx.loginWechat('four-eyes-officer-wu');
      await post('/api/auth/wechat/bind-staff', wx.accessToken, { phoneCode: phoneCode(ctx, '13805550008') }).expect(
        200,
      );
      const wu = await ctx.loginWechat('four-eyes-officer-wu');
      const app = await apply(wu.accessToken, {}).expect(201);
      const check = await post(`/api/admin/applications/${app.body.id}/criminal-check`, wu.accessToken, {
        result: 'clear',
        checkedBy: '吴',
        checkedAt: new Date(testNowMs() - 3600_000).toISOString(),
      });
      expect(check.status).toBe(403);
      expect(check.body.code).toBe('REVIEW_OWN_APPLICATION');
      await recordClearCheck(ctx, station, app.body.id);
      expect((await post(`/api/admin/applications/${app.body.id}/approve`, wu.accessToken)).body.code).toBe(
        'REVIEW_OWN_APPLICATION',
      );
      await post(`/api/admin/applications/${app.body.id}/approve`, station).expect(200);
    });
  });
});

(E2E_DB === 'mysql' ? describe : describe.skip)(
  'Application rate limit across two server instances (e2e, MySQL)',
  () => {
    let a: TestContext;
    let b: TestContext;
    beforeAll(async () => {
      a = await createTestApp();
      b = await createTestApp({}, { sameDatabaseAs: a });
      for (const ctx of [a, b]) ctx.app.get<EnrolmentConfig>(enrolmentConfig.KEY).submitRatePerUser = 4;
    });
    afterAll(async () => {
      await b?.close();
      await a?.close();
    });

    it('submissions split between the instances brake on one count', async () => {
      const applicant = await newApplicant(a, 'two-instance-rate');
      const body = (i: number) => ({
        ...applicationBody(a, { idNumber: makeIdNumber(birthForAge(33), 900 + i * 2) }),
        phoneCode: 'never-issued',
      });
      const codes: string[] = [];
      for (let i = 0; i < 6; i++)
        codes.push(
          (
            await (i % 2 ? b : a)
              .http()
              .post('/api/applications')
              .set(...bearer(applicant.token))
              .send(body(i))
          ).body.code,
        );
      // each instance alone has seen three: only a shared count refuses the fifth and sixth
      expect(codes).toEqual([
        ...Array(4).fill('WECHAT_PHONE_CODE_INVALID'),
        'APPLICATION_RATE_LIMITED',
        'APPLICATION_RATE_LIMITED',
      ]);
    });
  },
);
