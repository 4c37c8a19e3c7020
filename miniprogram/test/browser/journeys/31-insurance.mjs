// Insurance: the station officer registers a policy, opens it, picks 王建国 by the tier filter and 赵德明 by his member
// number, and enrols both in one step. 王建国 then sees 有效 on 我的保险 and signs up for a
// high-risk activity (应急处突), which 刘秀英 — not insured — cannot.
import {
  assert,
  checkOlderUserSizes,
  clockNow,
  confirmModal,
  fillInput,
  loginAsStaff,
  shot,
  STAFF_PASSWORD,
  STEP_TIMEOUT_MS,
  tap,
  textContaining,
  textOf,
  visible,
} from '../support.mjs';
import { openAs, staffTokenOf, wechatTokens } from './12-user-fixes.mjs';

const POINT = { lat: 31.6705, lng: 118.5065 };

async function api(base, method, path, token, body) {
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** A published high-risk activity of 平湖派出所, ten days ahead (no clash with the other journeys' activities). */
async function publishHighRisk(base, token, title) {
  const startMs = clockNow() + 10 * 86_400_000;
  const created = await api(base, 'POST', '/admin/activities', token, {
    title,
    type: 'emergency_response',
    description: '防汛抢险演练',
    location: { address: '平湖小区北门', lat: POINT.lat, lng: POINT.lng, radiusM: 300 },
    startAt: new Date(startMs).toISOString(),
    endAt: new Date(startMs + 2 * 3_600_000).toISOString(),
    capacity: 10,
    pointsRule: 'per_activity',
    pointsAmount: 10,
    mode: 'daily',
    signupMode: 'instant',
  });
  assert(created.status === 201, `creating the activity answered ${created.status}: ${JSON.stringify(created.body)}`);
  assert(created.body.riskLevel === 'high', `应急处突 is not high-risk: ${created.body.riskLevel}`);
  const published = await api(base, 'POST', `/admin/activities/${created.body.id}/publish`, token, {});
  assert(published.status === 200, `publishing answered ${published.status}`);
  return created.body.id;
}

const row = (page, name) => page.locator('[data-testid="candidate-row"]', { hasText: name }).first();

/** The officer: a new policy, then its page to choose volunteers and enrol them. */
async function enrolTwo(page, base, policyNo) {
  await loginAsStaff(page, base, 'pinghu_station', STAFF_PASSWORD);
  await visible(page, 'home-staff');
  await tap(page, 'tile-activity-admin');
  await tap(page, 'open-insurance');
  await visible(page, 'admin-insurance');
  await tap(page, 'new-policy');
  await fillInput(page, 'policy-insurer', '中国人寿马鞍山分公司');
  await fillInput(page, 'policy-policyNo', policyNo);
  await tap(page, 'policy-submit');
  const item = page.locator('[data-testid="policy-item"]', { hasText: policyNo }).first();
  await item.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await item.click();
  await visible(page, 'policy-enrol');

  // 王建国 by the tier filter (骨干力量): 刘秀英 (基础力量) is not listed then.
  await tap(page, 'tier-backbone');
  await row(page, '王建国').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  assert((await row(page, '刘秀英').count()) === 0, '刘秀英 (基础力量) is listed under 骨干力量');
  await row(page, '王建国').click();
  await tap(page, 'tier-');
  // 赵德明 by his member number (the demo members' phones are on their accounts; the e2e and unit tests search
  // by the phone's last four digits)
  await fillInput(page, 'candidate-search-input', 'MAS2026000006');
  await tap(page, 'candidate-search');
  await page
    .locator('[data-testid="policy-enrol"] [data-testid="candidate-list-count"]', { hasText: '共 1 名义警' })
    .waitFor({ timeout: STEP_TIMEOUT_MS });
  await row(page, '赵德明').click();
  const count = await textContaining(page, 'picked-count', '2');
  assert(count === '已选 2 人', `the count of ticked volunteers reads "${count}"`);
  await checkOlderUserSizes(page, { textId: 'picked-count', targetIds: ['enrol-picked', 'candidate-row'] });
  await shot(page, 'ins01-officer-picks-two');

  await tap(page, 'enrol-picked');
  await confirmModal(page, '确定');
  const result = await textContaining(page, 'enrol-result', '新投保');
  assert(result.startsWith('新投保 2 人，已在保 0 人'), `the result line reads "${result}"`);
  const insured = await textContaining(page, 'policy-insured-count', '已投保 2 人');
  assert(insured.includes('已投保 2 人'), `the policy says "${insured}"`);
  // 只看未投保 is on: 赵德明 is insured now, so the same search finds nobody.
  await page
    .locator('[data-testid="policy-enrol"] [data-testid="empty-state"]')
    .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await shot(page, 'ins02-officer-enrolled');
  // Back on the list, the policy counts them.
  await page.goBack();
  await item.filter({ hasText: '已投保 2 人' }).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
}

export default [
  {
    name: 'insurance-enrol-chosen',
    title: '(保险) 民警登记保单 → 按等级和编号选两名义警投保 → 王建国在“我的保险”看到有效并报名高风险活动',
    async run(page, base) {
      const tag = String(clockNow() % 1_000_000);
      const station = await staffTokenOf(base, 'pinghu_station');
      const activityId = await publishHighRisk(base, station, `防汛抢险 ${tag}`);
      const wang = await wechatTokens(base, 'wangjianguo');
      const before = await api(base, 'POST', `/activities/${activityId}/signup`, wang.accessToken);
      assert(before.body?.code === 'ACTIVITY_INSURANCE_REQUIRED', `before cover the sign-up says ${before.status}`);

      await enrolTwo(page, base, `GL-${tag}`);

      // 王建国: 我的 → 我的保险 shows the cover as 有效 with its Shanghai dates.
      await openAs(page, base, wang, 'home-volunteer');
      await page.goto(`${base}/#/pages/mine/index`);
      await tap(page, 'mine-insurance-link');
      await visible(page, 'my-insurance');
      const cover = page.locator('[data-testid="cover"]', { hasText: `GL-${tag}` }).first();
      await cover.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const state = (await cover.locator('[data-testid="cover-state"]').innerText()).trim();
      assert(state === '有效', `我的保险 shows the new cover as "${state}"`);
      await checkOlderUserSizes(page, { textId: 'cover-state', targetIds: [] });
      await shot(page, 'ins03-guard-my-insurance');

      // … and signs up for the high-risk activity from its page.
      await page.goto(`${base}/#/pages/activity/detail?id=${activityId}`);
      await visible(page, 'activity-detail');
      await tap(page, 'signup');
      const label = await textContaining(page, 'signup-status-label', '报名成功');
      assert(label === '报名成功', `after signing up the status reads "${label}"`);
      await shot(page, 'ins04-guard-signed-up-high-risk');

      const liu = await wechatTokens(base, 'liuxiuying');
      const refused = await api(base, 'POST', `/activities/${activityId}/signup`, liu.accessToken);
      assert(refused.body?.code === 'ACTIVITY_INSURANCE_REQUIRED', `uninsured 刘秀英 got ${refused.status}`);
      assert((await textOf(page, 'signup-status-label')) === '报名成功', 'the status changed');
    },
  },
];
