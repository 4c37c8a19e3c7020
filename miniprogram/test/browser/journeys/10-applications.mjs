// Joining the force (docs/product.md#people): a visitor applies through the real four-screen form, the
// station officer records the criminal-record check and passes the first step, the branch officer
// approves, and the new volunteer sees their member card and the result message.
import {
  assert,
  byTestId,
  checkOlderUserSizes,
  confirmModal,
  fillInput,
  shot,
  STEP_TIMEOUT_MS,
  tap,
  textContaining,
  textOf,
  signInAsStaff,
} from '../support.mjs';

// Demo data (server/src/database/seed/seed-enrolment.ts): not in the roster, so two review steps.
const APPLICANT = { name: '李明', idNumber: '340504199203074512', phone: '13955550123' };
const COMPANY = '皖安保安服务有限公司';
const SITE = '雨山湖公园驻勤点';

async function signOutLocally(page, base) {
  await page.evaluate(() => localStorage.removeItem('jh.tokens'));
  await page.goto(`${base}/#/pages/login/index`);
  await page.reload();
}

async function inputValue(page, id) {
  return page.locator(`[data-testid="${id}"] input, input[data-testid="${id}"]`).first().inputValue();
}

async function openApplication(page, tile, name = APPLICANT.name) {
  await tap(page, tile);
  const item = page.locator('[data-testid="review-item"]').filter({ hasText: name }).first();
  await item.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  return item;
}

