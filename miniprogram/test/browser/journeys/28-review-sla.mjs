// Review-time warning: the system administrator runs 审核超时提醒 from the 定时任务 page; the demo application of
// 杨桂兰 (雨山湖社区, which has no reviewer of its own) has waited past the review time, so the officer of 平湖派出所
// sees the unread count on the 消息 tile of the home, opens the inbox, taps the warning and lands on that
// application's review page; back home the count is one lower.
import { assert, byTestId, confirmModal, shot, signInAsStaff, STEP_TIMEOUT_MS, tap } from '../support.mjs';

const APPLICANT = '杨桂兰';

/** The unread count on the home's 消息 tile (0 when no badge is shown). */
async function unreadOnHome(page) {
  await byTestId(page, 'home-staff').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const badge = page.locator('[data-testid="home-staff"] [data-testid="unread-badge-count"]').first();
  await badge.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => {});
  if (!(await badge.isVisible())) return 0;
  return Number((await badge.innerText()).trim());
}

/** The administrator runs the job from the 定时任务 page and sees its outcome. */
async function runSlaJob(page, base) {
  await signInAsStaff(page, base, 'admin');
  await tap(page, 'tile-jobs');
  const card = page.locator('[data-testid="job-card"][data-job="review-sla-warnings"]').first();
  await card.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await card.locator('[data-testid="job-run"]').first().click();
  await confirmModal(page, '运行');
  const outcome = card.locator('[data-testid="job-outcome"]').first();
  await outcome.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const text = (await outcome.innerText()).trim();
  assert(text.includes('已运行'), `the job did not run: "${text}"`);
  await shot(page, 'sla1-admin-job-run');
}

export default [
  {
    name: 'review-sla-warning',
    title:
      '(审核超时) 管理员在定时任务页运行审核超时提醒 → 平湖派出所民警首页见未读数 → 消息里点提醒 → 打开该申请的审核页 → 未读数减一',
    async run(page, base) {
      await runSlaJob(page, base);

      await signInAsStaff(page, base, 'pinghu_station');
      const before = await unreadOnHome(page);
      assert(before >= 1, `the officer's home shows ${before} unread messages after the warning`);
      const tab = page.locator('.weui-tabbar__item').filter({ hasText: '消息' }).first();
      if (await tab.isVisible()) {
        const tabText = (await tab.innerText()).replace(/\s+/g, '');
        assert(tabText.includes(String(before)), `the 消息 tab does not carry the count ${before}: "${tabText}"`);
      }
      await shot(page, 'sla2-officer-home-unread');

      await tap(page, 'tile-inbox');
      await byTestId(page, 'message-list').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const warning = page
        .locator('[data-testid="message-item"][data-template="review_overdue"]')
        .filter({ hasText: APPLICANT })
        .first();
      await warning.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const text = (await warning.innerText()).replace(/\n/g, ' ');
      assert(text.includes('【未读】') && text.includes('入会申请初审超时'), `the warning reads "${text}"`);
      assert(text.includes('点击查看'), `the warning does not say a tap opens it: "${text}"`);
      await shot(page, 'sla3-officer-inbox');

      await warning.click();
      await byTestId(page, 'review-detail').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const name = (await byTestId(page, 'detail-name').innerText()).trim();
      assert(name.includes(APPLICANT), `the warning opened the application of "${name}", expected ${APPLICANT}`);
      assert(page.url().includes('review-detail'), `the warning opened ${page.url()}`);
      await shot(page, 'sla4-officer-review-page');

      await page.goto(`${base}/#/pages/index/index`);
      await page.reload();
      await byTestId(page, 'home-staff').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await page.waitForFunction(
        (expected) => {
          const el = document.querySelector('[data-testid="home-staff"] [data-testid="unread-badge-count"]');
          return Number(el?.textContent?.trim() ?? 0) === expected;
        },
        before - 1,
        { timeout: STEP_TIMEOUT_MS },
      );
      await shot(page, 'sla5-officer-home-after-reading');
    },
  },
];
