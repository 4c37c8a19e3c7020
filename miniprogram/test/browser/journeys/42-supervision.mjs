// Company supervision: 平湖派出所 (pinghu_station) records an inspection of 皖安保安 with a problem, findings and a
// rectification deadline from the 监督检查 tile; the company's manager (company) finds it under 检查整改 and confirms the
// rectification with a note; the station sees the confirmation and records 整改完成. Data honesty: 雨山分局
// (yushan_branch) opens 数据核查 after the hourly check has run.
import { pickDate } from '../pickers.mjs';
import {
  assert,
  byTestId,
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
import { staffTokenOf } from './12-user-fixes.mjs';

const DAY_MS = 86_400_000;

const rowOf = (page, listId, text) =>
  page.locator(`[data-testid="${listId}"] [data-testid="inspection-row"]`, { hasText: text }).first();

async function recordInspection(page, base, findings) {
  await signInAsStaff(page, base, 'pinghu_station');
  await tap(page, 'tile-inspections');
  await visible(page, 'admin-inspections');
  await tap(page, 'inspection-new');
  await visible(page, 'inspection-new-form');
  await page.locator('[data-testid^="inspection-company-"]', { hasText: '皖安' }).first().click();
  await fillInput(page, 'inspection-inspectors', '王所长、李警官');
  await tap(page, 'inspection-item-result-0-problem');
  await fillTextarea(page, 'inspection-findings-input', findings);
  await pickDate(page, 'inspection-rectify-by', shanghaiDate(clockNow() + 7 * DAY_MS));
  await checkOlderUserSizes(page, { textId: 'inspection-inspectors', targetIds: ['inspection-new-save'] });
  await tap(page, 'inspection-new-save');
  await visible(page, 'admin-inspection');
  const status = await textContaining(page, 'inspection-status', '待整改');
  assert(!status.includes('逾期'), `a new inspection reads "${status}"`);
  await textContaining(page, 'inspection-findings', findings);
  await shot(page, 'supervision01-station-recorded');
}

export default [
  {
    name: 'supervision-inspection-confirmed',
    title:
      '(监督检查) 派出所记录检查问题和整改期限 → 单位管理员在“检查整改”中确认 → 派出所记录整改完成；分局打开数据核查',
    async run(page, base) {
      const findings = `两名保安员上岗未携带保安员证 ${String(clockNow() % 1_000_000)}`;
      await recordInspection(page, base, findings);

      await signInAsStaff(page, base, 'company');
      await tap(page, 'tile-my-inspections');
      await visible(page, 'company-inspections');
      const row = rowOf(page, 'company-inspection-list', '皖安');
      await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await page.locator('[data-testid="inspection-row"]').first().click();
      await visible(page, 'company-inspection');
      await textContaining(page, 'inspection-findings', findings);
      await fillTextarea(page, 'company-inspection-confirm-note', '已补办保安员证并要求随身携带');
      await tap(page, 'company-inspection-confirm-save');
      await visible(page, 'company-inspection-confirmed');
      await textContaining(page, 'inspection-status', '单位已确认整改');
      await shot(page, 'supervision02-company-confirmed');

      await signInAsStaff(page, base, 'pinghu_station');
      await tap(page, 'tile-inspections');
      await visible(page, 'admin-inspections');
      await page.locator('[data-testid="inspection-row"]').first().click();
      await visible(page, 'admin-inspection');
      await textContaining(page, 'inspection-company-note', '已补办保安员证');
      await fillTextarea(page, 'inspection-rectify-note', '复查合格，全部持证上岗');
      await tap(page, 'inspection-rectify-save');
      await textContaining(page, 'inspection-status', '整改完成');
      await shot(page, 'supervision03-station-rectified');

      // the hourly check, run now; the branch opens 数据核查 (its list or its empty state)
      const admin = await staffTokenOf(base, 'admin');
      const run = await fetch(`${base}/api/admin/jobs/honesty-scan/run`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${admin}` },
      });
      assert(run.ok, `running the honesty check answered ${run.status}`);
      await signInAsStaff(page, base, 'yushan_branch');
      await tap(page, 'tile-honesty');
      await visible(page, 'honesty-flags');
      await byTestId(page, 'flag-list')
        .or(page.getByText('没有待核查的记录'))
        .first()
        .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await shot(page, 'supervision04-branch-honesty');
    },
  },
];
