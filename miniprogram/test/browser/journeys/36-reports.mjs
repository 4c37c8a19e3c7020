// Major-event reports: the security company's manager (company) reports an urgent event that happened two hours ago —
// past the one-hour limit — from the 重大事项报送 tile and is told it is late; 平湖派出所 (pinghu_station) finds it
// under 超时报送 in 重大事项 and acknowledges it (受理); 雨山分局 (yushan_branch) sees the same flag.
// Disputes: the station registers a neighbours' dispute, picks 刘秀英 (调解) as mediator; she finds it under 我的,
// records a step and proposes 化解; the station confirms it.
import { pickDate, pickTime } from '../pickers.mjs';
import {
  assert,
  checkOlderUserSizes,
  clockNow,
  fillInput,
  fillTextarea,
  shanghaiDate,
  shot,
  signInAsStaff,
  STEP_TIMEOUT_MS,
  tap,
  textContaining,
  visible,
} from '../support.mjs';
import { openAs, wechatTokens } from './12-user-fixes.mjs';

/** HH:MM in Shanghai of `ms`. */
const shanghaiTime = (ms) => new Date(ms + 8 * 3_600_000).toISOString().slice(11, 16);

/** The row of this run's report in the officers' list, by its sub-category. */
const rowOf = (page, subcategory) => page.locator('[data-testid="incident-row"]', { hasText: subcategory }).first();

async function fileLateReport(page, base, subcategory) {
  await signInAsStaff(page, base, 'company');
  await tap(page, 'tile-report-new');
  await visible(page, 'report-new');
  await tap(page, 'report-category-urgent');
  await fillInput(page, 'report-subcategory', subcategory);
  // two hours ago: the urgent limit (one hour from the event) has passed
  const at = clockNow() - 2 * 3_600_000;
  await pickDate(page, 'report-whenDate', shanghaiDate(at));
  await pickTime(page, 'report-whenTime', shanghaiTime(at));
  await fillInput(page, 'report-place', '雨山湖公园驻勤点东门');
  await fillTextarea(page, 'report-content', '园区配电箱起火，保安员用灭火器扑灭，无人员伤亡');
  await fillInput(page, 'report-people', '保安员王某（发现并处置）');
  await checkOlderUserSizes(page, { textId: 'report-category', targetIds: ['report-submit'] });
  await tap(page, 'report-submit');
  const sent = await textContaining(page, 'report-sent', '超时报送');
  assert(sent.includes('平湖派出所'), `after sending the manager reads "${sent.slice(0, 80)}"`);
  await shot(page, 'report01-company-sent-late');
  await tap(page, 'report-open');
  const status = await textContaining(page, 'incident-status', '待受理');
  assert(status.includes('超时报送'), `the manager's report reads "${status}"`);
}

