// Staff upkeep of the force (docs/product.md#volunteers-archive): the station officer records a
// 特殊情况 and the yearly criminal-record re-check on 张伟's record, adds, edits and deletes a
// service site (a site 张伟 works at is refused), records the company's equipment; the system
// administrator runs a scheduled job by hand and finds it in the audit log in Chinese.
import {
  assert,
  byTestId,
  checkOlderUserSizes,
  confirmModal,
  fillInput,
  shanghaiDate,
  shot,
  STEP_TIMEOUT_MS,
  tap,
  textContaining,
  textOf,
  signInAsStaff,
} from '../support.mjs';

const COMPANY = '皖安保安服务有限公司';
const SITE_IN_USE = '雨山湖公园驻勤点';

/** Taro's date picker in H5: a sliding sheet whose 确定 takes the date shown (the default: today). */
async function pickDefaultDate(page, id) {
  await tap(page, id);
  const ok = page.locator('.weui-picker__action:visible').filter({ hasText: '确定' }).first();
  await ok.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await ok.click();
}

/** Today in Shanghai by the run's clock (the server's and the page's). */
function shanghaiToday() {
  return shanghaiDate();
}

/** Whole months later; a day past the month's end lands on its last day (as the page computes it). */
function addMonths(date, months) {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return `${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

async function openHome(page, base) {
  await page.goto(`${base}/#/pages/index/index`);
  await byTestId(page, 'home-staff').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
}

