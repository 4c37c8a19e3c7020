// What a real user found in the joining path: age checked at the ID step, a verified phone kept
// when the form is reopened, the company picker searching the server, nothing personal left in the
// browser's storage after submit or logout, the visitor home showing the application's step or
// the reason with 修改后重新提交; for the reviewer, 不通过 with 取消 that closes when the
// application moves on, and 核查人 filled after a reload.
import { idCardCheckChar } from '@jianghuai/shared';
import * as support from '../support.mjs';
import {
  api,
  assert,
  byTestId,
  checkOlderUserSizes,
  confirmModal,
  fillInput,
  shot,
  signInAsStaff,
  STAFF_PASSWORD,
  STEP_TIMEOUT_MS,
  tap,
  textContaining,
  textOf,
} from '../support.mjs';

/** The server's now (a run may fix the clock with JH_CLOCK_START). */
const serverNow = () => (support.clockNow ? support.clockNow() : Date.now());

const COMPANY = '皖安保安服务有限公司';
const SITE = '雨山湖公园驻勤点';
const idNumber = (birth, seq) => {
  const first17 = `340504${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
};
const runTag = () => String(Date.now() % 1_000_000);

export async function wechatTokens(base, name) {
  return api(base, 'POST', '/auth/wechat/login', null, { code: `sandbox-${name}` });
}

export async function staffTokenOf(base, username) {
  return (await api(base, 'POST', '/auth/staff/login', null, { username, password: STAFF_PASSWORD })).accessToken;
}

/** Puts a session into the page as the login page would, and opens the home page. */
export async function openAs(page, base, tokens, homeTestId) {
  await page.goto(`${base}/#/pages/login/index`);
  await page.evaluate(
    (t) => {
      localStorage.clear();
      localStorage.setItem('jh.tokens', JSON.stringify({ data: t }));
    },
    { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken },
  );
  await page.goto(`${base}/#/pages/index/index`);
  await page.reload();
  await byTestId(page, homeTestId).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
}

/** A non-guard's application in 平湖社区, submitted through the API; returns its id. */
export async function submitByApi(base, token, { name, id, phone }) {
  const [agreement, communities] = await Promise.all([
    api(base, 'GET', '/applications/agreement', token),
    api(base, 'GET', '/applications/communities', token),
  ]);
  const community = communities.flatMap((s) => s.children).find((c) => c.name.includes('平湖社区'));
  assert(community, 'no 平湖社区 in the community options');
  const app = await api(base, 'POST', '/applications', token, {
    name,
    idNumber: id,
    phoneCode: `sandbox-phone-${phone}`,
    occupation: 'courier',
    residenceCommunityId: community.id,
    skills: [],
    declarations: { noCriminalRecord: true, physicallyFit: true },
    agreementVersion: agreement.version,
    agreementSigned: true,
  });
  return app.id;
}

/** Station check + first step, branch approval: the applicant becomes a member. */
export async function approveByApi(base, appId, station, branch) {
  await api(base, 'POST', `/admin/applications/${appId}/criminal-check`, station, {
    result: 'clear',
    checkedBy: '王所长',
    checkedAt: new Date(serverNow() - 3_600_000).toISOString(),
  });
  await api(base, 'POST', `/admin/applications/${appId}/approve`, station, {});
  await api(base, 'POST', `/admin/applications/${appId}/approve`, branch, {});
}

const storageText = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
const applicationKeys = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jh.application.')));

async function inputValue(page, id) {
  return page.locator(`[data-testid="${id}"] input, input[data-testid="${id}"]`).first().inputValue();
}

