import { createTestApp, bearer, type TestContext } from './support/test-app.js';
import {
  applicationBody,
  atOnce,
  birthForAge,
  communityId,
  makeIdNumber,
  newApplicant,
  phoneCode,
  recordClearCheck,
  staffToken,
  submitted,
} from './support/application-factories.js';
import { testNow, testNowMs } from './support/test-clock.js';
import { sandboxOpenId } from '../src/wechat-sandbox/sandbox-server.js';
import { enrolmentConfig, type EnrolmentConfig } from '../src/config/enrolment.config.js';

describe('Applications (e2e)', () => {
  let ctx: TestContext;
  let station: string;
  let community: string;
  let branch: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    station = await staffToken(ctx, 'pinghu_station');
    community = await staffToken(ctx, 'pinghu_community');
    branch = await staffToken(ctx, 'yushan_branch');
  });
  afterAll(() => ctx.close());

  const post = (url: string, token: string, body: object = {}) =>
    ctx
      .http()
      .post(url)
      .set(...bearer(token))
      .send(body);
  const get = (url: string, token: string) =>
    ctx
      .http()
      .get(url)
      .set(...bearer(token));

  describe('automatic checks on submit, each with its own code', () => {
    let token: string;
    let residence: number;
    beforeAll(async () => {
      token = (await newApplicant(ctx, 'checks-user')).token;
      residence = await communityId(ctx, 'MAS-YS-PH-C1');
    });
    const submit = (over: object) =>
      post('/api/applications', token, applicationBody(ctx, { residenceCommunityId: residence, ...over }));

    it.each([
      ['ID_NUMBER_INVALID_FORMAT', { idNumber: '34050419900101' }],
      ['ID_NUMBER_INVALID_BIRTH_DATE', { idNumber: '340504199002301234' }],
      [
        'ID_NUMBER_INVALID_CHECK_DIGIT',
        {
          idNumber:
            makeIdNumber('19900101', 11).slice(0, 17) + (makeIdNumber('19900101', 11).endsWith('0') ? '1' : '0'),
        },
      ],
      ['APPLICANT_TOO_YOUNG', { idNumber: makeIdNumber(birthForAge(16), 1) }],
      ['APPLICANT_TOO_OLD', { idNumber: makeIdNumber(birthForAge(70), 1) }],
      ['DECLARATION_NO_CRIMINAL_RECORD_REQUIRED', { declarations: { noCriminalRecord: false, physicallyFit: true } }],
      ['DECLARATION_FITNESS_REQUIRED', { declarations: { noCriminalRecord: true, physicallyFit: false } }],
      ['AGREEMENT_NOT_SIGNED', { agreementSigned: false }],
      ['AGREEMENT_VERSION_OUTDATED', { agreementVersion: '2021.0' }],
      ['COMPANY_REQUIRED_FOR_GUARD', { occupation: 'security_guard' }],
      ['APPLICATION_LOCATION_REQUIRED', { residenceCommunityId: null, location: null }],
      ['PHONE_VERIFICATION_REQUIRED', { phoneCode: undefined }],
      ['WECHAT_PHONE_CODE_INVALID', { phoneCode: 'never-issued' }],
    ])('%s', async (code, over) => {
      const res = await submit(over);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.code).toBe(code);
      expect(typeof res.body.message).toBe('string');
    });

    it('age bounds come from configuration', async () => {
      const cfg = ctx.app.get<EnrolmentConfig>(enrolmentConfig.KEY);
      const original = cfg.maxAge;
      cfg.maxAge = 30;
      try {
        const res = await submit({ idNumber: makeIdNumber(birthForAge(35), 2) });
        expect(res.body).toMatchObject({ code: 'APPLICANT_TOO_OLD', details: { max: 30 } });
      } finally {
        cfg.maxAge = original;
      }
    });

    it('an existing volunteer is told they are already a member', async () => {
      const zhang = await ctx.loginWechat('zhangwei');
      const res = await post(
        '/api/applications',
        zhang.accessToken,
        applicationBody(ctx, { residenceCommunityId: residence }),
      );
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('APPLICANT_ALREADY_MEMBER');
    });

    it('a second application while one is pending is refused; another account is told only with the phone on record', async () => {
      const first = await submitted(ctx, 'pending-a', 'MAS-YS-PH-C1', { phoneCode: phoneCode(ctx, '13911110001') });
      const again = await post(
        '/api/applications',
        first.applicant.token,
        applicationBody(ctx, { residenceCommunityId: residence }),
      );
      expect(again.body.code).toBe('APPLICATION_ALREADY_PENDING');
      const other = await newApplicant(ctx, 'pending-b');
      const sameId = await post(
        '/api/applications',
        other.token,
        applicationBody(ctx, { residenceCommunityId: residence, idNumber: first.body.idNumber }),
      );
      expect(sameId.status).toBe(409);
      expect(sameId.body.code).toBe('ID_NUMBER_ALREADY_REGISTERED');
      const samePhone = await post(
        '/api/applications',
        other.token,
        applicationBody(ctx, {
          residenceCommunityId: residence,
          idNumber: first.body.idNumber,
          phoneCode: phoneCode(ctx, '13911110001'),
        }),
      );
      expect(samePhone.body.code).toBe('APPLICATION_ALREADY_PENDING');
    });

    it('simultaneous submissions of one ID number create one application', async () => {
      const a = await newApplicant(ctx, 'race-a');
      const b = await newApplicant(ctx, 'race-b');
      const idNumber = makeIdNumber(birthForAge(40), 77);
      const results = await atOnce(
        [a, b, a, b].map(
          (p) => () =>
            post('/api/applications', p.token, applicationBody(ctx, { residenceCommunityId: residence, idNumber })),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      // the winner's own account hears "pending"; the other account gets the neutral answer
      expect(
        results
          .filter((r) => r.status === 409)
          .every((r) => ['APPLICATION_ALREADY_PENDING', 'ID_NUMBER_ALREADY_REGISTERED'].includes(r.body.code)),
      ).toBe(true);
    });

    it('someone revoked within the cool-off cannot apply again', async () => {
      const applicant = await newApplicant(ctx, 'revoked-user');
      const idNumber = makeIdNumber(birthForAge(30), 501);
      const [{ id: stationId }] = await ctx.dataSource.query("SELECT id FROM org_units WHERE code = 'MAS-YS-PH'");
      const { PiiCipher } = await import('../src/common/pii/pii-cipher.js');
      const pii = ctx.app.get(PiiCipher);
      await ctx.dataSource.query(
        "INSERT INTO volunteers (userId, memberNo, status, stationId, tier, skills, serviceMinutes, joinedAt, createdAt, idHash, statusChangedAt, starLevel) VALUES (?, 'MAS2020999999', 'revoked', ?, 'basic', '[]', 0, ?, ?, ?, ?, 0)",
        [
          applicant.userId,
          stationId,
          '2020-01-01 00:00:00.000',
          '2020-01-01 00:00:00.000',
          pii.hash('id_number', idNumber),
          new Date(testNowMs() - 10 * 86_400_000).toISOString().replace('T', ' ').replace('Z', ''),
        ],
      );
      const res = await post(
        '/api/applications',
        applicant.token,
        applicationBody(ctx, { residenceCommunityId: residence, idNumber }),
      );
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('APPLICANT_REVOKED_COOL_OFF');
    });
  });

  it('derives birth date and sex from the ID number and masks personal data', async () => {
    const applicant = await newApplicant(ctx, 'derive-user');
    const idNumber = makeIdNumber('19860305', 22, 'female');
    const res = await post(
      '/api/applications',
      applicant.token,
      applicationBody(ctx, {
        idNumber,
        phoneCode: phoneCode(ctx, '13912345678'),
        residenceCommunityId: await communityId(ctx, 'MAS-YS-PH-C1'),
      }),
    ).expect(201);
    expect(res.body).toMatchObject({
      birthDate: '1986-03-05',
      sex: 'female',
      status: 'pending_review',
      green: false,
      phoneMasked: '139****5678',
      idNumberMasked: `340***********${idNumber.slice(-4)}`,
    });
    expect(JSON.stringify(res.body)).not.toContain(idNumber);
    const mine = await get('/api/applications/mine', applicant.token).expect(200);
    expect(mine.body.id).toBe(res.body.id);
  });

  it('a half-filled form is kept on the server (encrypted) and removed on submit', async () => {
    const applicant = await newApplicant(ctx, 'draft-user');
    expect((await get('/api/applications/draft', applicant.token).expect(200)).body).toEqual({
      draft: null,
      updatedAt: null,
    });
    const idNumber = makeIdNumber(birthForAge(33), 5);
    await ctx
      .http()
      .put('/api/applications/draft')
      .set(...bearer(applicant.token))
      .send({ draft: { name: '草稿人', idNumber, step: 2 } })
      .expect(200);
    const loaded = await get('/api/applications/draft', applicant.token).expect(200);
    expect(loaded.body.draft).toEqual({ name: '草稿人', idNumber, step: 2 });
    const [row] = await ctx.dataSource.query('SELECT dataEnc FROM application_drafts WHERE userId = ?', [
      applicant.userId,
    ]);
    expect(row.dataEnc).not.toContain(idNumber);
    await post(
      '/api/applications',
      applicant.token,
      applicationBody(ctx, { idNumber, residenceCommunityId: await communityId(ctx, 'MAS-YS-PH-C1') }),
    ).expect(201);
    expect((await get('/api/applications/draft', applicant.token)).body.draft).toBeNull();
  });

  it('normal path: community review, criminal check required, branch approval → volunteer, archive, notification', async () => {
    const { id, applicant } = await submitted(ctx, 'normal-path');
    await post('/api/me/subscriptions', applicant.token, { templates: ['application_result'] }).expect(204);
    const queue = await get('/api/admin/applications?stage=review', community).expect(200);
    expect(queue.body.items.map((a: { id: number }) => a.id)).toContain(id);
    const item = queue.body.items.find((a: { id: number }) => a.id === id);
    expect(item).toMatchObject({ stepsTotal: 2, stage: 'review', overdue: false, criminalCheck: null });

    expect((await post(`/api/admin/applications/${id}/approve`, community)).body.code).toBe('CRIMINAL_CHECK_REQUIRED');
    await recordClearCheck(ctx, community, id);
    const reviewed = await post(`/api/admin/applications/${id}/approve`, community).expect(200);
    expect(reviewed.body).toMatchObject({
      status: 'pending_approval',
      stage: 'approval',
      criminalCheck: { result: 'clear', checkedBy: '王警官' },
    });
    // the community officer cannot do the branch's step
    expect((await post(`/api/admin/applications/${id}/approve`, community)).status).toBe(403);

    const approved = await post(`/api/admin/applications/${id}/approve`, branch).expect(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.memberNo).toMatch(/^MAS\d{4}\d{6}$/);
    expect(approved.body.steps.map((s: { step: string }) => s.step)).toEqual(['review', 'approval']);

    const card = await get('/api/me/volunteer-card', applicant.token).expect(200);
    expect(card.body).toMatchObject({
      memberNo: approved.body.memberNo,
      status: 'active',
      name: '测试人',
      station: { code: 'MAS-YS-PH' },
    });
    expect(card.body.equipment.map((e: { item: string }) => e.item)).toContain('义警马甲');
    const me = await get('/api/me', applicant.token).expect(200);
    expect(me.body.roles).toContain('volunteer');
    const pushed = ctx.sandbox.sentMessages.filter((m) => m.touser === sandboxOpenId('normal-path'));
    expect(pushed).toHaveLength(1);
    expect(pushed[0].template_id).toBe('sandbox-tmpl-application_result');
    const inbox = await get('/api/me/messages', applicant.token).expect(200);
    expect(inbox.body.items[0]).toMatchObject({
      template: 'application_result',
      title: '义警申请已通过',
      pushed: true,
    });
    // approving again does nothing
    expect((await post(`/api/admin/applications/${id}/approve`, branch)).body.code).toBe('APPLICATION_WRONG_STAGE');
  });

  it('green channel: a certified roster guard (name + ID) needs one review step only', async () => {
    const applicant = await newApplicant(ctx, 'green-path');
    const sites = await get('/api/companies?q=皖安', applicant.token).expect(200);
    const company = sites.body[0];
    const site = company.sites.find((s: { name: string }) => s.name === '雨山湖公园驻勤点');
    const res = await post(
      '/api/applications',
      applicant.token,
      applicationBody(ctx, {
        name: '陈新',
        idNumber: '340504199008153012',
        occupation: 'security_guard',
        companyId: company.id,
        siteId: site.id,
      }),
    ).expect(201);
    expect(res.body).toMatchObject({ green: true, station: { code: 'MAS-YS-PH' } });
    await recordClearCheck(ctx, station, res.body.id);
    const approved = await post(`/api/admin/applications/${res.body.id}/approve`, station).expect(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      stepsTotal: 1,
      rosterMatch: { certificateNo: 'WA-2021-00815' },
    });
    expect(approved.body.steps).toHaveLength(1);
  });

  it('a name that does not match the roster is not green', async () => {
    const applicant = await newApplicant(ctx, 'not-green');
    const res = await post(
      '/api/applications',
      applicant.token,
      applicationBody(ctx, {
        name: '周强强',
        idNumber: '340504198506121019',
        residenceCommunityId: await communityId(ctx, 'MAS-YS-PH-C1'),
      }),
    ).expect(201);
    expect(res.body.green).toBe(false);
  });

  it('a guard at a site in another district is managed by the site station, not the home station', async () => {
    const applicant = await newApplicant(ctx, 'cross-site');
    const company = (await get('/api/companies?q=皖安', applicant.token)).body[0];
    const site = company.sites.find((s: { name: string }) => s.name === '解放路商业街驻勤点');
    const res = await post(
      '/api/applications',
      applicant.token,
      applicationBody(ctx, {
        occupation: 'security_guard',
        companyId: company.id,
        siteId: site.id,
        residenceCommunityId: await communityId(ctx, 'MAS-YS-PH-C1'),
      }),
    ).expect(201);
    expect(res.body.station.code).toBe('MAS-HS-JFL');
    // so 解放路's officer reviews it and 平湖's does not see it
    await get(`/api/admin/applications/${res.body.id}`, await staffToken(ctx, 'jiefang_station')).expect(200);
    await get(`/api/admin/applications/${res.body.id}`, station).expect(404);
  });

  it('without site or community the nearest station is chosen', async () => {
    const applicant = await newApplicant(ctx, 'nearest');
    const res = await post(
      '/api/applications',
      applicant.token,
      applicationBody(ctx, { location: { lat: 31.646, lng: 118.5125 } }),
    ).expect(201);
    expect(res.body.station.code).toBe('MAS-YS-YS');
  });

  it('reject needs a reason; the applicant sees it, corrects and resubmits', async () => {
    const { id, applicant, body } = await submitted(ctx, 'reject-path');
    expect((await post(`/api/admin/applications/${id}/reject`, station, { reason: ' ' })).body.code).toBe(
      'REJECT_REASON_REQUIRED',
    );
    await post(`/api/admin/applications/${id}/reject`, station, { reason: '照片与本人不符' }).expect(200);
    const mine = await get('/api/applications/mine', applicant.token).expect(200);
    expect(mine.body).toMatchObject({ status: 'rejected', rejectReason: '照片与本人不符' });
    expect((await get('/api/me/messages', applicant.token)).body.items[0].title).toBe('义警申请未通过');
    const again = await ctx
      .http()
      .put('/api/applications/mine')
      .set(...bearer(applicant.token))
      .send({ ...body, phoneCode: undefined, name: '测试人改' })
      .expect(200);
    expect(again.body).toMatchObject({ id, status: 'pending_review', name: '测试人改', rejectReason: null });
    const staffView = await get(`/api/admin/applications/${id}`, station).expect(200);
    expect(staffView.body).toMatchObject({ resubmissions: 1, criminalCheck: null });
    expect(
      (
        await ctx
          .http()
          .put('/api/applications/mine')
          .set(...bearer(applicant.token))
          .send(body)
      ).body.code,
    ).toBe('APPLICATION_NOT_EDITABLE');
  });

  it('a failed criminal-record check blocks approval', async () => {
    const { id } = await submitted(ctx, 'record-path');
    await post(`/api/admin/applications/${id}/criminal-check`, station, {
      result: 'record',
      checkedBy: '王警官',
      checkedAt: testNow().toISOString(),
    }).expect(200);
    expect((await post(`/api/admin/applications/${id}/approve`, station)).body.code).toBe('CRIMINAL_CHECK_FAILED');
    const future = await post(`/api/admin/applications/${id}/criminal-check`, station, {
      result: 'clear',
      checkedBy: '王警官',
      checkedAt: new Date(testNowMs() + 86_400_000).toISOString(),
    });
    expect(future.body.code).toBe('CRIMINAL_CHECK_DATE_INVALID');
  });

  it("a station officer cannot see or act on another station's applicant (404)", async () => {
    const { id } = await submitted(ctx, 'scope-path');
    const other = await staffToken(ctx, 'yushan_station');
    await get(`/api/admin/applications/${id}`, other).expect(404);
    await post(`/api/admin/applications/${id}/approve`, other).expect(404);
    await post(`/api/admin/applications/${id}/reject`, other, { reason: '不符合条件' }).expect(404);
    await post(`/api/admin/applications/${id}/criminal-check`, other, {
      result: 'clear',
      checkedBy: '赵',
      checkedAt: testNow().toISOString(),
    }).expect(404);
    const list = await get('/api/admin/applications', other).expect(200);
    expect(list.body.items.some((a: { id: number }) => a.id === id)).toBe(false);
    const huashan = await staffToken(ctx, 'huashan_branch');
    await get(`/api/admin/applications/${id}`, huashan).expect(404);
  });

  it('a guard (volunteer) or a company manager cannot review (403)', async () => {
    const { id } = await submitted(ctx, 'forbidden-path');
    const zhang = await ctx.loginWechat('zhangwei');
    await get('/api/admin/applications', zhang.accessToken).expect(403);
    await post(`/api/admin/applications/${id}/approve`, zhang.accessToken).expect(403);
    const company = await staffToken(ctx, 'company');
    await post(`/api/admin/applications/${id}/approve`, company).expect(403);
  });

  it('personal data is masked; a reveal is allowed to the right roles and audited', async () => {
    const { id, body } = await submitted(ctx, 'reveal-path');
    const detail = await get(`/api/admin/applications/${id}`, station).expect(200);
    expect(JSON.stringify(detail.body)).not.toContain(body.idNumber);
    const revealed = await post(`/api/admin/applications/${id}/reveal`, station, { field: 'idNumber' }).expect(200);
    expect(revealed.body).toEqual({ field: 'idNumber', value: body.idNumber });
    await post(`/api/admin/applications/${id}/reveal`, community, { field: 'idNumber' }).expect(403);
    const audit = await get('/api/admin/audit-logs?action=pii.reveal&targetType=application', station).expect(200);
    expect(audit.body.items.some((a: { targetId: string }) => a.targetId === String(id))).toBe(true);
  });

  it('pending past the SLA is flagged overdue and filterable', async () => {
    const { id } = await submitted(ctx, 'sla-path');
    await ctx.dataSource
      .getRepository('Application')
      .update(id, { submittedAt: new Date(testNowMs() - 4 * 86_400_000) });
    const overdue = await get('/api/admin/applications?overdue=true', station).expect(200);
    expect(overdue.body.items.find((a: { id: number }) => a.id === id)).toMatchObject({ overdue: true });
    const fresh = await get('/api/admin/applications?overdue=false', station).expect(200);
    expect(fresh.body.items.some((a: { id: number }) => a.id === id)).toBe(false);
  });

  it('simultaneous approvals give distinct member numbers', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) {
      const app = await submitted(ctx, `member-no-${i}`);
      await recordClearCheck(ctx, station, app.id);
      await post(`/api/admin/applications/${app.id}/approve`, station).expect(200);
      ids.push(app.id);
    }
    const results = await atOnce(ids.map((id) => () => post(`/api/admin/applications/${id}/approve`, branch)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const numbers = results.map((r) => r.body.memberNo);
    expect(new Set(numbers).size).toBe(4);
  });

  it('bad input is a 400 naming the field, never a 500', async () => {
    const applicant = await newApplicant(ctx, 'bad-input');
    const res = await post('/api/applications', applicant.token, {
      ...applicationBody(ctx),
      occupation: 'pilot',
      extra: 1,
    });
    expect(res.status).toBe(400);
  });
});
