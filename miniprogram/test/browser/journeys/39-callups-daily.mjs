// A daily call-up: the 平湖社区 community officer sends one to her community from 调度指令 → 发布指令, reading before
// sending how many it reaches and that it goes out as 日常; 张伟 (who lives in 平湖社区) has it on his home tile and
// answers 不能参加 with a reason; 王建国 (平湖派出所, living elsewhere) neither sees it nor can open it; the officer's board
// counts the refusal.
import {
  assert,
  byTestId,
  clockNow,
  confirmModal,
  fillInput,
  fillTextarea,
  shot,
  signInAsStaff,
  STEP_TIMEOUT_MS,
  tap,
  textContaining,
  textOf,
  visible,
} from '../support.mjs';
import { openAs, wechatTokens } from './12-user-fixes.mjs';
import { figureAtLeast } from './38-callups-wartime.mjs';

/** The community officer's form: title, task, her community, the rally point, one hour; returns the board's id. */
async function send(page, base, title) {
  await signInAsStaff(page, base, 'pinghu_community');
  await tap(page, 'tile-dispatch');
  await visible(page, 'admin-callups');
  await tap(page, 'admin-callup-new');
  await visible(page, 'callup-new');
  await fillInput(page, 'callup-title', title);
  await fillTextarea(page, 'callup-task', '今晚 19:00 起平湖小区夜间巡逻，重点看电动车棚。');
  await tap(page, 'callup-unit-平湖社区');
  await fillInput(page, 'callup-rally-address', '平湖小区北门');
  await fillInput(page, 'callup-rally-lat', '31.6705');
  await fillInput(page, 'callup-rally-lng', '118.5065');
  await tap(page, 'callup-deadline-60');
  const line = await textContaining(page, 'callup-preview-line', '将通知');
  const count = Number(/将通知 (\d+) 人/.exec(line)?.[1] ?? NaN);
  assert(count >= 1, `before sending the officer reads "${line}"`);
  const mode = await textOf(page, 'callup-preview');
  assert(mode.includes('模式：日常'), `the form says "${mode}"`);
  await shot(page, 'cd01-officer-form-preview');
  await tap(page, 'callup-send');
  await confirmModal(page, '发布');
  await visible(page, 'callup-board');
  const head = await textOf(page, 'board-title');
  assert(head.includes(title) && head.includes('日常'), `the board's title reads "${head}"`);
  await figureAtLeast(page, '已通知', count);
  return Number(new URL(page.url().replace('#', '')).searchParams.get('id'));
}

export default [
  {
    name: 'callups-daily-community',
    title:
      '(调度) 平湖社区民警发日常指令（发送前看到通知人数和日常模式）→ 张伟首页看到待办并回复不能参加 → 王建国看不到 → 看板计入',
    async run(page, base) {
      const title = `夜间巡逻集合 ${String(clockNow() % 1_000_000)}`;
      const id = await send(page, base, title);

      const zhang = await wechatTokens(base, 'zhangwei');
      await openAs(page, base, zhang, 'home-volunteer');
      const badge = await textOf(page, 'open-callups-badge');
      assert(/\d+\s*条待办/.test(badge), `张伟's 调度指令 tile reads "${badge}"`);
      await shot(page, 'cd02-guard-home-tile');
      await tap(page, 'tile-callups');
      const row = page.locator('[data-testid="my-callup-row"]', { hasText: title }).first();
      await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const rowText = await row.innerText();
      assert(rowText.includes('待回复') && rowText.includes('还剩'), `the row reads "${rowText}"`);
      await row.click();
      await visible(page, 'my-callup');
      await tap(page, 'callup-decline');
      await fillTextarea(page, 'callup-decline-reason', '今晚值夜班');
      await tap(page, 'callup-decline-confirm');
      await textContaining(page, 'callup-status', '不能参加');
      await shot(page, 'cd03-guard-declined');

      const wang = await wechatTokens(base, 'wangjianguo');
      await openAs(page, base, wang, 'home-volunteer');
      await tap(page, 'tile-callups');
      await visible(page, 'my-callups');
      await page.waitForTimeout(1000);
      const seen = await page.locator('[data-testid="my-callup-row"]', { hasText: title }).count();
      assert(seen === 0, '王建国, who lives outside 平湖社区, sees the call-up');
      const res = await fetch(`${base}/api/callups/${id}`, {
        headers: { authorization: `Bearer ${wang.accessToken}` },
      });
      assert(res.status === 404, `王建国 opening the call-up answered ${res.status}, expected 404`);

      await signInAsStaff(page, base, 'pinghu_community');
      await page.goto(`${base}/#/admin-callups/board/index?id=${id}`);
      await visible(page, 'callup-board');
      await figureAtLeast(page, '不能参加', 1);
      const refused = await textOf(page, 'board-list-不能参加');
      assert(refused.includes('张伟'), `the board's 不能参加 list reads "${refused}"`);
      assert(!(await byTestId(page, 'callup-draws').isVisible()), 'a community officer is offered 抽调');
      await shot(page, 'cd04-board-declined');
    },
  },
];
