// Points adjustment: the officer of 平湖派出所 opens 张伟's archive, adds points with a reason (积分调整; a one-character
// reason is stopped on the phone), takes some back, and 张伟 reads the adjustment with its reason in 我的积分.
import {
  assert,
  byTestId,
  checkOlderUserSizes,
  clockNow,
  fillInput,
  shot,
  signInAsStaff,
  STEP_TIMEOUT_MS,
  tap,
  textContaining,
} from '../support.mjs';
import { openAs, wechatTokens } from './12-user-fixes.mjs';

export default [
  {
    name: 'points-adjust',
    title: '(积分调整) 平湖派出所民警在张伟的档案里增加积分并填写原因 → 再扣减 5 分 → 张伟在我的积分里看到这笔调整',
    async run(page, base) {
      const reason = `补录巡逻积分 ${String(clockNow() % 1_000_000)}`;
      await signInAsStaff(page, base, 'pinghu_station');
      await tap(page, 'tile-volunteers');
      const record = page.locator('[data-testid="volunteer-item"]').filter({ hasText: '张伟' }).first();
      await record.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await record.click();
      await byTestId(page, 'points-adjust').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });

      // a reason of one character is refused before anything is sent
      await fillInput(page, 'points-adjust-amount', '15');
      await fillInput(page, 'points-adjust-reason', '补');
      await tap(page, 'points-adjust-submit');
      const early = await textContaining(page, 'points-adjust-error', '原因');
      assert(early.includes('至少 2 个字'), `a one-character reason reads "${early}"`);

      await fillInput(page, 'points-adjust-reason', reason);
      await tap(page, 'points-adjust-submit');
      const done = await textContaining(page, 'points-adjust-result', '已增加');
      assert(done.includes('已增加 15 积分') && done.includes('操作日志'), `the adjustment reads "${done}"`);
      await checkOlderUserSizes(page, { textId: 'points-adjust-result', targetIds: ['points-adjust-submit'] });
      await shot(page, 'pa1-officer-adds-points');

      const added = Number(/现有 (\d+) 积分/.exec(done)?.[1]);
      await tap(page, 'points-adjust-take');
      await fillInput(page, 'points-adjust-amount', '5');
      await fillInput(page, 'points-adjust-reason', '重复登记');
      await tap(page, 'points-adjust-submit');
      const taken = await textContaining(page, 'points-adjust-result', '已扣减');
      assert(taken.includes(`已扣减 5 积分，该义警现有 ${added - 5} 积分`), `the debit reads "${taken}"`);
      await shot(page, 'pa2-officer-takes-points');

      const zhang = await wechatTokens(base, 'zhangwei');
      await openAs(page, base, zhang, 'home-volunteer');
      await page.goto(`${base}/#/pages/points/index`);
      const line = page.locator('[data-testid="ledger-item"]', { hasText: reason }).first();
      await line.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const amount = (await line.locator('[data-testid="ledger-amount"]').innerText()).trim();
      assert(amount === '+15', `张伟's adjustment reads "${amount}"`);
      assert((await line.innerText()).includes('人工调整'), 'the line does not say 人工调整');
      await shot(page, 'pa3-guard-sees-adjustment');
    },
  },
];
