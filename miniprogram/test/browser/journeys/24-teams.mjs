// Teams journey: the station officer creates a team with 张伟 as its leader and three members (王建国, 刘秀英,
// 陈志强), sees why it is not active yet, publishes an activity limited to the team, and 张伟 — the team leader —
// opens the rotating check-in code from the activity page, as the officer would. Then the officer changes the team
// (name, area, duties, 王建国 leads instead, 陈志强 leaves, 赵德明 joins): 赵德明 sees it on his 义警证, 陈志强 no longer.
import {
  assert,
  byTestId,
  clockNow,
  fillInput,
  loginAsStaff,
  shot,
  STAFF_PASSWORD,
  STEP_TIMEOUT_MS,
  tap,
} from '../support.mjs';
import { pickActivityTimes } from '../pickers.mjs';

const SHANGHAI_MS = 8 * 3_600_000;
const pad = (n) => String(n).padStart(2, '0');
function shanghai(ms) {
  const d = new Date(ms + SHANGHAI_MS);
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  };
}

/** Picks a person by name in one of the team form's pickers (the station's volunteers, searched by name). */
async function pick(page, picker, name) {
  await fillInput(page, `${picker}-input`, name);
  await tap(page, `${picker}-search`);
  const option = page.locator(`[data-testid="${picker}-option"]`, { hasText: name }).first();
  await option.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await page.locator(`[data-testid="${picker}-list"]`).getByText('共 1 人').waitFor({ timeout: STEP_TIMEOUT_MS });
  await option.click();
}

/** The names of the chosen members, in order (each a chip that takes them off when tapped). */
const chosenMembers = (page) =>
  page
    .locator('[data-testid="team-members-chosen-person"]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-name')).join('、'));

const teamCard = (page, name) => page.locator('[data-testid="team-item"]', { hasText: name }).first();

async function cardText(page, name) {
  const item = teamCard(page, name);
  await item.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  return (await item.innerText()).replace(/\n/g, ' ');
}

async function createTeam(page, base, name) {
  if (page.url().startsWith(base)) await page.evaluate(() => localStorage.clear());
  await loginAsStaff(page, base, 'pinghu_station', STAFF_PASSWORD);
  await tap(page, 'tile-teams');
  await byTestId(page, 'admin-teams').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await tap(page, 'new-team');
  await fillInput(page, 'team-name', name);
  await tap(page, 'team-community');
  await pick(page, 'team-leader', '张伟');
  for (const member of ['王建国', '刘秀英', '陈志强']) await pick(page, 'team-members', member);
  const chosen = await chosenMembers(page);
  assert(chosen === '王建国、刘秀英、陈志强', `the form lists the members as "${chosen}"`);
  await shot(page, 'team01-officer-team-form');
  await tap(page, 'team-submit');
  const text = await cardText(page, name);
  assert(text.includes('队长：张伟'), `the team card does not name 张伟 as leader: "${text}"`);
  assert(text.includes('队员 3 人'), `the team card does not count three members: "${text}"`);
  assert(text.includes('无已结算的队伍活动'), `the team card does not say why it is not active: "${text}"`);
  assert(!text.includes('队员不足'), `three members are counted as too few: "${text}"`);
  await shot(page, 'team02-officer-team-list');
}

/** The officer opens the team again and changes name, area, duties, leader and members. */
async function changeTeam(page, base, name, renamed) {
  await page.goto(`${base}/#/admin-teams/list/index`);
  await page.reload();
  await teamCard(page, name).click();
  await byTestId(page, 'team-edit').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const current = await page.locator('[data-testid="team-name"] input').first().inputValue();
  assert(current === name, `the edit form opens with the name "${current}", expected "${name}"`);
  await fillInput(page, 'team-name', renamed);
  await tap(page, 'team-grid');
  await fillInput(page, 'team-area-text', '湖东南路以东网格');
  await page.locator('[data-testid="team-duties"] textarea').first().fill('夜间沿湖巡逻，周末协助公园安保');
  await pick(page, 'team-leader', '王建国');
  await page.locator('[data-testid="team-members-chosen-person"][data-name="陈志强"]').click();
  await pick(page, 'team-members', '赵德明');
  const chosen = await chosenMembers(page);
  assert(chosen === '王建国、刘秀英、赵德明', `after the change the form lists the members as "${chosen}"`);
  await shot(page, 'team06-officer-team-changed-form');
  await tap(page, 'team-submit');
  const text = await cardText(page, renamed);
  assert(text.includes('队长：王建国'), `the changed team card does not name 王建国 as leader: "${text}"`);
  assert(text.includes('队员 3 人') && text.includes('湖东南路以东网格'), `the changed team card reads "${text}"`);
  assert(!(await teamCard(page, name).isVisible()), `the old name "${name}" is still listed`);
  await shot(page, 'team07-officer-team-list-changed');
  await teamCard(page, renamed).click();
  await byTestId(page, 'team-edit').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const duties = await page.locator('[data-testid="team-duties"] textarea').first().inputValue();
  assert(duties.includes('公园安保'), `the duties were not kept: "${duties}"`);
}

