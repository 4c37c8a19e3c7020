// Privacy (docs/product.md#privacy-隐私): the popup before the first location or phone use, the 隐私政策 page from
// the visitor's home, the apply form and 我的; an applicant who allows the location ends up at the nearest station,
// one who refuses still applies with a community. And a staff password reset ends that officer's open session:
// the login page says why.
import { gcj02ToWgs84, idCardCheckChar } from '@jianghuai/shared';
import { api, assert, byTestId, fillInput, shot, STAFF_PASSWORD, STEP_TIMEOUT_MS, tap, textOf } from '../support.mjs';

// Standing by 佳山派出所 (demo centre 31.7152, 118.5231): far from every other station's centre.
const BY_JIASHAN = gcj02ToWgs84({ lat: 31.715, lng: 118.5228 });
const tag = String(Date.now() % 100_000).padStart(5, '0');
const idNumber = (seq) => {
  const first17 = `340504199105${String(10 + seq).padStart(2, '0')}${tag.slice(-2)}${seq}`;
  return first17 + idCardCheckChar(first17);
};

/** A fresh WeChat visitor signed in on the page, keeping the rest of the storage (the privacy answer). */
async function openAsVisitor(page, base, name) {
  const tokens = await api(base, 'POST', '/auth/wechat/login', null, { code: `sandbox-${name}` });
  await page.goto(`${base}/#/pages/login/index`);
  await page.evaluate((t) => localStorage.setItem('jh.tokens', JSON.stringify({ data: t })), {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
  });
  await page.goto(`${base}/#/pages/index/index`);
  await page.reload();
  await byTestId(page, 'home-visitor').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  return tokens.accessToken;
}

async function waitPopup(page, purposeText) {
  await byTestId(page, 'privacy-gate').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const prompt = await textOf(page, 'privacy-prompt');
  assert(prompt.includes(purposeText), `the privacy popup says "${prompt}", expected it to name ${purposeText}`);
}

/** Steps 2–4 and submit; the phone may bring the privacy popup first (`agreeForPhone`). */
async function finishApplication(page, { name, id, phone, agreeForPhone }) {
  await tap(page, 'apply-next');
  await byTestId(page, 'apply-step-2').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await fillInput(page, 'apply-name', name);
  await fillInput(page, 'apply-id-number', id);
  await fillInput(page, 'phone-demo-input', phone);
  await tap(page, 'phone-demo-verify');
  if (agreeForPhone) {
    await waitPopup(page, '手机号');
    await tap(page, 'privacy-agree');
  }
  await byTestId(page, 'phone-verified').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await tap(page, 'apply-next');
  await tap(page, 'declare-no-criminal-record');
  await tap(page, 'declare-physically-fit');
  await tap(page, 'apply-next');
  await tap(page, 'agreement-sign');
  const line = await textOf(page, 'apply-privacy');
  assert(line.includes('提交即表示同意《隐私政策》'), `under the submit button: "${line}"`);
  await tap(page, 'apply-submit');
  await byTestId(page, 'application-status-title').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
}

