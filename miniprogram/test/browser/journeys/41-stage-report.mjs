// Stage reports (阶段工作情况): the city officer defines a stage whose due date was yesterday (Shanghai); 平湖派出所
// writes its narrative today, so it is marked 逾期; the city compiles the stage report, sees 平湖派出所 among the late
// units, downloads the .xlsx and reads it back: a summary sheet, one sheet per branch, and the late list naming the
// station.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pickDate } from '../pickers.mjs';
import {
  assert,
  checkOlderUserSizes,
  clockNow,
  fillInput,
  fillTextarea,
  formatViolations,
  measureReadability,
  shanghaiDate,
  shot,
  signInAsStaff,
  STEP_TIMEOUT_MS,
  tap,
  textContaining,
  textOf,
  visible,
} from '../support.mjs';

// exceljs is the server's (it writes the export); the journey only reads the file back with it.
const serverRequire = createRequire(join(dirname(fileURLToPath(import.meta.url)), '../../../../server/package.json'));
const ExcelJS = serverRequire('exceljs');

/** The stage page at the large text size: ≥ 18 px text, ≥ 44 px targets, 4.5:1 contrast, whole dates. */
async function assertReadable(page, label) {
  const { violations } = await measureReadability(page);
  assert(
    violations.length === 0,
    `${violations.length} readability violations:\n${formatViolations(label, violations)}`,
  );
}

/** 数据看板 → 阶段报告 → the stage named `name`. */
async function openStage(page, name) {
  await tap(page, 'tile-reports');
  await tap(page, 'dash-open-stages');
  await visible(page, 'dash-stages');
  const row = page.locator(`[data-testid="stage-row"][data-name="${name}"]:visible`).first();
  await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await row.click();
  await visible(page, 'dash-stage');
}

/** The city defines the stage, due yesterday in Shanghai. */
async function defineStage(page, base, name, dueDate) {
  await page.goto(`${base}/#/pages/staff-login/index`);
  await page.evaluate(() => localStorage.setItem('jh.textSize', JSON.stringify({ data: 'large' })));
  await signInAsStaff(page, base, 'city');
  await tap(page, 'tile-reports');
  await tap(page, 'dash-open-stages');
  await visible(page, 'stage-new');
  await tap(page, 'stage-new-save');
  const missing = await textOf(page, 'stage-new-error');
  assert(missing.includes('阶段名称'), `an empty stage says "${missing}"`);
  await fillInput(page, 'stage-new-name', name);
  await pickDate(page, 'stage-new-dueDate', dueDate);
  await tap(page, 'stage-new-save');
  const row = page.locator(`[data-testid="stage-row"][data-name="${name}"]`).first();
  await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const counts = (await row.locator('[data-testid="stage-row-counts"]').innerText()).trim();
  assert(/已报 0/.test(counts), `a new stage reads "${counts}"`);
  await shot(page, 'stage01-defined');
}

/** 平湖派出所 writes its narrative after the due date: 逾期. */
async function writeLate(page, base, name) {
  await signInAsStaff(page, base, 'pinghu_station');
  await openStage(page, name);
  const due = await textOf(page, 'narrative-due');
  assert(due.includes('已过截止日期'), `the narrative form says "${due}" for a stage due yesterday`);
  await checkOlderUserSizes(page, { textId: 'narrative-due', targetIds: ['narrative-submit'] });
  await tap(page, 'narrative-submit');
  const empty = await textOf(page, 'narrative-error');
  assert(empty.includes('阶段工作情况'), `an empty narrative says "${empty}"`);
  await fillTextarea(page, 'narrative-text', '本阶段组织巡逻防范 12 次，新发展义警 3 名，走访辖区保安单位 2 家。');
  await tap(page, 'narrative-submit');
  const state = await textContaining(page, 'narrative-state', '逾期');
  assert(state.includes('已于') && state.includes('逾期'), `after submitting the narrative reads "${state}"`);
  // the 已提交 toast shows, then fades: the page is measured without it
  const toast = page.locator('.taro__toast p', { hasText: '已提交' }).first();
  await toast.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await toast.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
  await assertReadable(page, 'stage (station)');
  await shot(page, 'stage02-late-narrative');
}

/** The city compiles: 平湖派出所 is listed late; the .xlsx is downloaded and read back. */
async function compileAndExport(page, base, name) {
  await signInAsStaff(page, base, 'city');
  await openStage(page, name);
  await tap(page, 'stage-compile');
  await visible(page, 'stage-compiled');
  const late = page.locator('[data-testid="stage-late-row"][data-name="平湖派出所"]').first();
  await late.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  assert((await late.innerText()).includes('逾期'), '平湖派出所 is listed without the 逾期 mark');
  const branches = await page.locator('[data-testid="stage-compiled-branch"]').count();
  assert(branches >= 2, `the compiled report shows ${branches} branches`);
  await assertReadable(page, 'stage (city, compiled)');
  await shot(page, 'stage03-compiled');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: STEP_TIMEOUT_MS }),
    tap(page, 'stage-export'),
  ]);
  assert(download.suggestedFilename().endsWith('.xlsx'), `the export is named ${download.suggestedFilename()}`);
  const bytes = readFileSync(await download.path());
  assert(bytes.subarray(0, 2).toString() === 'PK', `the export is ${bytes.length} bytes, no xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const sheets = wb.worksheets.map((ws) => ws.name);
  assert(sheets.includes('雨山分局'), `the workbook's sheets are ${sheets.join(', ')}: no sheet for 雨山分局`);
  const cells = (ws) => ws.getSheetValues().flat().map(String).join(' ');
  const listed = wb.worksheets.filter((ws) => cells(ws).includes('平湖派出所') && cells(ws).includes('逾期'));
  assert(listed.length > 0, 'no sheet lists 平湖派出所 as late');
  console.log(`    导出: ${download.suggestedFilename()}, ${bytes.length} bytes, sheets ${sheets.join('、')}`);
}

export default [
  {
    name: 'stage-report',
    title:
      '(报告) 市局设定昨天截止的阶段 → 平湖派出所今天填报（逾期）→ 市局汇总，逾期名单有平湖派出所 → 导出 Excel 并读回',
    async run(page, base) {
      const name = `阶段 ${String(clockNow() % 1_000_000)}`;
      const yesterday = shanghaiDate(clockNow() - 24 * 3_600_000);
      await defineStage(page, base, name, yesterday);
      await writeLate(page, base, name);
      await compileAndExport(page, base, name);
    },
  },
];