export default [
  {
    name: 'reports-late-acknowledged',
    title: '(重大事项) 单位管理员超时报送紧急事项 → 派出所在“超时报送”中看到并受理 → 分局看到超时标记',
    async run(page, base) {
      const subcategory = `配电箱起火${String(clockNow() % 1_000_000)}`;
      await fileLateReport(page, base, subcategory);

      await signInAsStaff(page, base, 'pinghu_station');
      await tap(page, 'tile-incidents');
      await visible(page, 'admin-incidents');
      await tap(page, 'incidents-flag-late');
      const row = rowOf(page, subcategory);
      await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const rowText = await row.innerText();
      assert(rowText.includes('超时'), `the station's row reads "${rowText.slice(0, 80)}"`);
      assert(rowText.includes('待受理'), `the station's row reads "${rowText.slice(0, 80)}"`);
      await shot(page, 'report02-station-sees-late');
      await row.click();
      await visible(page, 'admin-incident');
      await tap(page, 'incident-ack');
      const acked = await textContaining(page, 'incident-status', '已受理');
      assert(acked.includes('超时报送'), `after 受理 the station reads "${acked}"`);
      await fillInput(page, 'incident-class-input', '消防安全事件');
      await tap(page, 'incident-classify');
      await textContaining(page, 'incident-class', '消防安全事件');
      await shot(page, 'report03-station-acknowledged');

      await signInAsStaff(page, base, 'yushan_branch');
      await tap(page, 'tile-incidents');
      await visible(page, 'admin-incidents');
      const branchRow = rowOf(page, subcategory);
      await branchRow.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const branchText = await branchRow.innerText();
      assert(branchText.includes('超时报送'), `the branch's row reads "${branchText.slice(0, 80)}"`);
      assert(branchText.includes('已受理'), `the branch's row reads "${branchText.slice(0, 80)}"`);
      await shot(page, 'report04-branch-sees-flag');
    },
  },
  {
    name: 'reports-dispute-mediated',
    title: '(矛盾纠纷) 派出所登记纠纷并指定调解员 → 刘秀英在“我的”中调解、记录、提议化解 → 派出所确认结案',
    async run(page, base) {
      const place = `平湖小区 ${String(clockNow() % 1_000_000)} 栋`;
      await signInAsStaff(page, base, 'pinghu_station');
      await tap(page, 'tile-disputes');
      await visible(page, 'admin-disputes');
      await tap(page, 'dispute-new');
      await visible(page, 'dispute-new-form');
      await tap(page, 'dispute-type-neighbour');
      await fillInput(page, 'dispute-party-name-0', '张三丰');
      await fillInput(page, 'dispute-party-phone-0', '13912345678');
      await tap(page, 'dispute-party-add');
      await fillInput(page, 'dispute-party-name-1', '李四');
      await fillInput(page, 'dispute-address', place);
      await fillTextarea(page, 'dispute-description', '楼上漏水，两户多次争吵');
      await tap(page, 'dispute-new-save');
      await visible(page, 'admin-dispute');
      const parties = await textContaining(page, 'dispute-parties', '张三丰');
      assert(parties.includes('139****5678'), `the parties read "${parties}"`);
      const choice = page.locator('[data-testid="mediator-picker"] .jh-choice', { hasText: '刘秀英' }).first();
      await choice.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await choice.click();
      await tap(page, 'mediator-save');
      await textContaining(page, 'dispute-mediator', '刘秀英');
      await shot(page, 'dispute01-station-picked-mediator');

      await openAs(page, base, await wechatTokens(base, 'liuxiuying'), 'home-volunteer');
      await page.goto(`${base}/#/pages/mine/index`);
      await tap(page, 'mine-mediations');
      const row = page.locator('[data-testid="my-dispute-row"]', { hasText: place }).first();
      await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await row.click();
      await visible(page, 'my-mediation');
      await fillTextarea(page, 'dispute-step-text', '约两户见面，物业到场查漏');
      await tap(page, 'dispute-step-save');
      await page
        .locator('[data-testid="dispute-step"]', { hasText: '物业到场查漏' })
        .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await tap(page, 'dispute-outcome-choice-resolved');
      await fillTextarea(page, 'dispute-outcome-note', '楼上修好水管并赔偿，双方和解');
      await tap(page, 'dispute-outcome-save');
      await textContaining(page, 'dispute-status', '待确认');
      await shot(page, 'dispute02-mediator-proposed');

      await signInAsStaff(page, base, 'pinghu_station');
      await tap(page, 'tile-disputes');
      const caseRow = page.locator('[data-testid="dispute-row"]', { hasText: place }).first();
      await caseRow.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await caseRow.click();
      await textContaining(page, 'dispute-proposal', '化解');
      await fillTextarea(page, 'dispute-outcome-note', '确认化解');
      await tap(page, 'dispute-outcome-save');
      const closed = await textContaining(page, 'dispute-status', '已化解');
      assert(closed === '已化解', `after 确认 the case reads "${closed}"`);
      await textContaining(page, 'dispute-outcome', '确认化解');
      await shot(page, 'dispute03-station-confirmed');
    },
  },
];
