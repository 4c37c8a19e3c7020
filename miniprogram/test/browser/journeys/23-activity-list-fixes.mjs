// What a real user found around activities: a new member shown as "微信用户" (home card, staff
// sign-up list), the places count stale after signing up from the list, "点重新定位" without such a
// button, 可以签到 shown for a waitlisted sign-up of tomorrow, and the staff sign-up list opening
// on an empty tab.
import { gcj02ToWgs84, idCardCheckChar } from '@jianghuai/shared';
import * as support from '../support.mjs';
import { approveByApi, openAs, staffTokenOf, submitByApi, wechatTokens } from './12-user-fixes.mjs';

const {
  api,
  assert,
  byTestId,
  checkOlderUserSizes,
  shot,
  signInAsStaff,
  STEP_TIMEOUT_MS,
  tap,
  textContaining,
  textOf,
} = support;
const now = () => (support.clockNow ? support.clockNow() : Date.now());

// the activities' point (GCJ-02) and the member's browser reading (WGS-84) ≈ 20 m from it
const POINT = { lat: 31.6705, lng: 118.5065 };
const gps = gcj02ToWgs84({ lat: 31.6707, lng: 118.5065 });
const ON_SITE = { latitude: gps.lat, longitude: gps.lng, accuracy: 15 };

async function publish(base, token, { title, capacity, startMs }) {
  const created = await api(base, 'POST', '/admin/activities', token, {
    title,
    type: 'street_patrol',
    description: '沿湖巡逻',
    location: { address: '平湖小区北门', lat: POINT.lat, lng: POINT.lng, radiusM: 300 },
    startAt: new Date(startMs).toISOString(),
    endAt: new Date(startMs + 2 * 3_600_000).toISOString(),
    capacity,
    pointsRule: 'per_activity',
    pointsAmount: 10,
    mode: 'daily',
    signupMode: 'instant',
  });
  await api(base, 'POST', `/admin/activities/${created.id}/publish`, token, {});
  return created.id;
}

const item = (page, id) => page.locator(`[data-testid="activity-item"][data-activity-id="${id}"]`).first();

export default [
  {
    name: 'activity-list-fixes',
    title:
      '(用户) 新义警首页显示真实姓名 → 定位失败可“重新定位” → 从列表报名后名额立即减少 → 候补中的明天活动不显示“可以签到” → 民警报名名单打开有人的一页并显示真实姓名',
    async run(page, base) {
      const tag = String(Date.now() % 1_000_000);
      const NAME = '吴建国';
      const station = await staffTokenOf(base, 'pinghu_station');
      const branch = await staffTokenOf(base, 'yushan_branch');

      // A new member through the real application flow (API), named 吴建国.
      const member = await wechatTokens(base, `alf-member-${tag}`);
      const first17 = `34050419850707${String((Number(tag) % 400) * 2 + 1).padStart(3, '0')}`;
      const appId = await submitByApi(base, member.accessToken, {
        name: NAME,
        id: first17 + idCardCheckChar(first17),
        phone: `136${tag.padStart(8, '0').slice(-8)}`,
      });
      await approveByApi(base, appId, station, branch);

      // Two activities: A with places, B full (张伟 holds its one place) and starting tomorrow.
      const a = await publish(base, station, { title: `名额测试 ${tag}`, capacity: 3, startMs: now() + 3 * 3_600_000 });
      const b = await publish(base, station, {
        title: `候补测试 ${tag}`,
        capacity: 1,
        startMs: now() + 26 * 3_600_000,
      });
      const zhang = await wechatTokens(base, 'zhangwei');
      await api(base, 'POST', `/activities/${b}/signup`, zhang.accessToken, undefined);

      // The home card shows the real name, not the WeChat placeholder.
      await openAs(page, base, member, 'home-volunteer');
      const shown = await textOf(page, 'member-name');
      assert(shown === NAME, `the new member's home card shows "${shown}"`);
      await shot(page, 'alf01-member-home-real-name');

      // No location permission: the note says 重新定位, and the button is there and works.
      await tap(page, 'tile-activities');
      await byTestId(page, 'location-failed').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      assert(
        (await textOf(page, 'location-note')).includes('重新定位'),
        'the location failure does not say what to do',
      );
      await checkOlderUserSizes(page, { textId: 'location-note', targetIds: ['relocate'] });
      await shot(page, 'alf02-location-failed-relocate');
      await page.context().grantPermissions(['geolocation'], { origin: base });
      await page.context().setGeolocation(ON_SITE);
      await tap(page, 'relocate');
      await byTestId(page, 'location-failed').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
      await item(page, a).filter({ hasText: '距您' }).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });

      // Signing up from the list: the places count follows at once.
      await item(page, a).filter({ hasText: '还剩 3 个名额' }).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await tap(page, `signup-${a}`);
      await item(page, a)
        .filter({ hasText: '还剩 2 个名额' })
        .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS })
        .catch(() => {});
      const card = await item(page, a).innerText();
      assert(card.includes('还剩 2 个名额'), `after signing up the card still says: ${card.replace(/\s+/g, ' ')}`);
      await shot(page, 'alf03-places-updated');

      // B is full: waitlisted. Its detail page, standing on the spot the day before: no 可以签到.
      await tap(page, `signup-${b}`);
      await item(page, b).filter({ hasText: '候补' }).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await tap(page, `activity-open-${b}`);
      await byTestId(page, 'activity-detail').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const hint = await textContaining(page, 'geofence', '候补');
      assert(!hint.includes('可以签到') && hint.includes('候补'), `a waitlisted sign-up for tomorrow reads "${hint}"`);
      await shot(page, 'alf04-waitlisted-no-checkin');

      // The officer's sign-up list of A opens on the tab with rows, with the real name.
      await signInAsStaff(page, base, 'pinghu_station');
      await page.goto(`${base}/#/admin-activities/signups/index?id=${a}`);
      await page.reload();
      const row = page.locator('[data-testid="signups-page"] [data-testid="signup-row"]').first();
      await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS }).catch(() => {});
      const tab = await textOf(page, 'signup-tab-confirmed');
      assert(tab.startsWith('✓'), `the sign-up list opened on another tab (报名成功 tab reads "${tab}")`);
      const rowText = await row.innerText();
      assert(rowText.includes(NAME), `the sign-up list shows "${rowText.replace(/\s+/g, ' ')}" instead of ${NAME}`);
      await shot(page, 'alf05-staff-signups-open-tab-real-name');
    },
  },
];