export default [
  {
    name: 'enrolment-extras-exemption-recheck',
    title: '(档案) 民警为张伟登记特殊情况 → 记录年度政审复核，档案显示新的复核日期',
    async run(page, base) {
      await signInAsStaff(page, base, 'pinghu_station');
      await tap(page, 'tile-volunteers');
      const record = page.locator('[data-testid="volunteer-item"]').filter({ hasText: '张伟' }).first();
      await record.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await record.click();
      await byTestId(page, 'exemptions').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await checkOlderUserSizes(page, {
        textId: 'record-recheck',
        targetIds: ['exemption-submit', 'check-save', 'check-clear'],
      });

      // Submitting without a reason or a date says what is missing, in words.
      await tap(page, 'exemption-submit');
      const card = await textContaining(page, 'exemptions', '请填写特殊情况的原因');
      assert(card.includes('请填写特殊情况的原因'), 'an empty exemption does not ask for a reason');

      const reason = `外出务工 ${Date.now() % 10000}`;
      await fillInput(page, 'exemption-reason', reason);
      await pickDefaultDate(page, 'exemption-ends-on');
      const today = shanghaiToday();
      assert(
        (await textOf(page, 'exemption-ends-on')) === today,
        `the end date shows "${await textOf(page, 'exemption-ends-on')}", expected ${today}`,
      );
      // one tap on a length instead of the picker
      await tap(page, 'exemption-months-3');
      const inThreeMonths = addMonths(today, 3);
      assert(
        (await textOf(page, 'exemption-ends-on')) === inThreeMonths,
        `3 个月 set the end date to "${await textOf(page, 'exemption-ends-on')}", expected ${inThreeMonths}`,
      );
      await tap(page, 'exemption-submit');
      assert(
        (await textContaining(page, 'exemption-added', '已登记')).includes(`${inThreeMonths} 前不因未履职注销资格`),
        'no confirmation after registering the exemption',
      );
      const row = page.locator('[data-testid="exemption-row"]').filter({ hasText: reason }).first();
      await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      assert(
        (await row.innerText()).includes('有效'),
        `the new exemption is not shown as 有效: "${await row.innerText()}"`,
      );
      await row.scrollIntoViewIfNeeded();
      await shot(page, 'x1-exemption-registered');

      // The yearly re-check: result, who (prefilled with the officer's name), when (now).
      const checker = await page.locator('[data-testid="check-by"] input').first().inputValue();
      assert(checker.length > 0, "the checker is not prefilled with the officer's name");
      await tap(page, 'check-clear');
      await tap(page, 'check-save');
      const done = await textContaining(page, 'recheck-done', '复核结果已记录');
      const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
      assert(
        done.includes(`下次复核 ${nextYear} 前`),
        `the re-check confirmation says "${done}", expected the next one by ${nextYear}`,
      );
      const line = await textOf(page, 'record-recheck');
      assert(line.includes(`上次核查 ${today}`), `the record's re-check line says "${line}"`);
      await byTestId(page, 'recheck-done').scrollIntoViewIfNeeded();
      await shot(page, 'x2-recheck-recorded');

      // Both land in the audit log, in Chinese.
      await openHome(page, base);
      await tap(page, 'tile-audit');
      const audit = page.locator('[data-testid="audit-item"]');
      await audit.first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const firstTwo = (await audit.nth(0).innerText()) + (await audit.nth(1).innerText());
      assert(
        firstTwo.includes('记录年度政审复核') && firstTwo.includes('登记特殊情况'),
        `the audit log's newest entries are not the re-check and the exemption: "${firstTwo.replace(/\n/g, ' ')}"`,
      );
    },
  },
  {
    name: 'enrolment-extras-sites-equipment',
    title: '(单位) 民警新增驻勤点 → 修改地址 → 删除；张伟所在的驻勤点不能删除；登记装备资源',
    async run(page, base) {
      await signInAsStaff(page, base, 'pinghu_station');
      await tap(page, 'tile-companies');
      const company = page.locator('[data-testid="company-item"]').filter({ hasText: COMPANY }).first();
      await company.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await company.click();
      await byTestId(page, 'site-new').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await checkOlderUserSizes(page, {
        textId: 'company-equipment',
        targetIds: ['site-save', 'site-delete', 'site-edit-open', 'equipment-save'],
      });

      // add (with an unsaved contact name typed above: the reload after adding must not wipe it)
      await fillInput(page, 'company-contact', '王经理');
      const name = `临时驻勤点 ${Date.now() % 10000}`;
      await fillInput(page, 'site-name', name);
      await fillInput(page, 'site-address', '雨山区平湖路 1 号');
      await page.locator('[data-testid="site-station"]').filter({ hasText: '平湖派出所' }).first().click();
      await tap(page, 'site-save');
      const row = page.locator('[data-testid="site-row"]').filter({ hasText: name }).first();
      await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const contact = await page.locator('[data-testid="company-contact"] input').first().inputValue();
      assert(contact === '王经理', `adding a site wiped the contact being typed (now "${contact}")`);

      // edit: the form opens filled in; the new address shows on the row
      await row.locator('[data-testid="site-edit-open"]').click();
      await byTestId(page, 'site-edit').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const filled = await page
        .locator('[data-testid="site-edit"] [data-testid="site-name"] input')
        .first()
        .inputValue();
      assert(filled === name, `the edit form shows the name "${filled}", expected "${name}"`);
      await page
        .locator('[data-testid="site-edit"] [data-testid="site-address"] input')
        .first()
        .fill('雨山区平湖路 9 号');
      await page.locator('[data-testid="site-edit"] [data-testid="site-save"]').click();
      assert((await textContaining(page, 'site-notice', '已保存')).includes(name), 'no notice after saving the site');
      await row.filter({ hasText: '平湖路 9 号' }).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await row.scrollIntoViewIfNeeded();
      await shot(page, 'x3-site-edited');

      // a site 张伟 serves at cannot be deleted: the reason is shown on its row, the row stays
      const inUse = page.locator('[data-testid="site-row"]').filter({ hasText: SITE_IN_USE }).first();
      await inUse.locator('[data-testid="site-delete"]').click();
      await confirmModal(page, '删除');
      const refused = inUse.locator('[data-testid="site-row-error"]');
      await refused.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      assert(
        (await refused.innerText()).includes('不能删除'),
        `deleting a site in use says "${await refused.innerText()}"`,
      );
      await inUse.scrollIntoViewIfNeeded();
      await shot(page, 'x4-site-in-use-refused');

      // delete the new one
      await row.locator('[data-testid="site-delete"]').click();
      await confirmModal(page, '删除');
      assert((await textContaining(page, 'site-notice', '已删除')).includes(name), 'no notice after deleting the site');
      await row.waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });

      // equipment: one tap adds a row, a count, save; a reload shows it
      await tap(page, 'equipment-add-急救箱');
      const lastCount = page
        .locator('[data-testid="equipment-row"]')
        .last()
        .locator('[data-testid="equipment-count"] input');
      await tap(page, 'equipment-save');
      const noCount = await textOf(page, 'equipment-row-error');
      assert(noCount.includes('“急救箱”的数量应为'), `saving without a count says "${noCount}"`);
      await lastCount.fill('12');
      await tap(page, 'equipment-save');
      await byTestId(page, 'equipment-saved').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await page.reload();
      await byTestId(page, 'company-equipment').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const rows = await page
        .locator('[data-testid="equipment-name"] input')
        .evaluateAll((els) => els.map((e) => e.value));
      const counts = await page
        .locator('[data-testid="equipment-count"] input')
        .evaluateAll((els) => els.map((e) => e.value));
      const at = rows.indexOf('急救箱');
      assert(
        at >= 0 && counts[at] === '12',
        `after a reload the equipment shows ${JSON.stringify(rows)} / ${JSON.stringify(counts)}`,
      );
      await byTestId(page, 'company-equipment').scrollIntoViewIfNeeded();
      await shot(page, 'x5-equipment-saved');
    },
  },
  {
    name: 'enrolment-extras-jobs',
    title: '(系统) 系统管理员打开定时任务 → 立即运行星级评定 → 看到结果，操作日志里有这次运行',
    async run(page, base) {
      await signInAsStaff(page, base, 'admin');
      await tap(page, 'tile-jobs');
      const card = page.locator('[data-testid="job-card"][data-job="level-regrade"]');
      await card.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      assert((await card.innerText()).includes('星级评定'), 'the level job has no Chinese title');
      await checkOlderUserSizes(page, { textId: 'job-last-run', targetIds: ['job-run'] });
      await card.locator('[data-testid="job-run"]').click();
      await confirmModal(page, '运行');
      const outcome = card.locator('[data-testid="job-outcome"]');
      await outcome.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      assert(
        /已运行：(星级变动 \d+ 人|无需处理)/.test(await outcome.innerText()),
        `the run says "${await outcome.innerText()}"`,
      );
      await card
        .locator('[data-testid="job-last-run"]')
        .filter({ hasText: '上次运行' })
        .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await shot(page, 'x6-job-run');

      await openHome(page, base);
      await tap(page, 'tile-audit');
      const newest = page.locator('[data-testid="audit-item"]').first();
      await newest.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const text = await newest.innerText();
      assert(
        text.includes('立即运行定时任务') && text.includes('定时任务 #level-regrade'),
        `the newest audit entry says "${text.replace(/\n/g, ' ')}"`,
      );
    },
  },
];
