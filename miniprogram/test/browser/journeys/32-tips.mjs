// Tips: 张伟 files a tip with one photo in three screens on a slow mobile connection (screens and taps counted and
// printed) and sees it in 我的线索; the station officer opens 线索研判, accepts it, writes back, closes it with a
// result and grades it A (50 积分); 张伟 reads the result, the 民警 message and the reward in 我的积分. An urgent tip
// nobody accepts within the time limit (one minute in the browser run) is flagged to the branch, whose officer sees it.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  api,
  assert,
  byTestId,
  checkOlderUserSizes,
  clockNow,
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
import { openAs, staffTokenOf, wechatTokens } from './12-user-fixes.mjs';

// A real phone photo's size (125 KB), so that on the slow connection the upload shows its progress.
const PHOTO = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/tip-photo-large.jpg');
// Chrome's "slow 3G": 400 ms round trip, 400 kbit/s each way.
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: 50 * 1024, uploadThroughput: 50 * 1024 };
const NO_THROTTLE = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };

async function network(page, conditions) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', conditions);
  return cdp;
}

/** The urgent tip of this run, filed at the start of the first journey so its minute runs while the rest goes on. */
let urgent = null;
async function fileUrgentTip(base) {
  const tag = String(clockNow() % 1_000_000);
  const zhang = await wechatTokens(base, 'zhangwei');
  const text = `紧急：超市门口有人持刀争吵 ${tag}`;
  await api(base, 'POST', '/tips', zhang.accessToken, {
    clientRequestId: `urgent-${tag}`,
    category: 'public_order_hazard',
    urgency: 'urgent',
    text,
    place: { address: '平湖菜场东门' },
  });
  urgent = { text, filedAt: clockNow() };
  return urgent;
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
  // on the slow connection the upload takes seconds: the guard sees it going on, then the photo in the draft
  const going = await byTestId(page, 'tip-upload-state').textContent({ timeout: STEP_TIMEOUT_MS });
  console.log(`    photo upload on slow 3G shows: "${going?.trim()}"`);
  await byTestId(page, 'tip-draft-photo').waitFor({ state: 'visible', timeout: 60_000 });
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
  await tap(page, 'tip-grade-choice-A');
  await tap(page, 'tip-grade-submit');
  const said = await textContaining(page, 'tip-grade-said', '50');
  assert(said.includes('A'), `after 评级 the officer reads "${said}"`);
  await textContaining(page, 'tip-grade-current', 'A');
  await shot(page, 'tip03-officer-closed-and-graded');
}

export default [
  {
    name: 'tips-file-and-handle',
    title:
      '(线索) 张伟在慢速网络下三屏上报带照片的线索 → 民警受理、留言、办结、评级奖励 → 张伟看到结果、民警留言和 +50 积分',
    async run(page, base) {
      const tag = String(clockNow() % 1_000_000);
      const text = `有人在小区门口撬电动车 ${tag}`;
      const result = `已出警处置，嫌疑人已带回 ${tag}`;
      const zhang = await wechatTokens(base, 'zhangwei');
      await fileUrgentTip(base);
      await openAs(page, base, zhang, 'home-volunteer');
      const cdp = await network(page, SLOW_3G);
      const counted = await fileTip(page, text);
      await cdp.send('Network.emulateNetworkConditions', NO_THROTTLE);
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
      const reward = await textOf(page, 'tip-reward');
      assert(reward.includes('50 积分'), `张伟's tip shows its reward as "${reward}"`);
      const police = page.locator('[data-testid="tip-message"]', { hasText: '收到，我们马上去看' }).first();
      await police.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const who = (await police.innerText()).trim();
      assert(who.startsWith('民警'), `the officer's message is signed "${who.slice(0, 20)}"`);
      await checkOlderUserSizes(page, { textId: 'tip-status', targetIds: ['tip-message-send'] });
      await shot(page, 'tip04-guard-reads-result');

      await page.goto(`${base}/#/pages/points/index`);
      const credit = page.locator('[data-testid="ledger-item"]', { hasText: '线索奖励' }).first();
      await credit.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const amount = (await credit.locator('[data-testid="ledger-amount"]').innerText()).trim();
      assert(amount === '+50', `张伟's tip reward reads "${amount}"`);
      await shot(page, 'tip05-guard-sees-reward');
    },
  },
  {
    name: 'tips-urgent-escalates',
    title: '(线索) 紧急线索超时无人受理 → 自动上报分局 → 分局民警在线索研判中看到“已超时上报分局”',
    async run(page, base) {
      const tip = urgent ?? (await fileUrgentTip(base));
      // the time limit is one minute; the escalation job then runs within its own minute (or now, by the admin)
      const wait = tip.filedAt + 62_000 - clockNow();
      if (wait > 0) await page.waitForTimeout(wait);
      const admin = await staffTokenOf(base, 'admin');
      await api(base, 'POST', '/admin/jobs/tip-escalation/run', admin);
      await signInAsStaff(page, base, 'yushan_branch');
      await tap(page, 'tile-tip-triage');
      await visible(page, 'admin-tips');
      const row = page.locator('[data-testid="admin-tip-row"]', { hasText: '平湖菜场东门' }).first();
      await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const rowText = await row.innerText();
      assert(rowText.includes('已超时上报分局'), `the branch's row reads "${rowText.slice(0, 80)}"`);
      await row.click();
      const status = await textContaining(page, 'admin-tip-status', '已超时上报分局');
      assert(status.includes('紧急'), `the branch officer reads "${status}"`);
      await shot(page, 'tip06-branch-sees-escalated');
    },
  },
];