export default [
  {
    name: 'privacy-popup-policy-and-apply-location',
    title:
      '隐私：首次定位前弹出授权（同意/拒绝），隐私政策可从首页、申请表、我的打开；同意定位的申请人归最近派出所，拒绝的仍可选社区提交',
    askPrivacy: true,
    async run(page, base) {
      await page.context().grantPermissions(['geolocation'], { origin: base });
      await page.context().setGeolocation({ latitude: BY_JIASHAN.lat, longitude: BY_JIASHAN.lng, accuracy: 20 });

      // ── the policy from the visitor's home ──
      const token = await openAsVisitor(page, base, `privacy-a-${tag}`);
      await tap(page, 'home-privacy');
      await byTestId(page, 'privacy-page').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      for (const [id, words] of [
        ['privacy-collect', '身份证号'],
        ['privacy-retention', '3 年'],
        ['privacy-who', '派出所'],
        ['privacy-protect', '加密'],
        ['privacy-rights', '撤回同意'],
        ['privacy-contact', '负责单位'],
      ]) {
        const text = await textOf(page, id);
        assert(text.includes(words), `隐私政策 section ${id} says "${text.slice(0, 80)}…", expected ${words}`);
      }
      await shot(page, 'pv01-privacy-policy');

      // ── applicant A allows the location: no community, the nearest station ──
      await page.goto(`${base}/#/pages/index/index`);
      await byTestId(page, 'home-visitor').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await tap(page, 'tile-apply');
      await byTestId(page, 'apply-step-1').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await tap(page, 'occupation-courier');
      await tap(page, 'apply-locate');
      await waitPopup(page, '位置');
      assert(await byTestId(page, 'privacy-policy-link').isVisible(), 'the popup has no link to the 隐私政策');
      await shot(page, 'pv02-privacy-popup-location');
      await tap(page, 'privacy-agree');
      await byTestId(page, 'apply-located').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      assert(!(await byTestId(page, 'privacy-gate').isVisible()), 'the popup stays after 同意');
      await shot(page, 'pv03-apply-located');
      // agreed once: the phone step asks nothing more
      await finishApplication(page, { name: '隐私甲', id: idNumber(1), phone: `1395${tag}01`, agreeForPhone: false });
      const mine = await api(base, 'GET', '/applications/mine', token);
      assert(
        mine.station?.name === '佳山派出所',
        `the located applicant went to ${mine.station?.name}, expected the nearest station 佳山派出所`,
      );

      // ── applicant B on a phone that never answered: refuses the location, still applies ──
      await page.evaluate(() => localStorage.removeItem('jh.privacyConsent'));
      const tokenB = await openAsVisitor(page, base, `privacy-b-${tag}`);
      await tap(page, 'tile-apply');
      await byTestId(page, 'apply-step-1').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await tap(page, 'occupation-courier');
      await tap(page, 'apply-locate');
      await waitPopup(page, '位置');
      await tap(page, 'privacy-disagree');
      const why = await textOf(page, 'apply-place-failed');
      assert(why.includes('没有同意使用位置信息'), `after 拒绝 the form says "${why}"`);
      await tap(page, 'apply-next');
      const needCommunity = await textOf(page, 'error-residenceCommunityId');
      assert(needCommunity.includes('请选择您居住的社区'), `without a location step 1 says "${needCommunity}"`);
      await shot(page, 'pv04-apply-location-refused');
      await fillInput(page, 'community-search', '平湖社区');
      await page.locator('[data-testid="community-option"]').filter({ hasText: '平湖社区' }).first().click();
      await finishApplication(page, { name: '隐私乙', id: idNumber(2), phone: `1395${tag}02`, agreeForPhone: true });
      const second = await api(base, 'GET', '/applications/mine', tokenB);
      assert(
        second.station?.name === '平湖派出所',
        `the applicant who refused went to ${second.station?.name}, expected their community's 平湖派出所`,
      );

      // ── 我的 has the policy too ──
      await page.goto(`${base}/#/pages/mine/index`);
      await tap(page, 'mine-privacy');
      await byTestId(page, 'privacy-page').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    },
  },
  {
    name: 'privacy-password-reset-ends-session',
    title: '管理员重置某民警密码后，该民警已登录的页面下一次操作即回到登录页，并说明原因',
    async run(page, base) {
      const admin = (
        await api(base, 'POST', '/auth/staff/login', null, { username: 'admin', password: STAFF_PASSWORD })
      ).accessToken;
      const flat = (nodes) => nodes.flatMap((n) => [n, ...flat(n.children ?? [])]);
      const tree = await api(base, 'GET', '/org-units/tree', admin);
      const pinghu = flat(Array.isArray(tree) ? tree : [tree]).find((u) => u.name === '平湖派出所');
      assert(pinghu, 'cannot find 平湖派出所 in the org tree');
      const username = `reset_${tag}`;
      const created = await api(base, 'POST', '/admin/staff', admin, {
        username,
        displayName: '重置民警',
        password: 'Passw0rd1',
        phone: `1390${tag}55`.slice(0, 11),
        orgUnitId: pinghu.id,
        roles: ['station_officer'],
      });
      await page.goto(`${base}/#/pages/staff-login/index`);
      await fillInput(page, 'staff-username', username);
      await fillInput(page, 'staff-password', 'Passw0rd1');
      await tap(page, 'staff-login-submit');
      await byTestId(page, 'home-staff').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });

      await api(base, 'POST', `/admin/staff/${created.id}/reset-password`, admin);
      // the officer's next step: 我的 asks the server, which says the login has ended
      await page.goto(`${base}/#/pages/mine/index`);
      await page.reload();
      const notice = page.locator('[data-testid="sandbox-login-error"], [data-testid="staff-login-error"]').first();
      await notice.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const text = (await notice.innerText()).trim();
      assert(text.includes('本次登录已结束'), `the login page says "${text}", expected the session-ended reason`);
      await shot(page, 'pv05-session-ended-after-reset');
    },
  },
];
