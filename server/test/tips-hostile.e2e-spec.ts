import sharp from 'sharp';
import { addCalendarDays, alertSmsRef } from '@jianghuai/shared';
import { IncidentReport } from '../src/modules/casework/entities/incident-report.entity.js';
import { IncidentOverdue } from '../src/modules/casework/incident-overdue.js';
import { createTestApp, E2E_DB, type TestContext } from './support/test-app.js';
import { testToday } from './support/test-clock.js';

/**
 * Hostile input and races on tips, disputes, major-event reports and bulletins (docs/tips.md, docs/disputes.md,
 * docs/alerts.md): impossible dates and blank texts are a 400 in Chinese, never a 500 nor an empty record; a point
 * needs both coordinates; a bulletin's pictures are for its readers and the officers over its area only; simultaneous
 * requests change a record once.
 */

const bearer = (token: string): [string, string] => ['Authorization', `Bearer ${token}`];
let seq = 0;
const requestId = () => `hostile-${Date.now().toString(36)}-${(seq++).toString(36)}`;
const BLANK = '  \u3000 \t ';

describe(`tips, cases and reports under hostile input (${E2E_DB})`, () => {
  let ctx: TestContext;
  const t: Record<string, string> = {};

  const call = (token: string, method: 'get' | 'post', path: string, body?: object) => {
    const http = ctx.http();
    const req = (method === 'get' ? http.get(`/api${path}`) : http.post(`/api${path}`)).set(...bearer(token));
    return body ? req.send(body) : req;
  };
  const submit = (body: Record<string, unknown> = {}) =>
    call(t.zhangwei, 'post', '/tips', {
      clientRequestId: requestId(),
      category: 'dispute',
      text: '两户人家因停车位争吵',
      ...body,
    });
  const refused = async (res: PromiseLike<{ status: number; body: { code?: string } }>, label: string) => {
    const r = await res;
    expect([label, r.status, r.body.code]).toEqual([label, 400, 'VALIDATION_FAILED']);
  };
  const fileReport = (body: Record<string, unknown> = {}) =>
    call(t.company, 'post', '/company/incident-reports', {
      clientRequestId: requestId(),
      category: 'urgent',
      subcategory: '火灾',
      occurredAt: new Date(ctx.clock.nowMs() - 10 * 60_000).toISOString(),
      place: '雨山湖公园东门',
      content: '配电箱起火，已扑灭',
      ...body,
    });
  const newCase = (body: Record<string, unknown> = {}) =>
    call(t.pinghu_station, 'post', '/admin/disputes', {
      type: 'neighbour',
      parties: [{ name: '张三丰' }],
      place: { address: '平湖小区 3 栋' },
      description: '楼上漏水，两户多次争吵',
      ...body,
    });

  beforeAll(async () => {
    ctx = await createTestApp();
    for (const name of ['pinghu_station', 'yushan_branch', 'city', 'company', 'admin', 'mall', 'pinghu_community'])
      t[name] = (await ctx.loginStaff(name)).accessToken;
    t.zhangwei = (await ctx.loginWechat('zhangwei')).accessToken;
  });
  afterAll(() => ctx.close());

  it('an impossible date in the queue’s and the map’s filters is a 400, never a 500 nor a silently moved day', async () => {
    for (const path of ['/admin/tips', '/admin/tips/places'])
      for (const q of ['to=2026-13-45', 'from=2026-13-45', 'from=2026-02-30', 'to=0000-00-00', 'to=2026-02-29'])
        await refused(call(t.pinghu_station, 'get', `${path}?${q}`), `${path}?${q}`);
    // a real leap day is a day
    await call(t.pinghu_station, 'get', '/admin/tips?from=2024-02-29&to=2024-02-29').expect(200);
    await refused(
      call(t.pinghu_station, 'post', `/admin/disputes/${(await newCase().expect(200)).body.id}/steps`, {
        date: '2026-02-30',
        text: '走访双方',
      }),
      'step on 30 February',
    );
  });

  it('texts of blanks are refused everywhere a person reads them; spaces around a text are dropped', async () => {
    await refused(submit({ text: BLANK }), 'tip text');
    await refused(submit({ place: { address: BLANK } }), 'tip address');
    const tip = (await submit({ text: '  门口有人吵架  ' }).expect(200)).body as { id: number; text: string };
    expect(tip.text).toBe('门口有人吵架');
    await refused(call(t.zhangwei, 'post', `/me/tips/${tip.id}/messages`, { text: BLANK }), 'guard message');
    await refused(call(t.pinghu_station, 'post', `/admin/tips/${tip.id}/messages`, { text: BLANK }), 'officer reply');
    await refused(call(t.pinghu_station, 'post', `/admin/tips/${tip.id}/reject`, { reason: BLANK }), 'reject reason');
    await call(t.pinghu_station, 'post', `/admin/tips/${tip.id}/accept`).expect(200);
    await refused(call(t.pinghu_station, 'post', `/admin/tips/${tip.id}/close`, { result: BLANK }), 'close result');
    // nothing of it reached the guard: no empty message, the tip still accepted
    const thread = (await call(t.zhangwei, 'get', `/me/tips/${tip.id}/messages`).expect(200)).body as unknown[];
    expect(thread).toEqual([]);
    expect((await call(t.zhangwei, 'get', `/me/tips/${tip.id}`).expect(200)).body.status).toBe('accepted');

    await refused(newCase({ parties: [{ name: BLANK }] }), 'party name');
    await refused(newCase({ place: { address: BLANK } }), 'case address');
    await refused(newCase({ description: BLANK }), 'case description');
    await refused(
      call(t.pinghu_station, 'post', '/admin/disputes/from-tip', {
        tipId: tip.id,
        type: 'neighbour',
        parties: [{ name: '张三丰' }],
        description: BLANK,
      }),
      'from-tip description',
    );
    const c = (await newCase({ parties: [{ name: ' 李四 ' }] }).expect(200)).body as {
      id: number;
      parties: { name: string }[];
    };
    expect(c.parties[0].name).toBe('李四');
    const today = testToday();
    await refused(
      call(t.pinghu_station, 'post', `/admin/disputes/${c.id}/steps`, { date: today, text: BLANK }),
      'step text',
    );
    await refused(
      call(t.pinghu_station, 'post', `/admin/disputes/${c.id}/close`, { outcome: 'resolved', note: BLANK }),
      'close note',
    );
    expect((await call(t.pinghu_station, 'get', `/admin/disputes/${c.id}`).expect(200)).body).toMatchObject({
      status: 'open',
      steps: [],
    });
    await call(t.pinghu_station, 'post', `/admin/disputes/${c.id}/steps`, {
      date: addCalendarDays(today, -1),
      text: '走访双方',
    }).expect(200);

    await refused(fileReport({ subcategory: BLANK }), 'report subcategory');
    await refused(fileReport({ place: BLANK }), 'report place');
    await refused(fileReport({ content: BLANK }), 'report content');

    const ph = (await ctx.org('MAS-YS-PH')).id;
    const target = { kind: 'station', id: ph };
    await refused(
      call(t.pinghu_station, 'post', '/admin/alerts', { target, title: BLANK, text: '注意防范', level: 'normal' }),
      'warning title',
    );
    await refused(
      call(t.pinghu_station, 'post', '/admin/alerts', { target, title: '防范提醒', text: BLANK, level: 'normal' }),
      'warning text',
    );
    await refused(
      call(t.pinghu_station, 'post', '/admin/bulletins', { title: '通报', text: BLANK, advice: '意见', areaId: ph }),
      'bulletin text',
    );
  });

  it('a place has both coordinates or neither', async () => {
    await refused(submit({ place: { address: '平湖小区东门', lat: 31.66 } }), 'tip lat alone');
    await refused(submit({ place: { address: '平湖小区东门', lng: 118.5 } }), 'tip lng alone');
    await refused(submit({ place: { address: '平湖小区东门', lat: 31.66, lng: null } }), 'tip lng null');
    await submit({ place: { address: '平湖小区东门', lat: null, lng: null } }).expect(200);
    await submit({ place: { address: '平湖小区东门', lat: 31.66, lng: 118.5 } }).expect(200);
    await refused(newCase({ place: { address: '平湖小区 3 栋', lat: 31.66 } }), 'case lat alone');
    await refused(newCase({ place: { address: '平湖小区 3 栋', lat: 91, lng: 118.5 } }), 'case lat 91');
  });

  it('a bulletin’s picture: its readers and the officers over its area, never other staff accounts', async () => {
    const image = await sharp({ create: { width: 120, height: 90, channels: 3, background: '#246' } })
      .jpeg()
      .toBuffer();
    const upload = await ctx
      .http()
      .post('/api/files')
      .set(...bearer(t.yushan_branch))
      .field('purpose', 'bulletin_image')
      .attach('file', image, { filename: 'b.jpg', contentType: 'image/jpeg' })
      .expect(201);
    const ph = (await ctx.org('MAS-YS-PH')).id;
    await call(t.yushan_branch, 'post', '/admin/bulletins', {
      title: '平湖治安通报',
      text: '本月电动车被盗三起。',
      advice: '车棚加锁。',
      areaId: ph,
      imageIds: [upload.body.id],
    }).expect(200);
    const url = `/files/${upload.body.id}`;
    for (const who of ['zhangwei', 'company', 'pinghu_station', 'yushan_branch', 'city'])
      expect([who, (await call(t[who], 'get', url)).status]).toEqual([who, 200]);
    for (const who of ['admin', 'mall', 'pinghu_community'])
      expect([who, (await call(t[who], 'get', url)).status]).toEqual([who, 404]);
  });

  it('at the same moment: two closes of a tip, three conversions into a case, three runs of the overdue job', async () => {
    const { id } = (await submit().expect(200)).body as { id: number };
    await call(t.pinghu_station, 'post', `/admin/tips/${id}/accept`).expect(200);
    const closes = await Promise.all([
      call(t.pinghu_station, 'post', `/admin/tips/${id}/close`, { result: '已调解' }),
      call(t.yushan_branch, 'post', `/admin/tips/${id}/close`, { result: '已移交' }),
    ]);
    expect(closes.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(closes.find((r) => r.status === 409)?.body.code).toBe('TIP_STATE_CHANGED');
    const events = await ctx.dataSource.query(
      "SELECT COUNT(*) AS n FROM tip_events WHERE tipId = ? AND action = 'close'",
      [id],
    );
    expect(Number(events[0].n)).toBe(1);

    const conversions = await Promise.all(
      [0, 1, 2].map(() =>
        call(t.pinghu_station, 'post', '/admin/disputes/from-tip', {
          tipId: id,
          type: 'neighbour',
          parties: [{ name: '张三丰' }],
        }),
      ),
    );
    expect(conversions.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const cases = await ctx.dataSource.query('SELECT COUNT(*) AS n FROM dispute_cases WHERE tipId = ?', [id]);
    expect(Number(cases[0].n)).toBe(1);

    const report = (await fileReport().expect(200)).body as { id: number };
    await ctx.dataSource
      .getRepository(IncidentReport)
      .update(report.id, { acknowledgeDueAt: new Date(ctx.clock.nowMs() - 60_000) });
    const job = ctx.app.get(IncidentOverdue);
    const runs = await Promise.all([job.run(), job.run(), job.run()]);
    expect(runs.reduce((n, r) => n + r.flagged, 0)).toBe(1);
    const told = await ctx.dataSource.query(
      "SELECT COUNT(*) AS n FROM notifications WHERE template = 'incident_overdue' AND page LIKE ?",
      [`%?id=${report.id}`],
    );
    expect(Number(told[0].n)).toBe(runs.reduce((n, r) => n + r.notified, 0));
    expect(Number(told[0].n)).toBeGreaterThanOrEqual(1);
  });

  it('a report’s pictures follow the report: a manager who has left the company reads neither', async () => {
    const image = await sharp({ create: { width: 120, height: 90, channels: 3, background: '#a33' } })
      .jpeg()
      .toBuffer();
    const upload = await ctx
      .http()
      .post('/api/files')
      .set(...bearer(t.company))
      .field('purpose', 'incident_attachment')
      .attach('file', image, { filename: 'fire.jpg', contentType: 'image/jpeg' })
      .expect(201);
    const report = (await fileReport({ attachmentIds: [upload.body.id] }).expect(200)).body as {
      id: number;
      attachments: { url: string }[];
    };
    const picture = () => ctx.http().get(report.attachments[0].url);
    await picture()
      .set(...bearer(t.company))
      .expect(200);
    await picture()
      .set(...bearer(t.pinghu_station))
      .expect(200);
    for (const who of ['admin', 'mall', 'zhangwei'])
      expect([who, (await picture().set(...bearer(t[who]))).status]).toEqual([who, 404]);
    const [company] = await ctx.dataSource.query('SELECT id, managerUserId FROM companies WHERE id = ?', [
      (await call(t.company, 'get', `/company/incident-reports/${report.id}`).expect(200)).body.companyId,
    ]);
    await ctx.dataSource.query('UPDATE companies SET managerUserId = NULL WHERE id = ?', [company.id]);
    try {
      expect((await call(t.company, 'get', `/company/incident-reports/${report.id}`)).status).toBe(404);
      await picture()
        .set(...bearer(t.company))
        .expect(404);
      await picture()
        .set(...bearer(t.pinghu_station))
        .expect(200);
    } finally {
      await ctx.dataSource.query('UPDATE companies SET managerUserId = ? WHERE id = ?', [
        company.managerUserId,
        company.id,
      ]);
    }
  });

  it('pictures of a tip, a report and a bulletin are served without where they were taken nor what was appended', async () => {
    const phonePhoto = Buffer.concat([
      await sharp({ create: { width: 200, height: 150, channels: 3, background: '#2a6' } })
        .jpeg()
        .withExif({
          IFD0: { Make: 'SecretPhoneMaker' },
          IFD3: {
            GPSLatitudeRef: 'N',
            GPSLatitude: '31/1 40/1 12/1',
            GPSLongitudeRef: 'E',
            GPSLongitude: '118/1 30/1 0/1',
          },
        })
        .toBuffer(),
      Buffer.from('PK\x03\x04<script>alert(1)</script>', 'binary'),
    ]);
    const upload = (token: string, purpose: string, bytes = phonePhoto, filename = '../../etc/passwd.jpg') =>
      ctx
        .http()
        .post('/api/files')
        .set(...bearer(token))
        .field('purpose', purpose)
        .attach('file', bytes, { filename, contentType: 'image/jpeg' });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    for (const [who, purpose] of [
      ['zhangwei', 'tip_photo'],
      ['company', 'incident_attachment'],
      ['yushan_branch', 'bulletin_image'],
    ])
      expect([purpose, (await upload(t[who], purpose, svg, 'photo.jpg')).status]).toEqual([purpose, 415]);

    const tipPhoto = (await upload(t.zhangwei, 'tip_photo').expect(201)).body.id as string;
    const tip = (await submit({ photoIds: [tipPhoto] }).expect(200)).body as { photos: { url: string }[] };
    const reportPhoto = (await upload(t.company, 'incident_attachment').expect(201)).body.id as string;
    const report = (await fileReport({ attachmentIds: [reportPhoto] }).expect(200)).body as {
      attachments: { url: string }[];
    };
    const bulletinPhoto = (await upload(t.yushan_branch, 'bulletin_image').expect(201)).body.id as string;
    await call(t.yushan_branch, 'post', '/admin/bulletins', {
      title: '平湖治安通报',
      text: '本月电动车被盗两起。',
      advice: '车棚加锁。',
      areaId: (await ctx.org('MAS-YS-PH')).id,
      imageIds: [bulletinPhoto],
    }).expect(200);
    for (const url of [tip.photos[0].url, report.attachments[0].url, `/api/files/${bulletinPhoto}`]) {
      const res = await ctx
        .http()
        .get(url)
        .set(...bearer(t.pinghu_station))
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const served = res.body as Buffer;
      expect(res.headers['content-type']).toBe('image/jpeg');
      expect(res.headers['content-disposition']).toMatch(/^inline; filename="[0-9a-f]{32}\.jpg"$/);
      expect((await sharp(served).metadata()).exif).toBeUndefined();
      expect(served.includes(Buffer.from('SecretPhoneMaker'))).toBe(false);
      expect(served.includes(Buffer.from('<script>'))).toBe(false);
    }
  });

  it('a length is counted as the database counts it: 2000 ❤️ are 4000 characters, refused, never a 500', async () => {
    const hearts = (n: number) => '\u2764\ufe0f'.repeat(n);
    await refused(submit({ text: hearts(2000) }), 'tip of hearts');
    await refused(submit({ text: hearts(1001) }), 'tip of 2002 characters');
    expect((await submit({ text: hearts(1000) }).expect(200)).body.text).toBe(hearts(1000));
    // an emoji outside the basic plane is one character for both
    await submit({ text: '\ud83d\ude00'.repeat(2000) }).expect(200);
    await refused(newCase({ description: hearts(2000) }), 'case of hearts');
    await refused(fileReport({ content: hearts(2000) }), 'report of hearts');
    await refused(
      call(t.pinghu_station, 'post', '/admin/alerts', {
        target: { kind: 'station', id: (await ctx.org('MAS-YS-PH')).id },
        title: hearts(30),
        text: '注意防范',
        level: 'normal',
      }),
      'warning title of hearts',
    );
  });

  it('an urgent warning sent again with its request number (three at once, then a retry) goes out once, texts once', async () => {
    const body = {
      clientRequestId: requestId(),
      target: { kind: 'station', id: (await ctx.org('MAS-YS-PH')).id },
      title: '电动车盗窃预警',
      text: '近期夜间车棚多发盗窃，请注意巡查。',
      level: 'urgent',
    };
    const sends = await Promise.all([0, 1, 2].map(() => call(t.pinghu_station, 'post', '/admin/alerts', body)));
    expect(sends.map((r) => r.status)).toEqual([200, 200, 200]);
    const ids = new Set(sends.map((r) => r.body.id as number));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    expect((await call(t.pinghu_station, 'post', '/admin/alerts', body).expect(200)).body.id).toBe(id);
    const rows = await ctx.dataSource.query('SELECT COUNT(*) AS n FROM alerts WHERE clientRequestId = ?', [
      body.clientRequestId,
    ]);
    expect(Number(rows[0].n)).toBe(1);
    const recipients = sends[0].body.counts.recipients as number;
    const told = await ctx.dataSource.query(
      "SELECT COUNT(*) AS n FROM notifications WHERE template = 'alert_warning' AND page LIKE ?",
      [`%?id=${id}`],
    );
    expect(Number(told[0].n)).toBe(recipients);
    const { withPhone } = (
      await call(t.pinghu_station, 'post', '/admin/alerts/recipient-count', { target: body.target }).expect(200)
    ).body as { withPhone: number };
    expect(withPhone).toBeGreaterThan(0);
    const texts = await ctx.dataSource.query('SELECT COUNT(*) AS n FROM sms_messages WHERE ref = ?', [alertSmsRef(id)]);
    expect(Number(texts[0].n)).toBe(withPhone);
    // another officer's request number is theirs alone; a request number is refused when malformed
    expect((await call(t.yushan_branch, 'post', '/admin/alerts', body).expect(200)).body.id).not.toBe(id);
    await refused(call(t.pinghu_station, 'post', '/admin/alerts', { ...body, clientRequestId: '../x' }), 'request id');
  });
});
