import sharp from 'sharp';
import type { AdminAlertResponse, AdminBulletinResponse, MyAlertPage } from '@jianghuai/shared';
import { PiiCipher } from '../src/common/pii/pii-cipher.js';
import { ActivitySignup } from '../src/modules/activities/entities/activity-signup.entity.js';
import { JobsService } from '../src/modules/jobs/jobs.service.js';
import { Notification } from '../src/modules/notifications/notification.entity.js';
import { OrgUnit } from '../src/modules/org/org-unit.entity.js';
import { SmsMessage } from '../src/modules/sms/sms-message.entity.js';
import { Volunteer } from '../src/modules/volunteers/volunteer.entity.js';
import { createVolunteers, publishActivity, type TestVolunteer } from './support/activity-factories.js';
import { bearer, createTestApp, E2E_DB, type TestContext } from './support/test-app.js';
import { testNow } from './support/test-clock.js';

/**
 * Early warnings and situation bulletins (docs/alerts.md): targeting by station, community, team and radius (places
 * hand-computed: 0.001° of latitude is 111.19 m), scope, texts for urgent ones only, pushes only with consent, read
 * figures, the bulletin's audience with company managers and its per-unit read figures, and scope probes.
 */

// 安民派出所 (雨山分局): no demo volunteer is managed there, so every count below is exact.
const P = { lat: 31.6518, lng: 118.4876 };
const north = (deg: number) => ({ lat: P.lat + deg, lng: P.lng });

