// The bureau's view: the city officer opens 数据看板 from the home, reads the headline figures (large text, against
// their targets) and the weekly volunteers as a chart and a table, then drills from 雨山分局's join rate to
// 平湖派出所, to 皖安保安服务有限公司 and to its roster guards who have not joined yet (masked); the station officer's
// home has the same entry, for the station's own figures.
import {
  assert,
  checkOlderUserSizes,
  shot,
  signInAsStaff,
  STEP_TIMEOUT_MS,
  tap,
  textOf,
  visible,
} from '../support.mjs';

/** The row of a list or table whose data-name is `name`. */
async function tapRow(page, testId, name) {
  const row = page.locator(`[data-testid="${testId}"][data-name="${name}"]:visible`).first();
  await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await row.click();
}

/** The headline figures and the weekly chart beside its table. */
async function readHeadlines(page) {
  await visible(page, 'dash-headlines');
  const unit = await textOf(page, 'dash-unit');
  assert(unit.length > 1, `the dashboard names no unit ("${unit}")`);
  const volunteers = await textOf(page, 'dash-volunteers-value');
  assert(/\/ 10,000/.test(volunteers), `在册义警 reads "${volunteers}", not against the 10,000 target`);
  const speed = await textOf(page, 'dash-callups-value');
  assert(speed.length > 0, 'call-up response speed shows nothing');
  await visible(page, 'dash-weekly-chart');
  const canvas = await page.locator('[data-testid="dash-weekly-chart"] canvas').count();
  assert(canvas > 0, 'the weekly chart draws no canvas');
  const weeks = await page.locator('[data-testid="dash-weekly-row"]').count();
  assert(weeks >= 8, `the weekly table lists ${weeks} weeks`);
  await checkOlderUserSizes(page, { textId: 'dash-volunteers-value', targetIds: ['dash-open-stages'] });
  return { unit, volunteers, speed };
}

/** 雨山分局 → 平湖派出所 → 皖安保安服务有限公司 → the guards not yet joined. */
async function drillToMissingGuards(page) {
  await tapRow(page, 'dash-unit-row', '雨山分局');
  await visible(page, 'dash-list-join');
  await tapRow(page, 'dash-join-row', '平湖派出所');
  await page
    .locator('[data-testid="dash-join-row"][data-name="皖安保安服务有限公司"]:visible')
    .first()
    .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const company = page.locator('[data-testid="dash-join-row"][data-name="皖安保安服务有限公司"]:visible').first();
  const rate = (await company.locator('[data-testid="dash-join-rate"]').innerText()).trim();
  assert(/入会率 \d+\.\d%（目标 80%）/.test(rate), `the security company's join rate reads "${rate}"`);
  await shot(page, 'dash02-station-companies');
  await company.click();
  await visible(page, 'dash-list-missing');
  const count = await textOf(page, 'dash-missing-list-count');
  const names = await page.locator('[data-testid="dash-missing-name"]:visible').allInnerTexts();
  assert(names.length > 0 && count.includes(`${names.length}`), `未加入的保安 lists ${names.length} ("${count}")`);
  for (const n of names) assert(/\*/.test(n), `a guard's name is not masked: "${n}"`);
  assert(!names.some((n) => n.startsWith('张伟')), '张伟, a volunteer, is listed as not joined');
  await shot(page, 'dash03-missing-guards');
  return names;
}

export default [
  {
    name: 'dashboard',
    title:
      '(看板) 市局民警从首页打开数据看板 → 雨山分局入会率 → 平湖派出所 → 皖安保安公司 → 未加入的保安（脱敏）；分局和派出所民警各自打开本单位看板',
    async run(page, base) {
      await signInAsStaff(page, base, 'city');
      await tap(page, 'tile-reports');
      await visible(page, 'admin-dashboard');
      const { unit, volunteers, speed } = await readHeadlines(page);
      console.log(`    ${unit}: 在册义警 ${volunteers}; 集结响应速度 ${speed}`);
      await shot(page, 'dash01-city');
      const names = await drillToMissingGuards(page);
      console.log(`    皖安保安服务有限公司 未加入: ${names.join('、')}`);

      // the branch and the station officer each open their own unit's dashboard from their home
      for (const [username, unitName, shotName] of [
        ['yushan_branch', '雨山分局', 'dash04-branch'],
        ['pinghu_station', '平湖派出所', 'dash05-station'],
      ]) {
        await signInAsStaff(page, base, username);
        await tap(page, 'tile-reports');
        await visible(page, 'admin-dashboard');
        const own = await textOf(page, 'dash-unit');
        assert(own === unitName, `${username}'s dashboard is about "${own}", not ${unitName}`);
        await shot(page, shotName);
      }
    },
  },
];
