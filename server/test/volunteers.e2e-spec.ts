import ExcelJS from 'exceljs';
import { createTestApp, bearer, type TestContext } from './support/test-app.js';
import { recordClearCheck, staffToken, submitted } from './support/application-factories.js';
import { testNow } from './support/test-clock.js';

describe('Volunteers: archive, assignment, talent pool (e2e)', () => {
  let ctx: TestContext;
  let station: string;
  let branch: string;
  let zhangId: number;
  beforeAll(async () => {
    ctx = await createTestApp();
    station = await staffToken(ctx, 'pinghu_station');
    branch = await staffToken(ctx, 'yushan_branch');
    zhangId = (await ctx.dataSource.query("SELECT id FROM volunteers WHERE memberNo = 'MAS2026000001'"))[0].id;
  });
  afterAll(() => ctx.close());

  const get = (url: string, token: string) =>
    ctx
      .http()
      .get(url)
      .set(...bearer(token));
  const post = (url: string, token: string, body: object = {}) =>
    ctx
      .http()
      .post(url)
      .set(...bearer(token))
      .send(body);

  /** A freshly approved volunteer living in 平湖社区. */
  async function approvedVolunteer(name: string): Promise<{ volunteerId: number; token: string }> {
    const app = await submitted(ctx, name);
    await recordClearCheck(ctx, station, app.id);
    await post(`/api/admin/applications/${app.id}/approve`, station).expect(200);
    await post(`/api/admin/applications/${app.id}/approve`, branch).expect(200);
    const [row] = await ctx.dataSource.query('SELECT id FROM volunteers WHERE applicationId = ?', [app.id]);
    return { volunteerId: row.id, token: app.applicant.token };
  }

  it('the volunteer sees their member card; a non-member gets 404', async () => {
    const zhang = await ctx.loginWechat('zhangwei');
    const card = await get('/api/me/volunteer-card', zhang.accessToken).expect(200);
    expect(card.body).toMatchObject({
      memberNo: 'MAS2026000001',
      name: '张伟',
      tier: 'backbone',
      tierLabel: '骨干力量',
      status: 'active',
      starLevel: 0,
      company: { name: '皖安保安服务有限公司' },
      teams: ['区域巡逻组'],
    });
    expect(card.body.skills.find((s: { name: string }) => s.name === '急救')).toMatchObject({
      expiresOn: '2027-06-30',
    });
    expect(card.body.daysUntilInactivityRevocation).toBeGreaterThan(300);
    const visitor = await ctx.loginWechat('card-visitor');
    await get('/api/me/volunteer-card', visitor.accessToken).expect(404);
  });

  it('staff edit the archive within scope, audited; status changes need a reason; out of scope is 404', async () => {
    const detail = await get(`/api/admin/volunteers/${zhangId}`, station).expect(200);
    expect(detail.body).toMatchObject({ memberNo: 'MAS2026000001', idNumberMasked: '340***********1038' });
    const edited = await ctx
      .http()
      .put(`/api/admin/volunteers/${zhangId}`)
      .set(...bearer(station))
      .send({
        tier: 'core',
        teams: ['区域巡逻组', '安全巡查组'],
        equipment: [
          { item: '义警马甲', issuedOn: '2026-01-10' },
          { item: '防暴头盔', issuedOn: '2026-03-01' },
        ],
      })
      .expect(200);
    expect(edited.body).toMatchObject({ tier: 'core', teams: ['区域巡逻组', '安全巡查组'] });
    expect(edited.body.equipment).toHaveLength(2);
    const noReason = await ctx
      .http()
      .put(`/api/admin/volunteers/${zhangId}`)
      .set(...bearer(station))
      .send({ status: 'suspended' });
    expect(noReason.body.code).toBe('STATUS_REASON_REQUIRED');
    const audit = await get('/api/admin/audit-logs?action=volunteer.update', station).expect(200);
    expect(audit.body.items[0]).toMatchObject({ targetId: String(zhangId) });
    await get(`/api/admin/volunteers/${zhangId}`, await staffToken(ctx, 'jiefang_station')).expect(404);
    await ctx
      .http()
      .put(`/api/admin/volunteers/${zhangId}`)
      .set(...bearer(await staffToken(ctx, 'yushan_station')))
      .send({ tier: 'basic' })
      .expect(404);
    await ctx
      .http()
      .put(`/api/admin/volunteers/${zhangId}`)
      .set(...bearer(await staffToken(ctx, 'pinghu_community')))
      .send({ tier: 'basic' })
      .expect(403);
  });

  it('reveals the ID number to permitted roles, audited', async () => {
    const res = await post(`/api/admin/volunteers/${zhangId}/reveal`, station, { field: 'idNumber' }).expect(200);
    expect(res.body.value).toBe('340504197205141038');
  });

  it('reassignment within a branch applies at once; across branches the receiving branch accepts; history kept', async () => {
    const { volunteerId } = await approvedVolunteer('reassign-user');
    const yushan = (await ctx.org('MAS-YS-YS')).id;
    const jiefang = (await ctx.org('MAS-HS-JFL')).id;
    const same = await post(`/api/admin/volunteers/${volunteerId}/reassign`, station, {
      stationId: yushan,
      reason: '搬家到雨山',
    }).expect(201);
    expect(same.body).toMatchObject({ status: 'accepted', toStation: { code: 'MAS-YS-YS' } });
    expect(
      (await post(`/api/admin/volunteers/${volunteerId}/reassign`, branch, { stationId: yushan, reason: '重复' })).body
        .code,
    ).toBe('TRANSFER_SAME_STATION');

    const cross = await post(`/api/admin/volunteers/${volunteerId}/reassign`, branch, {
      stationId: jiefang,
      reason: '调往花山驻勤',
    }).expect(201);
    expect(cross.body.status).toBe('pending');
    expect(
      (await post(`/api/admin/volunteers/${volunteerId}/reassign`, branch, { stationId: jiefang, reason: '再次' })).body
        .code,
    ).toBe('TRANSFER_ALREADY_PENDING');
    // the sending branch cannot accept its own request; the receiving branch sees it
    await post(`/api/admin/assignments/${cross.body.id}/accept`, branch).expect(404);
    const huashan = await staffToken(ctx, 'huashan_branch');
    const incoming = await get('/api/admin/assignments/incoming', huashan).expect(200);
    expect(incoming.body.items.map((a: { id: number }) => a.id)).toContain(cross.body.id);
    await post(`/api/admin/assignments/${cross.body.id}/accept`, await staffToken(ctx, 'jiefang_station')).expect(403);
    const accepted = await post(`/api/admin/assignments/${cross.body.id}/accept`, huashan).expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', decidedBy: { name: '孙大队' } });
    expect((await post(`/api/admin/assignments/${cross.body.id}/accept`, huashan)).body.code).toBe(
      'TRANSFER_NOT_PENDING',
    );
    const history = await get(`/api/admin/volunteers/${volunteerId}/assignments`, huashan).expect(200);
    expect(
      history.body.map((a: { toStation: { code: string }; rule: string }) => `${a.rule}:${a.toStation.code}`),
    ).toEqual(['manual:MAS-HS-JFL', 'manual:MAS-YS-YS', 'residence:MAS-YS-PH']);
    const after = await get(`/api/admin/volunteers/${volunteerId}`, huashan).expect(200);
    expect(after.body.station.code).toBe('MAS-HS-JFL');
  });

  it('a declined cross-branch transfer leaves the station unchanged', async () => {
    const { volunteerId } = await approvedVolunteer('decline-user');
    const jiefang = (await ctx.org('MAS-HS-JFL')).id;
    const cross = await post(`/api/admin/volunteers/${volunteerId}/reassign`, station, {
      stationId: jiefang,
      reason: '调往花山',
    }).expect(201);
    const huashan = await staffToken(ctx, 'huashan_branch');
    const declined = await post(`/api/admin/assignments/${cross.body.id}/decline`, huashan, {
      reason: '编制已满',
    }).expect(200);
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: '编制已满' });
    expect((await get(`/api/admin/volunteers/${volunteerId}`, station)).body.station.code).toBe('MAS-YS-PH');
  });

  it('exemptions need a future end date and are listed on the archive', async () => {
    const past = await post(`/api/admin/volunteers/${zhangId}/exemptions`, station, {
      reason: '住院',
      endsOn: '2020-01-01',
    });
    expect(past.body.code).toBe('EXEMPTION_END_INVALID');
    const ok = await post(`/api/admin/volunteers/${zhangId}/exemptions`, station, {
      reason: '外出务工',
      endsOn: '2099-12-31',
    }).expect(201);
    expect(ok.body).toMatchObject({ active: true, createdBy: { name: '王所长' } });
    const detail = await get(`/api/admin/volunteers/${zhangId}`, station).expect(200);
    expect(detail.body.exemptions[0]).toMatchObject({ reason: '外出务工' });
    expect(detail.body.daysUntilInactivityRevocation).toBeNull();
  });

  it('a failed yearly re-check suspends the volunteer', async () => {
    const { volunteerId } = await approvedVolunteer('recheck-user');
    const res = await post(`/api/admin/volunteers/${volunteerId}/criminal-checks`, station, {
      result: 'record',
      checkedBy: '王警官',
      checkedAt: testNow().toISOString(),
    }).expect(201);
    expect(res.body).toMatchObject({ status: 'suspended', statusReason: '年度政审复核未通过' });
  });

  it('talent pool: search by skill, area, tier and availability; export .xlsx', async () => {
    await approvedVolunteer('talent-user');
    const byskill = await get('/api/admin/talent-pool?skill=急救', branch).expect(200);
    expect(byskill.body.items.length).toBeGreaterThan(0);
    expect(
      byskill.body.items.every((v: { skills: { name: string }[] }) => v.skills.some((s) => s.name === '急救')),
    ).toBe(true);
    const mediators = await get('/api/admin/talent-pool?skill=调解', branch).expect(200);
    expect(mediators.body.items.some((v: { name: string }) => v.name === '张伟')).toBe(false);
    const area = (await ctx.org('MAS-YS-YS')).id;
    const inArea = await get(`/api/admin/talent-pool?orgUnitId=${area}`, branch).expect(200);
    expect(inArea.body.items.every((v: { station: { code: string } }) => v.station.code === 'MAS-YS-YS')).toBe(true);
    const core = await get('/api/admin/talent-pool?tier=core', branch).expect(200);
    expect(core.body.items.every((v: { tier: string }) => v.tier === 'core')).toBe(true);
    const available = await get('/api/admin/talent-pool?available=true', branch).expect(200);
    expect(available.body.items.every((v: { available: boolean }) => v.available)).toBe(true);
    // out-of-scope area → 404; another branch does not see 雨山's people
    await get(`/api/admin/talent-pool?orgUnitId=${(await ctx.org('MAS-HS')).id}`, branch).expect(404);
    const huashan = await get('/api/admin/talent-pool', await staffToken(ctx, 'huashan_branch')).expect(200);
    expect(huashan.body.items.some((v: { name: string }) => v.name === '张伟')).toBe(false);

    const file = await ctx
      .http()
      .get('/api/admin/talent-pool/export?skill=急救')
      .set(...bearer(branch))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as Buffer as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('义警编号');
    expect(ws.rowCount - 1).toBe(byskill.body.total);
    await get('/api/admin/talent-pool', await staffToken(ctx, 'pinghu_community')).expect(403);
  });
});
