// Activities journey: a station officer publishes an activity near a point, volunteer 张伟
// signs up from the list (2 taps from home), checks in with a mocked phone position (first too far
// away, then on site), the officer confirms attendance once the activity has ended, and 张伟 sees the
// points. 签退 asks for confirmation (and is not offered before the start); 张伟 then forgets to
// check out, so the officer's list flags the row and the officer accepts the proposed minutes up
// to the end. The activity is short (starts in ~2 min, lasts 1 min) because attendance can only be
// confirmed after the end: this journey waits for the clock, about four minutes in all.
import { gcj02ToWgs84 } from '@jianghuai/shared';
import jsQR from 'jsqr';
import {
  assert,
  byTestId,
  checkOlderUserSizes,
  clockNow,
  fillInput,
  loginAsStaff,
  shot,
  STAFF_PASSWORD,
  STEP_TIMEOUT_MS,
  tap,
  textOf,
} from '../support.mjs';
import { pickActivityTimes } from '../pickers.mjs';

// The activity's point (GCJ-02, as WeChat's map gives it), and the volunteer's mocked browser
// positions (WGS-84, as a browser reports them) ≈ 45 m and ≈ 2.2 km away from it.
const POINT = { lat: 31.6705, lng: 118.5065 };
const browserReading = (gcj) => {
  const { lat, lng } = gcj02ToWgs84(gcj);
  return { latitude: lat, longitude: lng, accuracy: 15 };
};
const ON_SITE = browserReading({ lat: 31.6709, lng: 118.5065 });
const FAR_AWAY = browserReading({ lat: 31.6905, lng: 118.5065 });

const SHANGHAI_MS = 8 * 3_600_000;
const pad = (n) => String(n).padStart(2, '0');
function shanghai(ms) {
  const d = new Date(ms + SHANGHAI_MS);
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  };
}

async function signOutInBrowser(page, base) {
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${base}/#/pages/login/index`);
  await page.reload();
}

async function loginVolunteer(page, base) {
  await signOutInBrowser(page, base);
  await tap(page, 'demo-sandbox-zhangwei');
  await byTestId(page, 'home-volunteer').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
}

async function loginOfficer(page, base) {
  if (page.url().startsWith(base)) await page.evaluate(() => localStorage.clear());
  await loginAsStaff(page, base, 'pinghu_station', STAFF_PASSWORD);
  await byTestId(page, 'home-staff').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
}

/**
 * What a scanner reads off the QR picture at the size the officer's phone shows it: the picture is
 * drawn onto a canvas at its displayed size and decoded with jsQR.
 */
async function scanQrOnScreen(page) {
  const image = page.locator('[data-testid="qr-image"] img, img[data-testid="qr-image"]').first();
  await image.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const { width, height, pixels } = await image.evaluate(async (img) => {
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(img.getBoundingClientRect().width);
    canvas.height = Math.round(img.getBoundingClientRect().height);
    const context = canvas.getContext('2d');
    context.drawImage(img, 0, 0, canvas.width, canvas.height);
    return {
      width: canvas.width,
      height: canvas.height,
      pixels: Array.from(context.getImageData(0, 0, canvas.width, canvas.height).data),
    };
  });
  assert(
    width >= 200 && height >= 200,
    `the QR picture is shown ${width}×${height} px, too small to scan from a metre away`,
  );
  return jsQR(Uint8ClampedArray.from(pixels), width, height)?.data ?? null;
}

async function waitUntil(ms) {
  const left = ms - clockNow();
  if (left > 0) await new Promise((r) => setTimeout(r, left));
}

