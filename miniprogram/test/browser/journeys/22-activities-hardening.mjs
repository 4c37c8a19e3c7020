// Jobs on their schedule: the server runs every job by itself (the demo server is not a test), so
// the system administrator's 定时任务 page shows each job's period and next run, the activity jobs
// included, and every job has already run once without anyone pressing a button.
import { assert, byTestId, checkOlderUserSizes, shot, signInAsStaff, STEP_TIMEOUT_MS, tap } from '../support.mjs';

export default [
  {
    name: 'activities-hardening-jobs-schedule',
    title: '(系统) 定时任务自动运行：每个任务显示运行周期和下次运行时间，活动提醒、推送重试也在其中',
    async run(page, base) {
      await signInAsStaff(page, base, 'admin');
      await tap(page, 'tile-jobs');
      const reminders = page.locator('[data-testid="job-card"][data-job="activity-reminders"]');
      await reminders.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      assert((await reminders.innerText()).includes('活动开始提醒'), 'the activity reminder job has no Chinese title');
      for (const job of ['activity-upkeep', 'notification-retries', 'inactivity-revocation', 'level-regrade']) {
        assert(
          (await page.locator(`[data-testid="job-card"][data-job="${job}"]`).count()) === 1,
          `no card for the job ${job}`,
        );
      }
      const revocation = page.locator('[data-testid="job-card"][data-job="inactivity-revocation"]');
      const next = await revocation.locator('[data-testid="job-next-run"]').innerText();
      assert(
        /每天运行，下次运行 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(next),
        `the revocation job's next-run line says "${next}"`,
      );
      // it already ran by itself after the server started
      const last = await revocation.locator('[data-testid="job-last-run"]').innerText();
      assert(last.startsWith('上次运行'), `the revocation job has not run by itself: "${last}"`);
      const regrade = await page
        .locator('[data-testid="job-card"][data-job="level-regrade"] [data-testid="job-next-run"]')
        .innerText();
      assert(regrade.includes('每季度第一天运行'), `the level job's next-run line says "${regrade}"`);
      await checkOlderUserSizes(page, { textId: 'job-next-run', targetIds: ['job-run'] });
      await byTestId(page, 'admin-jobs').scrollIntoViewIfNeeded();
      await shot(page, 'ah01-jobs-next-run');
    },
  },
];