describe(`alerts and bulletins (${E2E_DB})`, () => {
  let ctx: TestContext;
  const t: Record<string, string> = {};
  let am: OrgUnit;
  let amC1: OrgUnit;
  let amC2: OrgUnit;
  let ph: OrgUnit;
  let ys: OrgUnit;
  /** v[0..5] at 安民; v[6] managed by 雨山派出所 but living in 安民社区 */
  let v: TestVolunteer[];
  let team: TestVolunteer[];
  let teamId: number;

  const http = (token: string, method: 'get' | 'post', url: string, body?: object) => {
    const req = (method === 'get' ? ctx.http().get(`/api${url}`) : ctx.http().post(`/api${url}`)).set(...bearer(token));
    return body ? req.send(body) : req;
  };
  const count = (token: string, target: object) => http(token, 'post', '/admin/alerts/recipient-count', { target });
  const send = (token: string, target: object, over: object = {}) =>
    http(token, 'post', '/admin/alerts', {
      title: '近期盗窃电动车高发',
      text: '夜间巡逻请注意车棚。',
      level: 'normal',
      target,
      ...over,
    });
  const recipients = async (alertId: number) =>
    (
      await ctx.dataSource.query('SELECT userId FROM alert_recipients WHERE alertId = ? ORDER BY userId', [alertId])
    ).map((r: { userId: number }) => Number(r.userId));
  const ids = (list: TestVolunteer[]) => list.map((x) => x.userId).sort((a, b) => a - b);
  const setVolunteer = (id: number, set: Partial<Volunteer>) =>
    ctx.dataSource.getRepository(Volunteer).update({ id }, set);

  beforeAll(async () => {
    ctx = await createTestApp();
    for (const name of [
      'pinghu_station',
      'yushan_station',
      'yushan_branch',
      'jiefang_station',
      'pinghu_community',
      'admin',
      'company',
    ])
      t[name] = (await ctx.loginStaff(name)).accessToken;
    t.zhangwei = (await ctx.loginWechat('zhangwei')).accessToken;
    t.lina = (await ctx.loginWechat('lina')).accessToken;
    [am, amC1, amC2, ph, ys] = await Promise.all(
      ['MAS-YS-AM', 'MAS-YS-AM-C1', 'MAS-YS-AM-C2', 'MAS-YS-PH', 'MAS-YS'].map((c) => ctx.org(c)),
    );
    await ctx.dataSource.getRepository(OrgUnit).update({ id: amC1.id }, { lat: P.lat, lng: P.lng });
    await ctx.dataSource.getRepository(OrgUnit).update({ id: amC2.id }, north(0.01)); // 1111.9 m north
    v = [
      ...(await createVolunteers(ctx, 6, { stationCode: 'MAS-YS-AM' })),
      ...(await createVolunteers(ctx, 1, { stationCode: 'MAS-YS-YS' })),
    ];
    await setVolunteer(v[2].volunteerId, { residenceCommunityId: amC1.id });
    await setVolunteer(v[4].volunteerId, { residenceCommunityId: amC2.id });
    await setVolunteer(v[5].volunteerId, { residenceCommunityId: amC2.id });
    await setVolunteer(v[6].volunteerId, { residenceCommunityId: amC1.id });
    const pii = ctx.app.get(PiiCipher);
    await setVolunteer(v[2].volunteerId, { phoneEnc: pii.encrypt('13955550002') });
    await setVolunteer(v[6].volunteerId, { phoneEnc: pii.encrypt('13955550006') });
    // last check-in places: v5 222.4 m north (it overrides its residence 1111.9 m away), v1 667.2 m north
    const activity = await publishActivity(ctx, t.yushan_branch, { location: { address: '安民', ...P, radiusM: 300 } });
    const now = testNow();
    const checkin = (x: TestVolunteer, place: { lat: number; lng: number }, at: Date) => ({
      activityId: activity.id,
      volunteerId: x.volunteerId,
      userId: x.userId,
      status: 'confirmed' as const,
      live: 1,
      checkinAt: at,
      checkinMethod: 'location' as const,
      checkinLat: place.lat,
      checkinLng: place.lng,
      createdAt: now,
      updatedAt: now,
    });
    await ctx.dataSource
      .getRepository(ActivitySignup)
      .insert([checkin(v[5], north(0.002), now), checkin(v[1], north(0.006), now)]);
    // a team of 平湖派出所: a leader and three members
    team = await createVolunteers(ctx, 4, { stationCode: 'MAS-YS-PH' });
    const created = await http(t.pinghu_station, 'post', '/admin/teams', {
      name: '平湖预警测试组',
      kind: 'area_patrol',
      communityId: (await ctx.org('MAS-YS-PH-C1')).id,
      leaderVolunteerId: team[0].volunteerId,
      memberVolunteerIds: team.slice(1).map((x) => x.volunteerId),
    }).expect(201);
    teamId = created.body.id;
  });
  afterAll(() => ctx.close());

  it('a station reaches those it manages and those living in its communities; a community only its residents', async () => {
    expect((await count(t.yushan_branch, { kind: 'station', id: am.id }).expect(200)).body).toEqual({
      count: 7,
      withPhone: 2,
    });
    const res = await send(t.yushan_branch, { kind: 'station', id: am.id }).expect(200);
    expect(res.body).toMatchObject({
      targetKind: 'station',
      targetName: '安民派出所',
      counts: { recipients: 7, read: 0 },
    });
    expect(await recipients(res.body.id)).toEqual(ids(v));
    const community = await send(t.yushan_branch, { kind: 'community', id: amC1.id }).expect(200);
    expect(await recipients(community.body.id)).toEqual(ids([v[2], v[6]]));
    // a non-urgent warning sends no text
    expect(await ctx.dataSource.getRepository(SmsMessage).countBy({ ref: `early_warning:${res.body.id}` })).toBe(0);
  });

  it('a team reaches its leader and members', async () => {
    const res = await send(t.pinghu_station, { kind: 'team', id: teamId }).expect(200);
    expect(res.body).toMatchObject({ targetKind: 'team', targetName: '平湖预警测试组' });
    expect(await recipients(res.body.id)).toEqual(ids(team));
  });

  it('a radius counts the last check-in place, else the residence community centre (hand-computed)', async () => {
    // 500 m around P: v2 and v6 live in 安民社区 (0 m), v5 checked in 222.4 m away (its residence is 1111.9 m);
    // v1 checked in 667.2 m away, v4 lives 1111.9 m away, v0 has no place at all
    const at500 = await count(t.yushan_branch, { kind: 'radius', ...P, radiusM: 500 }).expect(200);
    expect(at500.body.count).toBe(3);
    const res = await send(t.yushan_branch, { kind: 'radius', ...P, radiusM: 500 }).expect(200);
    expect(await recipients(res.body.id)).toEqual(ids([v[2], v[5], v[6]]));
    expect((await count(t.yushan_branch, { kind: 'radius', ...P, radiusM: 700 }).expect(200)).body.count).toBe(4);
    expect((await count(t.yushan_branch, { kind: 'radius', ...P, radiusM: 1200 }).expect(200)).body.count).toBe(5);
    // the station officer of 平湖 has none of them in scope
    expect((await count(t.pinghu_station, { kind: 'radius', ...P, radiusM: 1200 }).expect(200)).body.count).toBe(0);
    await send(t.pinghu_station, { kind: 'radius', ...P, radiusM: 1200 }).expect(422);
  });

  it('a target outside the sender’s scope is 404, a malformed one 400', async () => {
    await count(t.pinghu_station, { kind: 'station', id: am.id }).expect(404);
    await send(t.pinghu_station, { kind: 'community', id: amC1.id }).expect(404);
    await send(t.yushan_station, { kind: 'team', id: teamId }).expect(404);
    await send(t.pinghu_community, { kind: 'station', id: ph.id }).expect(404);
    await send(t.pinghu_community, { kind: 'team', id: teamId }).expect(404);
    const wrongLevel = await send(t.yushan_branch, { kind: 'station', id: amC1.id }).expect(400);
    expect(wrongLevel.body.code).toBe('ALERT_TARGET_INVALID');
    expect((await send(t.yushan_branch, { kind: 'radius', ...P }).expect(400)).body.code).toBe('ALERT_TARGET_INVALID');
    await send(t.yushan_branch, { kind: 'radius', ...P, radiusM: 50 }).expect(400);
    await send(t.yushan_branch, { kind: 'radius', ...P, radiusM: 5001 }).expect(400);
    await send(t.yushan_branch, { kind: 'station' }).expect(400);
    await send(t.yushan_branch, { kind: 'station', id: am.id }, { text: 'x'.repeat(501) }).expect(400);
    await send(t.yushan_branch, { kind: 'station', id: am.id }, { level: 'high' }).expect(400);
    expect(
      await ctx.dataSource.query(
        "SELECT id FROM alerts WHERE orgPath = ? AND senderUserId IN (SELECT id FROM users WHERE username = 'pinghu_station') AND targetKind = 'station'",
        [am.path],
      ),
    ).toEqual([]);
  });

  it('an urgent warning queues a text per recipient with a number, sent by the delivery job to the sandbox', async () => {
    const res = await send(
      t.yushan_branch,
      { kind: 'community', id: amC1.id },
      { level: 'urgent', title: '暴雨红色预警' },
    ).expect(200);
    const ref = `early_warning:${res.body.id}`;
    const rows = await ctx.dataSource.getRepository(SmsMessage).find({ where: { ref }, order: { userId: 'ASC' } });
    expect(rows.map((r) => r.userId)).toEqual(ids([v[2], v[6]]));
    expect(rows.every((r) => r.template === 'early_warning' && r.status === 'pending')).toBe(true);
    const run = await ctx.app.get(JobsService).run('sms-delivery');
    expect(run.result).toMatchObject({ smsSent: 2 });
    const texts = ctx.sandbox.sms.sentMessages.filter((m) => ['+8613955550002', '+8613955550006'].includes(m.phone));
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatchObject({ templateId: '100002', params: ['雨山分局', '暴雨红色预警'] });
    const staff = await http(t.yushan_branch, 'get', `/admin/alerts/${res.body.id}`).expect(200);
    expect((staff.body as AdminAlertResponse).counts).toMatchObject({ recipients: 2, smsSent: 2, smsPending: 0 });
    // the audit entry names the warning and its reach
    const [audit] = await ctx.dataSource.query(
      "SELECT * FROM audit_logs WHERE action = 'alert.send' AND targetId = ?",
      [String(res.body.id)],
    );
    expect(audit).toBeTruthy();
  });

  it('pushes only where the guard consented; opening a warning reads it once and the officer sees the figures', async () => {
    await http(v[0].token, 'post', '/me/subscriptions', { templates: ['alert_warning'] }).expect(204);
    const sentBefore = ctx.sandbox.sentMessages.length;
    const res = await send(t.yushan_branch, { kind: 'station', id: am.id }, { title: '防范电信诈骗' }).expect(200);
    const id = res.body.id as number;
    const pushStatus = async (userId: number) =>
      (
        await ctx.dataSource
          .getRepository(Notification)
          .findOneByOrFail({ userId, page: `alerts/detail/index?id=${id}` })
      ).pushStatus;
    for (
      let i = 0;
      i < 100 && ((await pushStatus(v[0].userId)) === 'pending' || (await pushStatus(v[1].userId)) === 'pending');
      i++
    )
      await new Promise((r) => setTimeout(r, 50));
    // v0 has no openid the sandbox knows? it has one (vol-…): the push is sent; v1 never consented
    expect(await pushStatus(v[0].userId)).toBe('sent');
    expect(await pushStatus(v[1].userId)).toBe('no_consent');
    expect(ctx.sandbox.sentMessages.length).toBe(sentBefore + 1);

    const mine = (await http(v[0].token, 'get', '/me/alerts').expect(200)).body as MyAlertPage;
    expect(mine.items[0]).toMatchObject({ id, title: '防范电信诈骗', read: false, senderUnitName: '雨山分局' });
    await http(v[0].token, 'get', `/me/alerts/${id}`).expect(200);
    await http(v[0].token, 'get', `/me/alerts/${id}`).expect(200);
    await http(v[1].token, 'post', `/me/alerts/${id}/read`).expect(204);
    await http(v[1].token, 'post', `/me/alerts/${id}/read`).expect(204);
    // the in-app message is read with it
    const msg = await ctx.dataSource
      .getRepository(Notification)
      .findOneByOrFail({ userId: v[0].userId, page: `alerts/detail/index?id=${id}` });
    expect(msg.readAt).not.toBeNull();
    const staff = (await http(t.yushan_branch, 'get', `/admin/alerts/${id}`).expect(200)).body as AdminAlertResponse;
    expect(staff.counts).toMatchObject({ recipients: 7, read: 2, pushed: 1, smsSent: 0 });
    const list = await http(t.yushan_branch, 'get', '/admin/alerts').expect(200);
    expect(list.body.items[0]).toMatchObject({ id, counts: { read: 2 } });
    // not a recipient: 404 on the guard's routes
    await http(t.lina, 'get', `/me/alerts/${id}`).expect(404);
    await http(t.lina, 'post', `/me/alerts/${id}/read`).expect(404);
    expect(
      ((await http(t.lina, 'get', '/me/alerts').expect(200)).body as MyAlertPage).items.map((a) => a.id),
    ).not.toContain(id);
  });

  it('one guard opening a warning on two phones at the same moment counts one reader', async () => {
    const res = await send(t.yushan_branch, { kind: 'community', id: amC1.id }).expect(200);
    const id = res.body.id as number;
    const tries = await Promise.all([
      ...Array.from({ length: 3 }, () => http(v[6].token, 'get', `/me/alerts/${id}`)),
      ...Array.from({ length: 3 }, () => http(v[6].token, 'post', `/me/alerts/${id}/read`)),
    ]);
    expect(tries.map((r) => r.status).sort()).toEqual([200, 200, 200, 204, 204, 204]);
    const staff = (await http(t.yushan_branch, 'get', `/admin/alerts/${id}`).expect(200)).body as AdminAlertResponse;
    expect(staff.counts).toMatchObject({ recipients: 2, read: 1 });
  });

  it('an urgent unread warning is counted for the guard’s home banner until opened', async () => {
    const res = await send(t.yushan_branch, { kind: 'radius', ...P, radiusM: 300 }, { level: 'urgent' }).expect(200);
    const before = (await http(v[2].token, 'get', '/me/alerts').expect(200)).body as MyAlertPage;
    expect(before.unreadUrgent).toBeGreaterThanOrEqual(1);
    await http(v[2].token, 'get', `/me/alerts/${res.body.id}`).expect(200);
    const after = (await http(v[2].token, 'get', '/me/alerts').expect(200)).body as MyAlertPage;
    expect(after.unreadUrgent).toBe(before.unreadUrgent - 1);
  });

  it('a bulletin reaches the volunteers and company managers of the area, with read figures per unit and pictures for its audience only', async () => {
    const image = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#246' } })
      .jpeg()
      .toBuffer();
    const upload = await ctx
      .http()
      .post('/api/files')
      .set(...bearer(t.yushan_branch))
      .field('purpose', 'bulletin_image')
      .attach('file', image, { filename: 'b.jpg', contentType: 'image/jpeg' })
      .expect(201);
    const res = await http(t.yushan_branch, 'post', '/admin/bulletins', {
      title: '十一月治安状况通报',
      text: '本月辖区盗窃案件同比下降。',
      advice: '夜间巡逻注意车棚和老旧小区。',
      areaId: ys.id,
      imageIds: [upload.body.id],
    }).expect(200);
    const b = res.body as AdminBulletinResponse;
    const unit = (kind: string, name: string) => b.units.find((u) => u.kind === kind && u.name === name);
    // 平湖: 5 demo volunteers and the 4 of the team; 安民: 6; 雨山: v6; 皖安's manager
    expect(unit('station', '平湖派出所')).toMatchObject({ recipients: 9, read: 0 });
    expect(unit('station', '安民派出所')).toMatchObject({ recipients: 6, read: 0 });
    expect(unit('station', '雨山派出所')).toMatchObject({ recipients: 1, read: 0 });
    expect(unit('company', '皖安保安服务有限公司')).toMatchObject({ recipients: 1, read: 0 });
    expect(b.recipients).toBe(b.units.reduce((n, u) => n + u.recipients, 0));

    await http(t.company, 'get', `/me/bulletins/${b.id}`).expect(200);
    const seen = await http(t.zhangwei, 'get', `/me/bulletins/${b.id}`).expect(200);
    expect(seen.body).toMatchObject({
      title: '十一月治安状况通报',
      advice: '夜间巡逻注意车棚和老旧小区。',
      read: true,
    });
    await http(t.zhangwei, 'get', `/me/bulletins/${b.id}`).expect(200);
    const after = (await http(t.yushan_branch, 'get', `/admin/bulletins/${b.id}`).expect(200))
      .body as AdminBulletinResponse;
    expect(after.read).toBe(2);
    expect(after.units.find((u) => u.name === '平湖派出所')).toMatchObject({ recipients: 9, read: 1 });
    expect(after.units.find((u) => u.kind === 'company')).toMatchObject({ read: 1 });
    expect((await http(t.zhangwei, 'get', '/me/bulletins').expect(200)).body.items[0]).toMatchObject({ id: b.id });

    // the picture: its audience and the staff of its area read it; anyone else is told it does not exist
    await http(t.zhangwei, 'get', `/files/${upload.body.id}`).expect(200);
    await http(t.yushan_branch, 'get', `/files/${upload.body.id}`).expect(200);
    await http(t.lina, 'get', `/files/${upload.body.id}`).expect(404);
    await http(t.pinghu_station, 'get', `/files/${upload.body.id}`).expect(404);
    // a picture used once cannot be used again
    const again = await http(t.yushan_branch, 'post', '/admin/bulletins', {
      title: '再次通报',
      text: '内容',
      advice: '意见',
      areaId: am.id,
      imageIds: [upload.body.id],
    }).expect(400);
    expect(again.body.code).toBe('BULLETIN_IMAGE_INVALID');
  });

  it('a bulletin’s area is a station, branch or city within scope', async () => {
    const body = { title: '通报', text: '内容', advice: '意见' };
    expect(
      (await http(t.yushan_branch, 'post', '/admin/bulletins', { ...body, areaId: amC1.id }).expect(400)).body.code,
    ).toBe('BULLETIN_AREA_INVALID');
    await http(t.pinghu_station, 'post', '/admin/bulletins', { ...body, areaId: ys.id }).expect(404);
    await http(t.pinghu_station, 'post', '/admin/bulletins', { ...body, areaId: am.id }).expect(404);
    const own = await http(t.pinghu_station, 'post', '/admin/bulletins', { ...body, areaId: ph.id }).expect(200);
    expect((own.body as AdminBulletinResponse).units.map((u) => u.name).sort()).toEqual(
      ['平湖派出所', '皖安保安服务有限公司'].sort(),
    );
  });

  it('scope probes: another station’s officer 404 on every read by id, guards and the administrator 403 on staff routes', async () => {
    const alert = (await send(t.yushan_branch, { kind: 'station', id: am.id }).expect(200)).body.id as number;
    const bulletin = (
      await http(t.yushan_branch, 'post', '/admin/bulletins', {
        title: '通报',
        text: '内容',
        advice: '意见',
        areaId: am.id,
      }).expect(200)
    ).body.id as number;
    for (const who of ['jiefang_station', 'pinghu_station', 'pinghu_community', 'yushan_station']) {
      await http(t[who], 'get', `/admin/alerts/${alert}`).expect(404);
      await http(t[who], 'get', `/admin/bulletins/${bulletin}`).expect(404);
      const alerts = (await http(t[who], 'get', '/admin/alerts?pageSize=100').expect(200)).body.items as {
        id: number;
      }[];
      expect(alerts.map((a) => a.id)).not.toContain(alert);
      const bulletins = (await http(t[who], 'get', '/admin/bulletins?pageSize=100').expect(200)).body.items as {
        id: number;
      }[];
      expect(bulletins.map((x) => x.id)).not.toContain(bulletin);
      await http(t[who], 'get', `/me/alerts/${alert}`).expect(404);
      await http(t[who], 'get', `/me/bulletins/${bulletin}`).expect(404);
    }
    await http(t.yushan_branch, 'get', `/admin/alerts/${alert}`).expect(200);
    await http(t.yushan_branch, 'get', `/admin/bulletins/${bulletin}`).expect(200);
    for (const who of ['zhangwei', 'admin', 'company']) {
      await http(t[who], 'get', '/admin/alerts/targets').expect(403);
      await count(t[who], { kind: 'station', id: am.id }).expect(403);
      await send(t[who], { kind: 'station', id: am.id }).expect(403);
      await http(t[who], 'get', '/admin/alerts').expect(403);
      await http(t[who], 'get', `/admin/alerts/${alert}`).expect(403);
      await http(t[who], 'post', '/admin/bulletins', {
        title: '通报',
        text: '内容',
        advice: '意见',
        areaId: am.id,
      }).expect(403);
      await http(t[who], 'get', '/admin/bulletins').expect(403);
      await http(t[who], 'get', `/admin/bulletins/${bulletin}`).expect(403);
    }
    await http(t.zhangwei, 'get', '/admin/alerts/abc').expect(403);
    await http(t.yushan_branch, 'get', '/admin/alerts/abc').expect(400);
    const targets = (await http(t.pinghu_community, 'get', '/admin/alerts/targets').expect(200)).body;
    expect(targets).toMatchObject({ stations: [], teams: [], areas: [] });
    expect(targets.communities.map((c: { name: string }) => c.name)).toEqual(['平湖社区']);
  });
});