/** A volunteer signs in from the demo list and opens their 义警证; returns what its 所在队伍 card says. */
async function teamsOnCard(page, base, sandboxName, shotName) {
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${base}/#/pages/login/index`);
  await page.reload();
  await tap(page, `demo-sandbox-${sandboxName}`);
  await byTestId(page, 'home-volunteer').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await page.goto(`${base}/#/pages/member-card/index`);
  await page.reload();
  const text = await byTestId(page, 'card-my-teams').innerText({ timeout: STEP_TIMEOUT_MS });
  await shot(page, shotName);
  return text.replace(/\n/g, ' ');
}

async function publishTeamActivity(page, base, title) {
  const startMs = Math.ceil(clockNow() / 60_000) * 60_000 + 60 * 60_000;
  const start = shanghai(startMs);
  const end = shanghai(startMs + 60 * 60_000);
  await page.goto(`${base}/#/admin-activities/edit/index`);
  await page.reload();
  await fillInput(page, 'form-title', title);
  await tap(page, 'form-team');
  await fillInput(page, 'form-address', '平湖小区北门');
  await tap(page, 'manual-coords');
  await fillInput(page, 'form-lat', '31.6705');
  await fillInput(page, 'form-lng', '118.5065');
  await pickActivityTimes(page, start, end);
  await tap(page, 'form-publish');
  await byTestId(page, 'admin-activity-detail').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const id = Number(new URL(page.url().replace('#', '')).searchParams.get('id'));
  assert(id > 0, `no activity id in ${page.url()}`);
  await shot(page, 'team03-officer-team-activity');
  return id;
}

export default [
  {
    name: 'teams-leader-qr',
    title:
      '(队伍) 民警建队（队长张伟、队员三人）→ 发布本队活动 → 队长张伟出示签到码 → 民警改队名、区域、职责、队长和队员 → 新队员在义警证上看到队伍，移出的队员看不到',
    async run(page, base) {
      const stamp = `${shanghai(clockNow()).time.replace(':', '')}${pad(new Date().getSeconds())}`;
      await createTeam(page, base, `平湖巡逻队${stamp}`);
      const id = await publishTeamActivity(page, base, `队伍巡逻 ${stamp}`);

      await page.evaluate(() => localStorage.clear());
      await page.goto(`${base}/#/pages/login/index`);
      await page.reload();
      await tap(page, 'demo-sandbox-zhangwei');
      await byTestId(page, 'home-volunteer').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await page.goto(`${base}/#/pages/activity/detail?id=${id}`);
      await page.reload();
      await byTestId(page, 'activity-detail').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await shot(page, 'team04-leader-activity-detail');
      await tap(page, 'leader-show-qr');
      const token = await byTestId(page, 'qr-token').getAttribute('data-token', { timeout: STEP_TIMEOUT_MS });
      assert(token?.startsWith(`${id}.`), `the leader's QR token "${token}" is not for activity ${id}`);
      await shot(page, 'team05-leader-qr');

      const before = await teamsOnCard(page, base, 'chenzhiqiang', 'team08-member-card-before');
      assert(before.includes(`平湖巡逻队${stamp}`), `陈志强's 义警证 does not show his team: "${before}"`);

      const renamed = `平湖湖东巡逻队${stamp}`;
      await page.evaluate(() => localStorage.clear());
      await loginAsStaff(page, base, 'pinghu_station', STAFF_PASSWORD);
      await byTestId(page, 'home-staff').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await changeTeam(page, base, `平湖巡逻队${stamp}`, renamed);

      const joined = await teamsOnCard(page, base, 'zhaodeming', 'team09-new-member-card');
      assert(joined.includes(renamed) && joined.includes('队长 王建国'), `赵德明's 义警证 reads "${joined}"`);
      const left = await teamsOnCard(page, base, 'chenzhiqiang', 'team10-removed-member-card');
      assert(!left.includes(renamed) && !left.includes(stamp), `陈志强 still sees the team on his 义警证: "${left}"`);
      const leader = await teamsOnCard(page, base, 'wangjianguo', 'team11-new-leader-card');
      assert(leader.includes(renamed) && leader.includes('本人任队长'), `王建国's 义警证 reads "${leader}"`);
    },
  },
];
