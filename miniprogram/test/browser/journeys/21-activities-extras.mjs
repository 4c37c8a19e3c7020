// Activities extras: a station officer registers an insurance policy and sees it listed,
// then opens 积分发放 (points issued by station and the ledger); volunteer 张伟 proposes an activity
// from the activity list and sees it waiting for the station; the officer fills the whole activity form —
// a place from the H5 search, times from the pickers, requirements, a deadline and a minimum — and sees them saved.
import { gcj02ToWgs84 } from '@jianghuai/shared';
import {
  assert,
  byTestId,
  checkOlderUserSizes,
  clockNow,
  fillInput,
  loginAsStaff,
  shanghaiDate,
  shot,
  STAFF_PASSWORD,
  STEP_TIMEOUT_MS,
  tap,
  textOf,
  visible,
} from '../support.mjs';
import { pickActivityTimes, pickDate, pickTime } from '../pickers.mjs';

export default [
  {
    name: 'activities-extras-insurance-and-points',
    title: '(活动) 民警登记保险保单并在列表中看到 → 打开积分发放看到统计和流水',
    async run(page, base) {
      const policyNo = `PICC-${Date.now()}`;
      await loginAsStaff(page, base, 'pinghu_station', STAFF_PASSWORD);
      await visible(page, 'home-staff');
      await tap(page, 'tile-activity-admin');
      await visible(page, 'open-insurance');
      await shot(page, 'actx01-officer-activity-list-links');

      await tap(page, 'open-insurance');
      await visible(page, 'admin-insurance');
      await tap(page, 'new-policy');
      await visible(page, 'policy-form');
      // A bad period is refused in words before anything is sent.
      await fillInput(page, 'policy-insurer', '中国人寿马鞍山分公司');
      await fillInput(page, 'policy-policyNo', policyNo);
      await pickDate(page, 'policy-validFromDate', '2026-12-01');
      await pickDate(page, 'policy-validToDate', '2026-11-01');
      await tap(page, 'policy-submit');
      const problem = await textOf(page, 'policy-validToDate-error');
      assert(problem.includes('不能早于'), `a reversed period says "${problem}"`);
      await pickDate(page, 'policy-validToDate', '2027-11-30');
      assert((await byTestId(page, 'policy-error').count()) === 0, 'the complaint stays after the date is fixed');
      assert((await byTestId(page, 'policy-validToDate-error').count()) === 0, 'the date still carries its error');
      await shot(page, 'actx02-officer-policy-form');
      await tap(page, 'policy-submit');
      const item = page.locator('[data-testid="policy-item"]', { hasText: policyNo });
      await item.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const itemText = await item.innerText();
      assert(itemText.includes('2026-12-01 至 2027-11-30'), `policy row shows "${itemText.replace(/\n/g, ' ')}"`);
      await checkOlderUserSizes(page, { textId: 'admin-insurance', targetIds: ['new-policy'] });
      await shot(page, 'actx03-officer-policy-listed');

      await page.goBack();
      await tap(page, 'open-admin-points');
      await visible(page, 'admin-points');
      await visible(page, 'issued-net');
      const net = await textOf(page, 'issued-net');
      assert(/^-?\d+$/.test(net), `net points issued shows "${net}"`);
      // The ledger: entries (with 冲正 where allowed) or, on a fresh database, the empty state in words.
      // (Scoped to this page: Taro H5 keeps the pages below it in the DOM, hidden.)
      await page
        .locator(
          '[data-testid="admin-points"] [data-testid="admin-ledger-list"], [data-testid="admin-points"] [data-testid="empty-state"]',
        )
        .first()
        .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await tap(page, 'issued-period-month');
      await visible(page, 'issued-net');
      await shot(page, 'actx04-officer-points-issued');
    },
  },
  {
    name: 'activities-extras-volunteer-proposal',
    title: '(活动) 张伟从活动列表提议活动 → 在“我提议的活动”里看到待派出所审核',
    async run(page, base) {
      const title = `社区防诈宣传 ${Date.now() % 100000}`;
      await page.context().grantPermissions(['geolocation'], { origin: base });
      // the browser reports WGS-84; the page converts it to the GCJ-02 point 31.6705, 118.5065
      const gps = gcj02ToWgs84({ lat: 31.6705, lng: 118.5065 });
      await page.context().setGeolocation({ latitude: gps.lat, longitude: gps.lng, accuracy: 15 });
      await page.goto(`${base}/#/pages/login/index`);
      await tap(page, 'demo-sandbox-zhangwei');
      await visible(page, 'home-volunteer');
      await tap(page, 'tile-activities');
      await tap(page, 'open-propose');
      await visible(page, 'proposal-form');
      await tap(page, 'proposal-submit');
      await visible(page, 'proposal-error');
      await fillInput(page, 'proposal-title', title);
      await fillInput(page, 'proposal-address', '平湖小区广场');
      // no position yet: said in words beside the place, with no coordinates to type
      const unlocated = await textOf(page, 'proposal-lat-error');
      assert(unlocated.includes('还没有定位'), `the missing position says "${unlocated}"`);
      assert((await byTestId(page, 'proposal-lat').count()) === 0, 'the coordinates show without 手动输入坐标');
      await tap(page, 'proposal-use-my-position');
      await page
        .locator('[data-testid="proposal-position"]', { hasText: '已定位 ✓' })
        .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      // the evening of the day after tomorrow, from the pickers
      const day = shanghaiDate(clockNow() + 2 * 86_400_000);
      await pickDate(page, 'proposal-startDate', day);
      await pickTime(page, 'proposal-startTime', '19:00');
      await pickDate(page, 'proposal-endDate', day);
      await pickTime(page, 'proposal-endTime', '21:00');
      const when = `${await textOf(page, 'proposal-startDate')} ${await textOf(page, 'proposal-startTime')}`;
      assert(when === `${day} 19:00`, `the start reads "${when}"`);
      // the coordinates stay reachable behind 手动输入坐标, filled from the position
      await tap(page, 'proposal-manual-coords');
      const lat = await page.locator('[data-testid="proposal-lat"] input').inputValue();
      assert(lat.startsWith('31.6705'), `the latitude from the position is "${lat}"`);
      await shot(page, 'actx05-volunteer-proposal-form');
      await tap(page, 'proposal-submit');
      const item = page.locator('[data-testid="my-proposal-item"]', { hasText: title });
      await item.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const status = (await item.locator('[data-testid="proposal-status"]').innerText()).trim();
      assert(status === '待派出所审核', `the new proposal says "${status}"`);
      await shot(page, 'actx06-volunteer-proposal-listed');
    },
  },
  {
    name: 'activities-extras-full-form',
    title:
      '(活动) 民警从地点搜索选地点、用选择器定时间，填写技能、层级、年龄、风险、报名截止和最少人数 → 发布后都能看到',
    async run(page, base) {
      const title = `平湖应急集结 ${Date.now() % 100000}`;
      const day = shanghaiDate(clockNow() + 86_400_000);
      await loginAsStaff(page, base, 'pinghu_station', STAFF_PASSWORD);
      await visible(page, 'home-staff');
      await page.goto(`${base}/#/admin-activities/edit/index`);
      await visible(page, 'activity-form');
      if (await byTestId(page, 'discard-draft').isVisible()) await tap(page, 'discard-draft');
      await fillInput(page, 'form-title', title);

      // the place from the known places of the station (no map in H5), coordinates never typed
      await fillInput(page, 'place-search-input', '平湖派出所');
      const option = page.locator('[data-testid="place-option"]', { hasText: '平湖派出所' }).first();
      await option.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await shot(page, 'actx07-officer-place-search');
      await option.click();
      const position = await textOf(page, 'form-position');
      assert(position.startsWith('已定位'), `the chosen place gave no position: "${position}"`);
      assert(await byTestId(page, 'manual-coords').isVisible(), 'typing coordinates is not behind 手动输入坐标');

      await pickActivityTimes(page, { date: day, time: '09:00' }, { date: day, time: '11:30' });
      await tap(page, 'form-more');
      await visible(page, 'form-more-section');
      await tap(page, 'form-skills-急救');
      await tap(page, 'form-tiers-core');
      await fillInput(page, 'form-minAge', '17');
      await fillInput(page, 'form-maxAge', '60');
      await tap(page, 'form-riskLevel-high');
      await pickDate(page, 'form-signupDeadlineDate', day);
      await pickTime(page, 'form-signupDeadlineTime', '08:15');
      await fillInput(page, 'form-minHeadcount', '2');
      // a wrong age is refused in words next to the field, before anything is sent
      await tap(page, 'form-publish');
      const ageError = await textOf(page, 'form-minAge-error');
      assert(ageError.includes('18 到 70'), `the age error says "${ageError}"`);
      await fillInput(page, 'form-minAge', '20');
      await shot(page, 'actx08-officer-form-more-requirements');

      await tap(page, 'form-publish');
      await visible(page, 'admin-activity-detail');
      const req = await textOf(page, 'admin-activity-requirements');
      for (const part of ['技能 急救', '层级 核心成员', '年龄 20–60 岁', '需有效保险', '高风险', '最少 2 人'])
        assert(req.includes(part), `the saved activity's requirements "${req}" lack "${part}"`);
      const card = await page.locator('[data-testid="admin-activity-detail"]').innerText();
      assert(card.includes('08:15'), 'the saved activity does not show its sign-up deadline 08:15');
      await shot(page, 'actx09-officer-activity-saved-with-requirements');

      // editing fills every field back from the server; the team may still change
      await tap(page, 'admin-edit');
      await visible(page, 'form-more-section');
      const minAge = await page.locator('[data-testid="form-minAge"] input').first().inputValue();
      assert(minAge === '20', `the edit form shows min age "${minAge}"`);
      assert((await textOf(page, 'form-signupDeadlineTime')) === '08:15', 'the edit form lost the sign-up deadline');
      assert((await textOf(page, 'form-startTime')) === '09:00', 'the edit form lost the start time');
      await shot(page, 'actx10-officer-edit-form-filled');
    },
  },
  {
    name: 'activities-extras-branch-publishes',
    title: '(活动) 分局民警看到新建活动，表单里可选发布单位，以分局名义发布战时活动',
    async run(page, base) {
      const title = `雨山分局战时集结 ${Date.now() % 100000}`;
      const day = shanghaiDate(clockNow() + 2 * 86_400_000);
      await loginAsStaff(page, base, 'yushan_branch', STAFF_PASSWORD);
      await visible(page, 'home-staff');
      await tap(page, 'tile-activity-admin');
      await visible(page, 'new-activity');
      await tap(page, 'new-activity');
      await visible(page, 'activity-form');
      if (await byTestId(page, 'discard-draft').isVisible()) await tap(page, 'discard-draft');
      // the branch and the stations and communities under it: the branch itself is chosen by default
      const chosen = page.locator('[data-testid="form-unit"].jh-filter__item--on');
      await chosen.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const unit = (await chosen.innerText()).trim();
      assert(unit.includes('雨山分局'), `the publishing unit starts as "${unit}", expected 雨山分局`);
      await fillInput(page, 'form-title', title);
      await tap(page, 'form-mode-wartime');
      await fillInput(page, 'place-search-input', '派出所');
      const option = page.locator('[data-testid="place-option"]').first();
      await option.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await option.click();
      await pickActivityTimes(page, { date: day, time: '19:00' }, { date: day, time: '21:00' });
      await shot(page, 'actx11-branch-officer-form');
      await tap(page, 'form-publish');
      await visible(page, 'admin-activity-detail');
      const card = await page.locator('[data-testid="admin-activity-detail"]').innerText();
      assert(card.includes('雨山分局'), 'the published activity does not name 雨山分局 as its unit');
      await shot(page, 'actx12-branch-activity-published');
    },
  },
];