/** A fresh WeChat identity through the sandbox login (code `sandbox-<name>`), as the login page does it. */
async function loginVisitor(page, base, name) {
  const res = await fetch(`${base}/api/auth/wechat/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: `sandbox-${name}` }),
  });
  assert(res.ok, `sandbox login ${name} failed (${res.status})`);
  const { accessToken, refreshToken } = await res.json();
  await page.goto(`${base}/#/pages/login/index`);
  await page.evaluate(
    (t) => {
      localStorage.setItem('jh.tokens', JSON.stringify({ data: t }));
    },
    { accessToken, refreshToken },
  );
  await page.goto(`${base}/#/pages/index/index`);
  await page.reload();
  await byTestId(page, 'home-visitor').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
}

/** Steps 1–4 for a non-guard living in a community (fewest taps), or a guard at the demo site. */
async function fillApplication(page, { name, idNumber, phone, guard }) {
  await tap(page, 'tile-apply');
  await byTestId(page, 'apply-step-1').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  if (guard) {
    await tap(page, 'occupation-security_guard');
    await page.locator('[data-testid="company-option"]').filter({ hasText: COMPANY }).click();
    await page.locator('[data-testid="site-option"]').filter({ hasText: SITE }).click();
  } else {
    await tap(page, 'occupation-courier');
    await fillInput(page, 'community-search', '平湖社区');
    await page.locator('[data-testid="community-option"]').filter({ hasText: '平湖社区' }).first().click();
  }
  await tap(page, 'apply-next');
  await fillInput(page, 'apply-name', name);
  await fillInput(page, 'apply-id-number', idNumber);
  await fillInput(page, 'phone-demo-input', phone);
  await tap(page, 'phone-demo-verify');
  await tap(page, 'apply-next');
  await tap(page, 'declare-no-criminal-record');
  await tap(page, 'declare-physically-fit');
  await tap(page, 'apply-next');
  await tap(page, 'agreement-sign');
  await tap(page, 'apply-submit');
  await byTestId(page, 'application-status-title').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
}

async function recordClearCheck(page) {
  await tap(page, 'check-clear');
  await tap(page, 'check-save');
  await page.getByText('无违法犯罪记录（核查人').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
}

export default [
  {
    name: 'applications-apply-review-approve',
    title: '(f) 访客分四步填写申请（草稿关闭后可恢复）→ 派出所记录政审并初审 → 分局审批 → 新义警看到义警证和消息',
    async run(page, base) {
      // ── the visitor applies ──────────────────────────────────────────────────────────────
      await page.goto(`${base}/#/pages/login/index`);
      await tap(page, 'demo-sandbox-visitor');
      await byTestId(page, 'home-visitor').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await tap(page, 'tile-apply');
      await byTestId(page, 'apply-step-1').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await checkOlderUserSizes(page, {
        textId: 'apply-step-title',
        targetIds: ['occupation-security_guard', 'apply-next'],
      });

      // Step 1 refuses to go on without an answer, in words beside the field.
      await tap(page, 'apply-next');
      assert(
        (await textOf(page, 'error-occupation')).includes('请选择您的身份'),
        'step 1 went on without an occupation',
      );
      await tap(page, 'occupation-security_guard');
      await page.locator('[data-testid="company-option"]').filter({ hasText: COMPANY }).click();
      await page.locator('[data-testid="site-option"]').filter({ hasText: SITE }).click();
      await shot(page, 'f1-apply-step1-employer-site');
      await tap(page, 'apply-next');

      // Step 2: the ID number is checked while typed; birth date and sex are shown.
      await byTestId(page, 'apply-step-2').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await fillInput(page, 'apply-name', APPLICANT.name);
      await fillInput(page, 'apply-id-number', '340504199203074513');
      assert((await textOf(page, 'error-idNumber')).includes('校验位'), 'a wrong check digit was not flagged');
      await fillInput(page, 'apply-id-number', APPLICANT.idNumber);
      const derived = await textOf(page, 'id-derived');
      assert(derived.includes('1992年3月7日') && derived.includes('男'), `derived birth date / sex shows "${derived}"`);
      await shot(page, 'f2-apply-step2-id-checked');

      // Closing the app mid-form loses nothing: reopen and the draft is back on the same screen.
      await page.waitForTimeout(1200); // let the server draft save go out too
      await page.reload();
      await byTestId(page, 'apply-restored').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await byTestId(page, 'apply-step-2').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      assert((await inputValue(page, 'apply-name')) === APPLICANT.name, 'the name was not restored after reopening');
      assert(
        (await inputValue(page, 'apply-id-number')) === APPLICANT.idNumber,
        'the ID number was not restored after reopening',
      );
      await shot(page, 'f3-apply-draft-restored');

      // Phone: no WeChat in H5, the sandbox verifies a typed number.
      await tap(page, 'apply-next');
      assert((await textOf(page, 'error-phone')).includes('验证手机号'), 'step 2 went on without a verified phone');
      await fillInput(page, 'phone-demo-input', APPLICANT.phone);
      await tap(page, 'phone-demo-verify');
      await byTestId(page, 'phone-verified').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await tap(page, 'apply-next');

      // Step 3: a skill with its certificate; both declarations are required.
      await byTestId(page, 'apply-step-3').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await tap(page, 'skill-急救');
      await fillInput(page, 'skill-cert-急救', 'JJ-2025-0101');
      await tap(page, 'apply-next');
      assert(
        (await textOf(page, 'error-noCriminalRecord')).includes('无违法犯罪记录'),
        'declarations were not required',
      );
      await tap(page, 'declare-no-criminal-record');
      await tap(page, 'declare-physically-fit');
      await shot(page, 'f4-apply-step3-skills-declarations');
      await tap(page, 'apply-next');

      // Step 4: read and sign the versioned agreement, then submit.
      await byTestId(page, 'apply-step-4').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      assert((await textOf(page, 'agreement-title')).includes('协议'), 'no agreement title');
      await tap(page, 'apply-submit');
      assert((await textOf(page, 'error-agreement')).includes('签署'), 'submitted without signing');
      await tap(page, 'agreement-sign');
      await shot(page, 'f5-apply-step4-agreement-signed');
      await tap(page, 'apply-submit');
      const status = await textOf(page, 'application-status-title');
      assert(status.includes('等待审核'), `after submit the status shows "${status}"`);
      assert(
        (await textOf(page, 'application-station')).includes('平湖派出所'),
        'managing station is not the site’s station',
      );
      await shot(page, 'f6-application-submitted');

      // ── the station officer: criminal-record check, first step ─────────────────────────────
      await signInAsStaff(page, base, 'pinghu_station');
      const item = await openApplication(page, 'tile-review');
      await shot(page, 'f7-station-review-queue');
      await item.click();
      await byTestId(page, 'review-detail').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const masked = await textOf(page, 'detail-id-number');
      assert(masked.includes('*') && masked !== APPLICANT.idNumber, `ID number is not masked: "${masked}"`);
      assert(
        (await textOf(page, 'approve-blocker')).includes('先记录'),
        'approve was offered before the criminal-record check',
      );

      await tap(page, 'detail-reveal');
      await confirmModal(page, '确定查看');
      await byTestId(page, 'reveal-recorded').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      assert((await textOf(page, 'detail-id-number')) === APPLICANT.idNumber, 'reveal did not show the full ID number');

      await tap(page, 'check-clear');
      await tap(page, 'check-save');
      await page.getByText('无违法犯罪记录（核查人').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      assert((await textOf(page, 'criminal-check-line')).includes('王所长'), 'the check does not say who checked');
      await shot(page, 'f8-station-check-recorded');
      await tap(page, 'approve');
      await confirmModal(page, '确认通过');
      assert(
        (await textContaining(page, 'detail-notice', '已转分局审批')).includes('已转分局审批'),
        'first step did not pass to the branch',
      );
      await shot(page, 'f9-station-first-step-passed');

      // ── the branch officer approves ────────────────────────────────────────────────────────
      await signInAsStaff(page, base, 'yushan_branch');
      const pending = await openApplication(page, 'tile-approval');
      await shot(page, 'f10-branch-approval-queue');
      await pending.click();
      await byTestId(page, 'review-detail').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      assert(
        (await textOf(page, 'criminal-check-line')).includes('无违法犯罪记录'),
        'the branch does not see the recorded check',
      );
      await tap(page, 'approve');
      await confirmModal(page, '确认通过');
      const done = await textContaining(page, 'detail-notice', '成为江淮义警');
      assert(done.includes('成为江淮义警'), `approval notice shows "${done}"`);
      const memberNo = await textOf(page, 'detail-member-no');
      assert(/^MAS\d{10}$/.test(memberNo), `member number "${memberNo}"`);
      await shot(page, 'f11-branch-approved');

      // ── the new volunteer ──────────────────────────────────────────────────────────────────
      await signOutLocally(page, base);
      await tap(page, 'demo-sandbox-visitor');
      await byTestId(page, 'home-volunteer').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      assert((await textOf(page, 'member-no')) === memberNo, 'home card shows another member number');
      await shot(page, 'f12-volunteer-home');
      await tap(page, 'member-card');
      assert((await textOf(page, 'card-name')) === APPLICANT.name, 'member card shows another name');
      assert((await textOf(page, 'card-member-no')) === memberNo, 'member card shows another member number');
      assert((await textOf(page, 'card-station')).includes('平湖派出所'), 'member card station');
      assert((await textOf(page, 'card-skills')).includes('急救'), 'member card lacks the skill');
      assert((await textOf(page, 'card-equipment')).includes('义警马甲'), 'member card lacks the vest');
      await checkOlderUserSizes(page, { textId: 'card-station', targetIds: ['card-messages'] });
      await shot(page, 'f13-member-card');
      await tap(page, 'card-messages');
      await byTestId(page, 'message-item').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const messages = await byTestId(page, 'message-list').innerText();
      assert(
        messages.includes('通过') || messages.includes('审核'),
        `no application result message: "${messages.slice(0, 120)}"`,
      );
      await tap(page, 'message-item');
      await shot(page, 'f14-messages');
    },
  },
  {
    name: 'applications-reject-resubmit',
    title: '(g) 社区申请人被退回：首页看到原因 →“修改后重新提交”带出上次填写的内容（身份证号重新输入）→ 重新进入审核',
    async run(page, base) {
      const applicant = { name: '吴芳', idNumber: '340504197803052027', phone: '13955550124' };
      await loginVisitor(page, base, 'journey-wufang');
      await fillApplication(page, applicant);
      assert(
        (await textOf(page, 'application-station')).includes('平湖派出所'),
        'residence community did not choose its station',
      );

      await signInAsStaff(page, base, 'pinghu_station');
      const item = await openApplication(page, 'tile-review', applicant.name);
      await item.click();
      await byTestId(page, 'review-detail').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await tap(page, 'reject');
      await tap(page, 'reject-confirm');
      assert(
        (await textContaining(page, 'decision-error', '原因')).includes('原因'),
        'reject without a reason was allowed',
      );
      await page
        .locator('[data-testid="reject-reason"] textarea, textarea[data-testid="reject-reason"]')
        .first()
        .fill('请补充您的技能情况，如有急救证请填写证书编号');
      await tap(page, 'reject-confirm');
      assert((await textContaining(page, 'detail-notice', '退回')).includes('退回'), 'reject did not go through');
      await shot(page, 'g1-station-rejected-with-reason');

      // The home page itself says it was refused, why, and offers 修改后重新提交.
      await loginVisitor(page, base, 'journey-wufang');
      assert((await textOf(page, 'home-application-step')).includes('未通过'), 'applicant does not see the rejection');
      assert((await textOf(page, 'home-application-reason')).includes('急救证'), 'applicant does not see the reason');
      await shot(page, 'g2-applicant-sees-reason');
      await tap(page, 'home-application-resubmit');
      await byTestId(page, 'apply-resubmitting').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await tap(page, 'apply-next');
      assert((await inputValue(page, 'apply-name')) === applicant.name, 'previous name not reopened');
      // The full ID number is not kept on the phone after a submit: it is typed again.
      await byTestId(page, 'id-retype').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await fillInput(page, 'apply-id-number', applicant.idNumber);
      await tap(page, 'apply-next'); // the verified phone is kept on a resubmission
      await tap(page, 'skill-急救');
      await fillInput(page, 'skill-cert-急救', 'JJ-2024-7788');
      await tap(page, 'apply-next');
      await tap(page, 'agreement-sign');
      await shot(page, 'g3-resubmit-agreement');
      await tap(page, 'apply-submit');
      // opened from the home page: back there, which shows the new step
      assert(
        (await textContaining(page, 'home-application-step', '审核中')).includes('社区审核中'),
        'resubmission is not pending again',
      );
      await shot(page, 'g4-resubmitted');
    },
  },
  {
    name: 'applications-green-channel-company',
    title: '(h) 花名册持证保安走绿色通道一步审批；单位管理员看到本单位入会率；花名册导入报告错误行；人才库导出',
    async run(page, base) {
      const applicant = { name: '陈新', idNumber: '340504199008153012', phone: '13955550125', guard: true };
      await loginVisitor(page, base, 'journey-chenxin');
      await fillApplication(page, applicant);
      assert(
        (await byTestId(page, 'application-status-card').innerText()).includes('绿色通道'),
        'green applicant is not told about the green channel',
      );

      await signInAsStaff(page, base, 'pinghu_station');
      await tap(page, 'tile-review');
      await tap(page, 'filter-green');
      const item = page.locator('[data-testid="review-item"]').filter({ hasText: applicant.name }).first();
      await item.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      assert((await item.innerText()).includes('绿色通道'), 'queue row is not marked 绿色通道');
      await shot(page, 'h1-green-in-queue');
      await item.click();
      await byTestId(page, 'detail-green').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await recordClearCheck(page);
      assert((await textOf(page, 'approve')).includes('成为义警'), 'green approve is not the final step');
      await tap(page, 'approve');
      await confirmModal(page, '确认通过');
      assert(
        (await textContaining(page, 'detail-notice', '成为江淮义警')).includes('成为江淮义警'),
        'green applicant did not become a volunteer in one step',
      );
      await shot(page, 'h2-green-approved-one-step');

      // Roster import: one bad row refuses the whole file and names the row.
      await page.goto(`${base}/#/pages/index/index`);
      await tap(page, 'tile-companies');
      await byTestId(page, 'company-item').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await shot(page, 'h3-companies');
      await tap(page, 'roster-open');
      const csv = [
        '姓名,身份证号,保安员证号,所属单位,是否持证',
        `赵一,340504199008153012,WA-1,${COMPANY},是`,
        `钱二,340504199008153013,WA-2,${COMPANY},是`,
      ].join('\n');
      const chooser = page.waitForEvent('filechooser');
      await tap(page, 'roster-import');
      await (await chooser).setFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      const rows = await textOf(page, 'roster-errors');
      assert(rows.includes('第 3 行'), `roster errors do not name row 3: "${rows}"`);
      await shot(page, 'h4-roster-row-errors');

      // The volunteer record: staff edit tier and teams, and reassign the station with a reason.
      await page.goto(`${base}/#/pages/index/index`);
      await tap(page, 'tile-volunteers');
      const record = page.locator('[data-testid="volunteer-item"]').filter({ hasText: applicant.name }).first();
      await record.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await record.click();
      await byTestId(page, 'volunteer-editor').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await tap(page, 'tier-backbone');
      await tap(page, 'team-区域巡逻组');
      await tap(page, 'volunteer-save');
      await byTestId(page, 'volunteer-saved').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await fillInput(page, 'reassign-search', '安民');
      await page.locator('[data-testid="reassign-station"]').filter({ hasText: '安民派出所' }).first().click();
      await fillInput(page, 'reassign-reason', '实际在安民辖区上班');
      await tap(page, 'reassign-submit');
      assert(
        (await textContaining(page, 'reassign-result', '已调整')).includes('已调整'),
        'same-branch reassignment did not apply',
      );
      assert(
        (await textContaining(page, 'assignment-history', '安民派出所')).includes('安民派出所'),
        'history does not show the reassignment',
      );
      await shot(page, 'h5a-volunteer-record-edited');

      // The company manager sees their own company's join rate.
      await signInAsStaff(page, base, 'company');
      await tap(page, 'tile-guards');
      const rate = await textOf(page, 'my-company-rate');
      assert(rate.includes('入会率'), `join rate shows "${rate}"`);
      await byTestId(page, 'guard-item').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      assert((await byTestId(page, 'guard-list').innerText()).includes('陈新'), 'company guard list lacks 陈新');
      await shot(page, 'h5b-company-join-rate');

      // Talent pool: search and export.
      await signInAsStaff(page, base, 'yushan_branch');
      await tap(page, 'tile-talent');
      await byTestId(page, 'volunteer-item').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await tap(page, 'talent-skill-急救');
      await page
        .locator('[data-testid="volunteer-item"], [data-testid="empty-state"]')
        .first()
        .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const download = page.waitForEvent('download');
      await tap(page, 'talent-export');
      assert((await (await download).suggestedFilename()).endsWith('.xlsx'), 'export did not download an .xlsx');
      await shot(page, 'h6-talent-pool');
    },
  },
];