export default [
  {
    name: 'user-fixes-apply-form',
    title:
      '(用户) 申请表：单位在服务器搜索 → 1955 年身份证在第 2 步就提示超龄 → 验证过的手机号重开后仍有效 → 提交后与退出后手机上不留姓名和身份证号 → 首页显示审核环节，退回后显示原因和“修改后重新提交”',
    async run(page, base) {
      const tag = runTag();
      const name = '周德海';
      const goodId = idNumber('19900315', (Number(tag) % 500) * 2 + 1);
      const visitor = await wechatTokens(base, `uf-apply-${tag}`);
      await openAs(page, base, visitor, 'home-visitor');
      await byTestId(page, 'tile-apply').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });

      // Step 1: the company picker searches the server, and says when nothing is found.
      await tap(page, 'tile-apply');
      await tap(page, 'occupation-security_guard');
      await fillInput(page, 'company-search', '没有这家单位');
      assert((await textOf(page, 'company-none')).includes('没有找到'), 'a search with no match does not say 没有找到');
      await fillInput(page, 'company-search', '皖安');
      await textContaining(page, 'company-found', '找到');
      await checkOlderUserSizes(page, { textId: 'apply-step-title', targetIds: ['company-search', 'company-option'] });
      await page.locator('[data-testid="company-option"]').filter({ hasText: COMPANY }).click();
      await page.locator('[data-testid="site-option"]').filter({ hasText: SITE }).click();
      await shot(page, 'uf01-company-search');
      await tap(page, 'apply-next');

      // Step 2: a 1955 ID number is refused here, with the bounds, and gets no ✓.
      await byTestId(page, 'apply-step-2').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await fillInput(page, 'apply-name', name);
      await fillInput(page, 'apply-id-number', idNumber('19550505', 301));
      const ageError = await textOf(page, 'error-idNumber');
      assert(ageError.includes('超过 65 周岁') && ageError.includes('18–65'), `a 1955 ID number shows "${ageError}"`);
      assert(
        (await page.locator('[data-testid="id-derived"]:visible').count()) === 0,
        'a 1955 ID number still gets a ✓',
      );
      await shot(page, 'uf02-age-at-id-step');
      await fillInput(page, 'apply-id-number', goodId);
      await byTestId(page, 'id-derived').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });

      // The phone verified, then the form closed and reopened: still verified.
      await fillInput(page, 'phone-demo-input', `139${tag.padStart(8, '0').slice(-8)}`);
      await tap(page, 'phone-demo-verify');
      await byTestId(page, 'phone-verified').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await page.waitForTimeout(1200);
      await page.reload();
      await byTestId(page, 'apply-step-2').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await byTestId(page, 'phone-verified').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await shot(page, 'uf03-phone-kept-after-reopen');
      await tap(page, 'apply-next');
      await tap(page, 'declare-no-criminal-record');
      await tap(page, 'declare-physically-fit');
      await tap(page, 'apply-next');
      await tap(page, 'agreement-sign');
      await tap(page, 'apply-submit');
      await textContaining(page, 'application-status-title', '等待审核');

      // Sent: neither the name nor the ID number stays in the browser's storage.
      const afterSubmit = await storageText(page);
      assert(
        !afterSubmit.includes(goodId) && !afterSubmit.includes(name),
        'name or ID number still in browser storage after submit',
      );

      // The visitor home says where the application is.
      await page.goto(`${base}/#/pages/index/index`);
      await page.reload();
      const step = await textContaining(page, 'home-application-step', '审核中');
      assert(step.includes('社区审核中'), `the visitor home shows "${step}" for a submitted application`);
      assert(
        (await page.locator('[data-testid="tile-apply"]:visible').count()) === 0,
        'the apply tile is still offered after submitting',
      );
      await shot(page, 'uf04-home-application-step');

      // Refused by the station: the home shows the reason and 修改后重新提交.
      const station = await staffTokenOf(base, 'pinghu_station');
      const mine = await api(base, 'GET', '/applications/mine', visitor.accessToken);
      await api(base, 'POST', `/admin/applications/${mine.id}/reject`, station, {
        reason: '驻勤点填写有误，请核对后重新提交',
      });
      await page.reload();
      assert(
        (await textContaining(page, 'home-application-step', '未通过')).includes('未通过审核'),
        'the home does not show the rejection',
      );
      assert(
        (await textOf(page, 'home-application-reason')).includes('驻勤点填写有误'),
        'the home does not show the reason',
      );
      await checkOlderUserSizes(page, { textId: 'home-application-step', targetIds: ['home-application-resubmit'] });
      await shot(page, 'uf05-home-rejected');
      await tap(page, 'home-application-resubmit');
      await byTestId(page, 'apply-resubmitting').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await tap(page, 'apply-next');
      await byTestId(page, 'id-retype').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      assert(
        (await inputValue(page, 'apply-id-number')) === '',
        'the full ID number was kept on the phone for the resubmission',
      );

      // Typing it again puts it in the draft; logging out removes it.
      await fillInput(page, 'apply-id-number', goodId);
      await page.waitForTimeout(300);
      assert((await applicationKeys(page)).length > 0, 'the draft was not kept while filling');
      await page.goto(`${base}/#/pages/index/index`);
      await page.reload();
      await tap(page, 'logout');
      await confirmModal(page, '退出');
      await page.waitForURL(/login/, { timeout: STEP_TIMEOUT_MS });
      assert((await applicationKeys(page)).length === 0, 'application keys remain in storage after logout');
      assert(!(await storageText(page)).includes(goodId), 'the ID number remains in storage after logout');
    },
  },
  {
    name: 'user-fixes-reviewer',
    title: '(用户) 审核人：刷新后“核查人”仍自动填写 → “不通过…”可以取消 → 初审通过后不通过框自动关闭',
    async run(page, base) {
      const tag = runTag();
      const applicant = await wechatTokens(base, `uf-review-${tag}`);
      const appId = await submitByApi(base, applicant.accessToken, {
        name: '孙立新',
        id: idNumber('19880612', (Number(tag) % 400) * 2 + 1),
        phone: `137${tag.padStart(8, '0').slice(-8)}`,
      });

      await signInAsStaff(page, base, 'pinghu_station');
      // A reload where the officer's own record arrives after the application: 核查人 still fills.
      await page.route('**/api/me', async (route) => {
        await new Promise((r) => setTimeout(r, 1500));
        await route.continue();
      });
      await page.goto(`${base}/#/admin-applications/review-detail/index?id=${appId}`);
      await page.reload();
      await byTestId(page, 'criminal-check-form').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await page
        .waitForFunction(
          () =>
            document.querySelector('[data-testid="check-by"] input, input[data-testid="check-by"]')?.value === '王所长',
          null,
          { timeout: STEP_TIMEOUT_MS },
        )
        .catch(() => {});
      const checker = await inputValue(page, 'check-by');
      assert(checker === '王所长', `核查人 after a reload is "${checker}"`);
      await page.unroute('**/api/me');
      await shot(page, 'uf06-checker-after-reload');

      // 不通过… opens the reason box; 取消 closes it.
      await tap(page, 'reject');
      await byTestId(page, 'reject-reason').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await checkOlderUserSizes(page, { textId: 'detail-name', targetIds: ['reject-confirm', 'reject-cancel'] });
      await tap(page, 'reject-cancel');
      await byTestId(page, 'reject-reason').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
      await byTestId(page, 'reject').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });

      // With the box open, the first step passes: the box does not stay open on the next stage.
      await tap(page, 'check-clear');
      await tap(page, 'check-save');
      await page.getByText('无违法犯罪记录（核查人').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await tap(page, 'reject');
      await byTestId(page, 'reject-reason').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await tap(page, 'approve');
      await confirmModal(page, '确认通过');
      await textContaining(page, 'detail-notice', '已转分局审批');
      await page.waitForTimeout(300);
      assert(
        (await page.locator('[data-testid="reject-reason"]:visible').count()) === 0,
        'the 不通过 box stays open after the application moved on',
      );
      await shot(page, 'uf07-reject-box-closed-after-stage');
    },
  },
];
