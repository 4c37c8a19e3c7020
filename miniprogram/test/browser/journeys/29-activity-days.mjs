// A guard reads activities by day: headings 今天 / 明天 with the weekday, a date filter that asks the
// server for one day (今天, then a day from the date picker), the detail page with the address and a
// 导航 button into the map and no coordinates anywhere, and 我的活动 under the same headings. Dates are
// the Shanghai dates of the server's clock (run at 15:30 and 23:30 UTC too).
import { addCalendarDays } from '@jianghuai/shared';
import * as support from '../support.mjs';
import { openAs, staffTokenOf, wechatTokens } from './12-user-fixes.mjs';

const { api, assert, byTestId, shanghaiDate, shot, STEP_TIMEOUT_MS, tap } = support;
const now = () => support.clockNow();

const POINT = { lat: 31.6705, lng: 118.5065 };
const ADDRESS = '平湖小区南门广场';
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** `12月3日 周四`, as the page writes a day. */
function dayLabel(date) {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日 ${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}`;
}

async function publish(base, token, { title, startMs, minutes }) {
  const created = await api(base, 'POST', '/admin/activities', token, {
    title,
    type: 'street_patrol',
    description: '沿街巡逻',
    location: { address: ADDRESS, lat: POINT.lat, lng: POINT.lng, radiusM: 300 },
    startAt: new Date(startMs).toISOString(),
    endAt: new Date(startMs + minutes * 60_000).toISOString(),
    capacity: 5,
    pointsRule: 'per_activity',
    pointsAmount: 5,
    mode: 'daily',
    signupMode: 'instant',
  });
  await api(base, 'POST', `/admin/activities/${created.id}/publish`, token, {});
  return created.id;
}

const item = (page, id) => page.locator(`[data-testid="activity-item"][data-activity-id="${id}"]`).first();

/** The day heading an activity card stands under (the nearest heading before it). */
function headingOf(page, id) {
  return page.evaluate((activityId) => {
    const card = document.querySelector(`[data-testid="activity-item"][data-activity-id="${activityId}"]`);
    for (let el = card?.previousElementSibling; el; el = el.previousElementSibling)
      if (el.getAttribute('data-testid') === 'day-heading') return el.textContent.trim();
    return null;
  }, id);
}

/** 全部 lists every coming activity, a page at a time: load more until the card shows. */
async function showCard(page, id) {
  for (let i = 0; i < 6; i++) {
    if (await item(page, id).isVisible()) return;
    const more = byTestId(page, 'load-more');
    if (!(await more.isVisible())) break;
    await more.click();
    await page.waitForTimeout(800);
  }
  await item(page, id).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
}

/** Taro's date picker in H5: a sliding sheet whose 确定 takes the day shown (the page offers tomorrow). */
async function pickOfferedDay(page) {
  await tap(page, 'filter-date-day');
  const ok = page.locator('.weui-picker__action:visible').filter({ hasText: '确定' }).first();
  await ok.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await ok.click();
}

/** Applies one date chip and checks that the list request asked the server for that range. */
async function filterTo(page, action, from, to, path = '/api/activities?') {
  const asked = page.waitForRequest(
    (r) => r.url().includes(path) && r.url().includes(`from=${from}`) && r.url().includes(`to=${to}`),
    { timeout: STEP_TIMEOUT_MS },
  );
  await action();
  await asked;
}

async function assertNoCoordinates(page, where) {
  const text = await page.locator('body').innerText();
  assert(!/纬度|经度|坐标|31\.67|118\.50/.test(text), `${where} shows coordinates: ${text.replace(/\s+/g, ' ')}`);
}

export default [
  {
    name: 'activity-days-filter-navigate',
    title:
      '(义警) 活动列表按天分组（今天/明天 + 星期）→ 只看今天 → 选日期看明天 → 详情页显示地址和“导航”，不显示坐标 → 我的活动也按天分组',
    async run(page, base) {
      const tag = String(Date.now() % 1_000_000);
      const today = shanghaiDate();
      const tomorrow = addCalendarDays(today, 1);
      const station = await staffTokenOf(base, 'pinghu_station');
      // one later today (at 23:30 in Shanghai still today), one tomorrow at 10:00 Shanghai time
      const soon = await publish(base, station, {
        title: `今日巡逻 ${tag}`,
        startMs: now() + 10 * 60_000,
        minutes: 15,
      });
      const tmr = await publish(base, station, {
        title: `明日巡逻 ${tag}`,
        startMs: Date.parse(`${tomorrow}T10:00:00+08:00`),
        minutes: 120,
      });
      const guard = await wechatTokens(base, 'zhangwei');
      await api(base, 'POST', `/activities/${soon}/signup`, guard.accessToken, undefined);

      // 全部: each card under its day's heading, the weekday beside every date, times on one line.
      await openAs(page, base, guard, 'home-volunteer');
      await tap(page, 'tile-activities');
      await byTestId(page, 'activity-list').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await showCard(page, soon);
      const todayHeading = await headingOf(page, soon);
      assert(todayHeading === `今天 · ${dayLabel(today)}`, `today's activity stands under "${todayHeading}"`);
      const when = await item(page, soon).locator('[data-testid="activity-when"]').innerText();
      assert(when.includes(dayLabel(today)), `the card's time reads "${when}", without ${dayLabel(today)}`);
      const wraps = await item(page, soon)
        .locator('[data-testid="when-part"]')
        .evaluateAll((els) => els.map((e) => getComputedStyle(e).whiteSpace));
      assert(wraps.length === 2 && wraps.every((w) => w === 'nowrap'), `time pieces may wrap: ${wraps}`);
      await showCard(page, tmr);
      const tomorrowHeading = await headingOf(page, tmr);
      assert(tomorrowHeading === `明天 · ${dayLabel(tomorrow)}`, `tomorrow's activity under "${tomorrowHeading}"`);
      await assertNoCoordinates(page, 'the activity list');
      await shot(page, 'day01-list-by-day');

      // 今天: the server is asked for today only.
      await filterTo(page, () => tap(page, 'filter-date-today'), today, today);
      await item(page, soon).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await item(page, tmr).waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
      const headings = await page.locator('[data-testid="day-heading"]').allInnerTexts();
      assert(
        headings.length === 1 && headings[0].trim() === `今天 · ${dayLabel(today)}`,
        `今天 shows the headings ${JSON.stringify(headings)}`,
      );
      await shot(page, 'day02-filter-today');

      // 选日期: the picker offers tomorrow; the list is that day only.
      await filterTo(page, () => pickOfferedDay(page), tomorrow, tomorrow);
      await item(page, tmr).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await item(page, soon).waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
      const chip = (await byTestId(page, 'filter-date-day').innerText()).trim();
      assert(chip.includes(dayLabel(tomorrow)), `the picked-day chip reads "${chip}"`);
      assert((await headingOf(page, tmr)) === `明天 · ${dayLabel(tomorrow)}`, 'the picked day has no heading');
      await shot(page, 'day03-filter-picked-day');

      // The detail page: the address and 导航, no coordinates; 导航 opens the map page and the page stays.
      await page
        .context()
        .route('https://uri.amap.com/**', (route) =>
          route.fulfill({ status: 200, contentType: 'text/html', body: '<title>map</title>地图' }),
        );
      await tap(page, `activity-open-${tmr}`);
      await byTestId(page, 'activity-detail').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const address = (await byTestId(page, 'activity-address').innerText()).trim();
      assert(address === ADDRESS, `the detail page's address reads "${address}"`);
      const time = await byTestId(page, 'activity-time').innerText();
      assert(time.includes(dayLabel(tomorrow)), `the detail page's time reads "${time}"`);
      await assertNoCoordinates(page, 'the detail page');
      await support.checkOlderUserSizes(page, { textId: 'activity-address', targetIds: ['navigate'] });
      await shot(page, 'day04-detail-address-navigate');
      const [map] = await Promise.all([
        page.context().waitForEvent('page', { timeout: STEP_TIMEOUT_MS }),
        tap(page, 'navigate'),
      ]);
      const url = map.url();
      assert(url.startsWith('https://uri.amap.com/marker?position=118.5065,31.6705'), `导航 opened ${url}`);
      await map.close();
      assert(await byTestId(page, 'activity-detail').isVisible(), 'the detail page is gone after 导航');
      assert(!(await byTestId(page, 'navigate-problem').isVisible()), '导航 reported a problem');
      await page.context().unroute('https://uri.amap.com/**');

      // 我的活动: the sign-up under 今天 with its weekday.
      await page.goBack();
      await tap(page, 'open-my-activities');
      const mine = page
        .locator('[data-testid="my-activity-item"]')
        .filter({ hasText: `今日巡逻 ${tag}` })
        .first();
      await mine.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const mineHeading = await mine.evaluate((card) => {
        for (let el = card.previousElementSibling; el; el = el.previousElementSibling)
          if (el.getAttribute('data-testid') === 'day-heading') return el.textContent.trim();
        return null;
      });
      assert(mineHeading === `今天 · ${dayLabel(today)}`, `我的活动 puts today's sign-up under "${mineHeading}"`);
      // its date filter asks the server too, and 今天 keeps today's sign-up
      const mineToday = page.locator('[data-testid="my-activities"] [data-testid="filter-date-today"]');
      await filterTo(page, () => mineToday.click(), today, today, '/api/me/activities?');
      await mine.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await assertNoCoordinates(page, '我的活动');
      await shot(page, 'day05-mine-by-day');
    },
  },
];