export default [
  {
    name: 'activities-publish-signup-checkin-confirm-points',
    title: '(活动) 民警发布活动 → 张伟两步报名 → 模拟定位签到 → 民警确认出勤 → 张伟看到积分',
    async run(page, base) {
      const title = `平湖小区巡逻 ${shanghai(clockNow()).time.replace(':', '')}${pad(new Date().getSeconds())}`;
      // Start on the next whole minute + 2, end one minute later (the form is minute-precise).
      const startMs = Math.ceil(clockNow() / 60_000) * 60_000 + 2 * 60_000;
      const endMs = startMs + 60_000;
      const start = shanghai(startMs);
      const end = shanghai(endMs);

      // ── 1. the officer publishes ──
      await loginOfficer(page, base);
      await tap(page, 'tile-activity-admin');
      await byTestId(page, 'new-activity').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await shot(page, 'act01-officer-activity-list');
      await tap(page, 'new-activity');
      await fillInput(page, 'form-title', title);
      await fillInput(page, 'form-address', '平湖小区北门');
      await tap(page, 'manual-coords');
      await fillInput(page, 'form-lat', String(POINT.lat));
      await fillInput(page, 'form-lng', String(POINT.lng));
      await pickActivityTimes(page, start, end);

      // Nothing typed is lost: a reload brings the draft back.
      await page.reload();
      await byTestId(page, 'draft-restored').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const restored = await page.locator('[data-testid="form-title"] input').first().inputValue();
      assert(restored === title, `draft restored the title as "${restored}", expected "${title}"`);
      await shot(page, 'act02-officer-form-draft-restored');

      await tap(page, 'form-publish');
      await byTestId(page, 'admin-activity-detail').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const status = await textOf(page, 'admin-activity-status');
      assert(status === '报名中', `published activity shows status "${status}", expected 报名中`);
      const id = Number(new URL(page.url().replace('#', '')).searchParams.get('id'));
      assert(id > 0, `no activity id in ${page.url()}`);
      await shot(page, 'act03-officer-published');

      // The rotating check-in code: a QR picture, the same code as large text, and a countdown.
      await tap(page, 'admin-open-qr');
      const token = await byTestId(page, 'qr-token').getAttribute('data-token', { timeout: STEP_TIMEOUT_MS });
      assert(token?.startsWith(`${id}.`), `QR token "${token}" is not for activity ${id}`);
      const scanned = await scanQrOnScreen(page);
      assert(scanned === token, `the QR picture scans as "${scanned}", expected the token "${token}"`);
      const countdown = await textOf(page, 'qr-countdown');
      assert(/\d+ 秒后自动更换/.test(countdown), `QR countdown shows "${countdown}"`);
      await shot(page, 'act04-officer-qr-screen');

      // ── 2. 张伟 signs up: home → 活动报名 → 报名 ──
      await page.context().grantPermissions(['geolocation'], { origin: base });
      await page.context().setGeolocation(ON_SITE);
      await loginVolunteer(page, base);
      await tap(page, 'tile-activities');
      const item = page.locator(`[data-testid="activity-item"][data-activity-id="${id}"]`);
      await item.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const itemText = await item.innerText();
      assert(itemText.includes(title), `list item does not show the title "${title}"`);
      assert(
        /距您 \d+ 米/.test(itemText),
        `list item shows no distance from the volunteer: "${itemText.replace(/\n/g, ' ')}"`,
      );
      await checkOlderUserSizes(page, { textId: 'activity-item', targetIds: [`signup-${id}`] });
      await shot(page, 'act05-volunteer-activity-list');
      await tap(page, `signup-${id}`);
      await item.locator('[data-testid="signup-badge"]').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const badge = (await item.locator('[data-testid="signup-badge"]').innerText()).trim();
      assert(badge === '报名成功', `after signing up the card says "${badge}", expected 报名成功`);
      await shot(page, 'act06-volunteer-signed-up');

      // The detail page: the address with 导航 (never coordinates), the map picture and where the volunteer stands.
      await tap(page, `activity-open-${id}`);
      await byTestId(page, 'activity-detail').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      assert((await textOf(page, 'activity-address')).length > 0, 'the detail page shows no address');
      assert(await byTestId(page, 'navigate').isVisible(), 'no 导航 button on the detail page');
      const detailText = await byTestId(page, 'activity-detail').innerText();
      assert(!/纬度|经度|31\.67|118\.50/.test(detailText), 'the detail page shows coordinates to the volunteer');
      const fence = await textOf(page, 'geofence');
      assert(fence.includes('在签到范围内'), `geofence line says "${fence}", expected 在签到范围内`);
      assert(await byTestId(page, 'activity-map').isVisible(), 'no map picture on the detail page');
      await shot(page, 'act07-volunteer-detail');

      // ── 3. check-in: home → 签到打卡 → 定位签到; first from too far away ──
      await page.context().setGeolocation(FAR_AWAY);
      await page.goto(`${base}/#/pages/index/index`);
      await page.reload();
      await tap(page, 'tile-checkin');
      const card = page.locator(`[data-testid="checkin-item"][data-activity-id="${id}"]`);
      await card.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await card.locator('[data-testid="checkin-location"]').click();
      const refused = card.locator('[data-testid="checkin-error"]');
      await refused.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const refusedText = await refused.innerText();
      assert(
        refusedText.includes('300 米以内') && /约 2\.\d 公里/.test(refusedText),
        `out-of-range check-in says "${refusedText}"`,
      );
      await shot(page, 'act08-volunteer-checkin-too-far');

      await page.context().setGeolocation(ON_SITE);
      await card.locator('[data-testid="checkin-location"]').click();
      await card.locator('[data-testid="checkin-done"]').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const label = (await card.locator('[data-testid="signup-status-label"]').innerText()).trim();
      assert(label === '已签到', `after check-in the status says "${label}", expected 已签到`);
      assert(await card.locator('[data-testid="checkout"]').isVisible(), 'no 签退 button after check-in');
      await shot(page, 'act09-volunteer-checked-in');

      // 签退 goes through a confirmation step; before the start it is not offered at all.
      if (clockNow() < startMs - 10_000) {
        await card.locator('[data-testid="checkout"]').click();
        const early = await card.locator('[data-testid="checkout-confirm-text"]').innerText();
        assert(early.includes('活动还没开始'), `签退 before the start says "${early}", expected 活动还没开始`);
        assert(
          (await card.locator('[data-testid="checkout-confirm"]').count()) === 0,
          'a 确认签退 button is offered before the start',
        );
        await shot(page, 'act09a-volunteer-checkout-before-start');
        await card.locator('[data-testid="checkout-cancel"]').click();
      }
      await waitUntil(startMs + 2_000);
      await card.locator('[data-testid="checkout"]').click();
      const ask = await card.locator('[data-testid="checkout-confirm-text"]').innerText();
      assert(ask.includes('确认签退吗') && ask.includes('才结束'), `the 签退 confirmation says "${ask}"`);
      await checkOlderUserSizes(page, {
        textId: 'checkout-confirm-text',
        targetIds: ['checkout-confirm', 'checkout-cancel'],
      });
      await shot(page, 'act09b-volunteer-checkout-confirmation');
      // 先不签退: nothing is sent, the volunteer stays checked in (and forgets to come back)
      await card.locator('[data-testid="checkout-cancel"]').click();
      assert(await card.locator('[data-testid="checkout"]').isVisible(), 'after 先不签退 the 签退 button is gone');

      // ── 4. after the end, the officer confirms attendance in bulk ──
      await waitUntil(endMs + 3_000);
      await loginOfficer(page, base);
      await page.goto(`${base}/#/admin-activities/attendance/index?id=${id}`);
      await page.reload();
      const row = page.locator('[data-testid="attendance-row"]').filter({ hasText: '张伟' });
      await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      assert((await row.innerText()).includes('出勤'), 'the checked-in volunteer is not ticked present');
      // never checked out: flagged, and the officer decides the minutes (the overlap up to the end is proposed)
      const flags = await row.locator('[data-testid="attendance-flags"]').innerText();
      assert(flags.includes('未签退'), `the row not checked out shows flags "${flags}"`);
      await shot(page, 'act10-officer-attendance');
      await tap(page, 'attendance-submit');
      const undecided = await textOf(page, 'attendance-error');
      assert(undecided.includes('没有签退'), `confirming without a decision says "${undecided}"`);
      const accept = row.locator('[data-testid="attendance-accept-proposed"]');
      assert((await accept.innerText()).includes('按签到至活动结束计'), 'no proposal of the overlap up to the end');
      await accept.click();
      await row.locator('[data-testid="attendance-decided"]').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await shot(page, 'act10a-officer-attendance-decided');
      await tap(page, 'attendance-submit');
      await page.getByText('确认', { exact: true }).last().click();
      const result = await textOf(page, 'attendance-result');
      assert(result.includes('已确认 1 人出勤') && result.includes('10 积分'), `attendance result says "${result}"`);
      await shot(page, 'act11-officer-attendance-confirmed');

      // ── 5. 张伟 sees the points ──
      await loginVolunteer(page, base);
      await tap(page, 'tile-points');
      const balance = Number(await textOf(page, 'points-balance'));
      assert(balance >= 10, `points balance is ${balance}, expected at least 10`);
      const entry = page.locator('[data-testid="ledger-item"]').filter({ hasText: title });
      await entry.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const amount = (await entry.locator('[data-testid="ledger-amount"]').innerText()).trim();
      assert(amount === '+10', `ledger entry for the activity shows "${amount}", expected +10`);
      await checkOlderUserSizes(page, { textId: 'points-summary', targetIds: [] });
      await shot(page, 'act12-volunteer-points');
    },
  },
];
