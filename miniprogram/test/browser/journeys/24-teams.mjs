// Teams journey: the station officer creates a team with 张伟 as its leader and member, sees why it is not
// active yet, publishes an activity limited to the team, and 张伟 — the team leader — opens the rotating
// check-in code from the activity page, as the officer would.
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

async function createTeam(page, base, name) {
  if (page.url().startsWith(base)) await page.evaluate(() => localStorage.clear());
  await loginAsStaff(page, base, 'pinghu_station', STAFF_PASSWORD);
  await tap(page, 'tile-teams');
  await byTestId(page, 'admin-teams').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await tap(page, 'new-team');
  await fillInput(page, 'team-name', name);
  await tap(page, 'team-community');
  await tap(page, 'team-leader-option');
  await tap(page, 'team-members-option');
  await shot(page, 'team01-officer-team-form');
  await tap(page, 'team-submit');
  const item = page.locator('[data-testid="team-item"]', { hasText: name });
  await item.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const text = await item.innerText();
  assert(text.includes('队长：张伟'), `the team card does not name 张伟 as leader: "${text.replace(/\n/g, ' ')}"`);
  assert(text.includes('队员不足 3 人'), `the team card does not say why it is not active: "${text}"`);
  await shot(page, 'team02-officer-team-list');
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
    title: '(队伍) 民警建队（队长张伟）→ 发布本队活动 → 队长张伟出示签到码',
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
    },
  },
];
