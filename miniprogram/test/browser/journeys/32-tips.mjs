// Tips: 张伟 files a tip with one photo in three screens (screens and taps counted and printed) and sees it in
// 我的线索; the station officer opens 线索研判, accepts it, writes back and closes it with a result; 张伟 reads the
// result and the 民警 message.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  textOf,
} from '../support.mjs';
import { openAs, wechatTokens } from './12-user-fixes.mjs';

const PHOTO = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/tip-photo.jpg');
const visible = (page, id) => byTestId(page, id).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });

async function fillTextarea(page, id, value) {
  const box = page.locator(`[data-testid="${id}"] textarea, textarea[data-testid="${id}"]`).first();
  await box.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await box.fill(value);
}

/** 张伟 from the home tile to 提交: returns the screens seen and the taps made. */
async function fileTip(page, text) {
  let taps = 0;
  const screens = new Set();
  const step = async () => screens.add(await textOf(page, 'tip-step'));
  const press = async (id) => {
    await tap(page, id);
    taps += 1;
  };
  await press('tile-tips');
  await visible(page, 'tip-new');
  if (await byTestId(page, 'tip-draft-restored').count()) await press('tip-discard');
  await step();
  await press('tip-category-suspicious_person');
  await press('tip-next');
  await step();
  await fillTextarea(page, 'tip-text', text);
  await fillInput(page, 'tip-address', '湖东路菜市场北门');
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: STEP_TIMEOUT_MS }),
    press('tip-add-photo'),
  ]);
  await chooser.setFiles(PHOTO);
  await visible(page, 'tip-draft-photo');
  await shot(page, 'tip01-guard-text-and-photo');
  await press('tip-next');
  await step();
  const review = await textOf(page, 'tip-review');
  assert(review.includes('可疑人员') && review.includes('1 张'), `the review reads "${review}"`);
  await checkOlderUserSizes(page, { textId: 'tip-step', targetIds: ['tip-submit', 'tip-back'] });
  await press('tip-submit');
  await visible(page, 'tip-sent');
  await shot(page, 'tip02-guard-sent');
  return { screens: screens.size, taps };
}

/** The officer: 线索研判 → the tip → 受理 → a message → 办结 with a result. */
async function handleTip(page, base, text, result) {
  await signInAsStaff(page, base, 'pinghu_station');
  await tap(page, 'tile-tip-triage');
  await visible(page, 'admin-tips');
  const row = page.locator('[data-testid="admin-tip-row"]', { hasText: '湖东路菜市场北门' }).first();
  await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await row.click();
  await visible(page, 'admin-tip');
  const shown = await textOf(page, 'admin-tip-text');
  assert(shown === text, `the officer sees "${shown}"`);
  const submitter = await textOf(page, 'tip-submitter');
  assert(submitter.startsWith('张*'), `the submitter is shown as "${submitter}", not masked`);
  await page
    .locator('[data-testid="admin-tip"] [data-testid="tip-photo"]')
    .first()
    .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await tap(page, 'tip-action-accept');
  const accepted = await textContaining(page, 'admin-tip-status', '已受理');
  assert(accepted.startsWith('已受理'), `after 受理 the status reads "${accepted}"`);
  await fillTextarea(page, 'tip-message-input', '收到，我们马上去看');
  await tap(page, 'tip-message-send');
  await page
    .locator('[data-testid="tip-message"]', { hasText: '收到，我们马上去看' })
    .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await tap(page, 'tip-action-close');
  await fillTextarea(page, 'tip-action-text', result);
  await tap(page, 'tip-action-confirm');
  const closed = await textContaining(page, 'admin-tip-status', '已办结');
  assert(closed.startsWith('已办结'), `after 办结 the status reads "${closed}"`);
  await shot(page, 'tip03-officer-closed');
}

export default [
  {
    name: 'tips-file-and-handle',
    title: '(线索) 张伟三屏上报带照片的线索 → 我的线索 → 民警受理、留言、办结 → 张伟看到结果和民警留言',
    async run(page, base) {
      const tag = String(clockNow() % 1_000_000);
      const text = `有人在小区门口撬电动车 ${tag}`;
      const result = `已出警处置，嫌疑人已带回 ${tag}`;
      const zhang = await wechatTokens(base, 'zhangwei');
      await openAs(page, base, zhang, 'home-volunteer');
      const counted = await fileTip(page, text);
      console.log(`    线索上报: ${counted.screens} screens, ${counted.taps} taps`);
      assert(counted.screens <= 3, `filing a tip took ${counted.screens} screens`);

      await tap(page, 'tip-open-mine');
      await visible(page, 'my-tip');
      assert((await textOf(page, 'tip-status')) === '已提交', 'the new tip is not 已提交');
      await page.goto(`${base}/#/pages/mine/index`);
      await tap(page, 'mine-tips');
      const mine = page.locator('[data-testid="my-tip-row"]', { hasText: text.slice(0, 20) }).first();
      await mine.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });

      await handleTip(page, base, text, result);

      await openAs(page, base, zhang, 'home-volunteer');
      await page.goto(`${base}/#/pages/tips/mine`);
      await mine.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await mine.click();
      const status = await textContaining(page, 'tip-status', '已办结');
      assert(status === '已办结', `张伟 sees the status "${status}"`);
      const shownResult = await textOf(page, 'tip-result');
      assert(shownResult.includes(result), `张伟 sees the result "${shownResult}"`);
      const police = page.locator('[data-testid="tip-message"]', { hasText: '收到，我们马上去看' }).first();
      await police.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const who = (await police.innerText()).trim();
      assert(who.startsWith('民警'), `the officer's message is signed "${who.slice(0, 20)}"`);
      await checkOlderUserSizes(page, { textId: 'tip-status', targetIds: ['tip-message-send'] });
      await shot(page, 'tip04-guard-reads-result');
    },
  },
];
