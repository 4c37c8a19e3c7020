// Tip places: 张伟 files two tips with a map point (one 300 m from the station, urgent; one 2 km away) and one without;
// the station officer switches 线索研判 to 地图 · 按距离 and, located at the station, reads the near one first with its
// distance in words, no map in the browser, the one without a point left out; 只看紧急 keeps the urgent one only; a row
// opens the tip.
import { gcj02ToWgs84 } from '@jianghuai/shared';
import {
  assert,
  byTestId,
  checkOlderUserSizes,
  clockNow,
  shot,
  signInAsStaff,
  STEP_TIMEOUT_MS,
  tap,
  textOf,
} from '../support.mjs';
import { wechatTokens } from './12-user-fixes.mjs';

// 平湖派出所 (GCJ-02, as stored) and two points north of it: ≈ 300 m and ≈ 2 km.
const STATION = { lat: 31.6612, lng: 118.5037 };
const NEAR = { lat: 31.6639, lng: 118.5037 };
const FAR = { lat: 31.6792, lng: 118.5037 };

async function fileTip(base, token, body) {
  const res = await fetch(`${base}/api/tips`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ category: 'suspicious_person', text: '有人在车旁反复徘徊，形迹可疑', ...body }),
  });
  assert(res.ok, `POST /tips answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
}

const placeRow = (page, words) => page.locator('[data-testid="tip-place-row"]', { hasText: words }).first();

export default [
  {
    name: 'tip-places-nearest-first',
    title:
      '(线索地图) 民警在线索研判切换到“地图 · 按距离”：按离本人由近到远列出线索地点，带距离，筛选仍然有效，点开即线索',
    async run(page, base) {
      const tag = String(clockNow() % 1_000_000);
      const near = `平湖小区东门 ${tag}`;
      const far = `雨山湖北岸 ${tag}`;
      const nowhere = `说不清的地方 ${tag}`;
      const zhang = (await wechatTokens(base, 'zhangwei')).accessToken;
      await fileTip(base, zhang, { clientRequestId: `far-${tag}-x`, place: { address: far, ...FAR } });
      await fileTip(base, zhang, {
        clientRequestId: `near-${tag}-x`,
        urgency: 'urgent',
        place: { address: near, ...NEAR },
      });
      await fileTip(base, zhang, { clientRequestId: `none-${tag}-x`, place: { address: nowhere } });

      // the officer's browser reports WGS-84; the page converts it to the stored datum
      const gps = gcj02ToWgs84(STATION);
      await page.context().grantPermissions(['geolocation'], { origin: base });
      await page.context().setGeolocation({ latitude: gps.lat, longitude: gps.lng, accuracy: 20 });
      await signInAsStaff(page, base, 'pinghu_station');
      await tap(page, 'tile-tip-triage');
      await byTestId(page, 'admin-tips').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await tap(page, 'tips-view-places');
      await byTestId(page, 'tip-places-located').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await byTestId(page, 'tip-places-nomap').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await placeRow(page, far).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });

      const rows = await page.locator('[data-testid="tip-place-row"]').allInnerTexts();
      const at = (words) => rows.findIndex((r) => r.includes(words));
      assert(
        at(near) >= 0 && at(far) > at(near),
        `the near place is not listed before the far one: ${rows.join(' | ')}`,
      );
      assert(at(nowhere) < 0, 'a tip without a map point is listed');
      const nearRow = rows[at(near)];
      assert(/约 (2|3)\d\d 米/.test(nearRow), `the near row does not say its distance: "${nearRow}"`);
      assert(nearRow.includes('紧急') && nearRow.includes('可疑人员'), `the near row reads "${nearRow}"`);
      assert(/约 (1\.\d|2\.\d) 公里/.test(rows[at(far)]), `the far row reads "${rows[at(far)]}"`);
      assert(!rows.join(' ').includes('张'), 'a place names who reported it');
      const count = await textOf(page, 'tip-places-count');
      assert(/共 \d+ 处有位置的线索/.test(count), `the count reads "${count}"`);
      await checkOlderUserSizes(page, { textId: 'tip-place-line', targetIds: ['tip-place-navigate'] });
      await shot(page, 'tipmap01-nearest-first');

      // the queue's chips filter the places too
      await tap(page, 'tips-urgency-urgent');
      await placeRow(page, far).waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
      await placeRow(page, near).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await shot(page, 'tipmap02-urgent-only');

      await placeRow(page, near).locator('.jh-tip-row__title').click();
      // the tip's page shows at once and fills when its answer comes: wait for the place, not only the page
      await page
        .locator('[data-testid="admin-tip"]', { hasText: near })
        .first()
        .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS })
        .catch(async () =>
          assert(
            false,
            `the tip opened from the places is not the near one: ${await byTestId(page, 'admin-tip').innerText()}`,
          ),
        );
    },
  },
];
