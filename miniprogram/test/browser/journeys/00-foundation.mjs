// Foundation journeys: sign-in by role, home by role, staff lists, session refresh.
import {
  assert,
  byTestId,
  checkOlderUserSizes,
  loginAsStaff,
  shot,
  STAFF_PASSWORD,
  STEP_TIMEOUT_MS,
  tap,
  textOf,
} from '../support.mjs';

export default [
  {
    name: 'volunteer-sandbox-login',
    title: '(a) 义警张伟从演示身份列表登录，看到义警证和功能入口',
    async run(page, base) {
      await page.goto(`${base}/`);
      // No session: the home page sends the person to the demo-identity list.
      await byTestId(page, 'demo-sandbox-zhangwei').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await shot(page, 'a1-demo-accounts');
      await tap(page, 'demo-sandbox-zhangwei');

      const name = await textOf(page, 'member-name');
      assert(name === '张伟', `member card shows "${name}", expected 张伟`);
      const memberNo = await textOf(page, 'member-no');
      assert(memberNo.length > 0, 'member card shows no 会员号');
      const station = await textOf(page, 'member-station');
      assert(station.includes('平湖派出所'), `member card station is "${station}", expected 平湖派出所`);
      for (const label of ['活动报名', '签到打卡', '线索上报', '我的积分', '积分商城']) {
        assert(await page.getByText(label, { exact: true }).first().isVisible(), `tile ${label} is not visible`);
      }
      await checkOlderUserSizes(page, { textId: 'member-station', targetIds: ['tile-activities', 'logout'] });
      await shot(page, 'a2-volunteer-home');

      // Every volunteer tile is built: the last one, 积分商城, opens the shop with the balance on top.
      await tap(page, 'tile-mall');
      await byTestId(page, 'mall-balance').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await shot(page, 'a3-mall-home');
    },
  },
  {
    name: 'visitor-apply-entry',
    title: '(a2) 还不是义警的访客看到“申请加入江淮义警”大按钮',
    async run(page, base) {
      await page.goto(`${base}/#/pages/login/index`);
      await tap(page, 'demo-sandbox-visitor');
      await byTestId(page, 'home-visitor').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      // the tile appears once the home knows the visitor has no application: wait for it, do not sample it
      await page
        .getByText('申请加入江淮义警', { exact: true })
        .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS })
        .catch(() => assert(false, 'no 申请加入江淮义警 entry'));
      assert((await page.locator('[data-testid="member-card"]').count()) === 0, 'a visitor is shown a member card');
      await checkOlderUserSizes(page, { textId: 'home-visitor', targetIds: ['tile-apply'] });
      // The apply entry opens the application form (journeys/10-applications.mjs walks it).
      await tap(page, 'tile-apply');
      await byTestId(page, 'apply-step-1').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await shot(page, 'a4-visitor-home');
    },
  },
  {
    name: 'station-officer-staff-list',
    title: '(b) 平湖派出所民警用密码登录，进入工作台并打开人员管理',
    async run(page, base) {
      await loginAsStaff(page, base, 'pinghu_station', STAFF_PASSWORD);
      await byTestId(page, 'home-staff').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const roles = await textOf(page, 'staff-roles');
      assert(roles.includes('派出所民警'), `staff roles show "${roles}", expected 派出所民警`);
      const org = await textOf(page, 'staff-org');
      assert(org.includes('平湖派出所'), `staff org shows "${org}", expected 平湖派出所`);
      await checkOlderUserSizes(page, { textId: 'staff-org', targetIds: ['tile-staff', 'logout'] });
      await shot(page, 'b1-staff-home');

      await tap(page, 'tile-staff');
      await byTestId(page, 'staff-item').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const count = await page.locator('[data-testid="staff-item"]').count();
      assert(count >= 1, 'staff list is empty');
      const listText = await byTestId(page, 'staff-list').innerText();
      assert(listText.includes('平湖派出所'), 'staff list shows nobody from 平湖派出所');
      assert(!listText.includes('雨山派出所'), 'staff list of 平湖派出所 shows 雨山派出所 staff (scope leak)');
      await shot(page, 'b2-staff-list');

      // The audit log opens too: a list or a clear empty state, never a blank page.
      await page.goBack();
      await tap(page, 'tile-audit');
      await page
        .locator('[data-testid="audit-list"], [data-testid="empty-state"]')
        .first()
        .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await shot(page, 'b3-audit-log');
    },
  },
  {
    name: 'wrong-password',
    title: '(c) 密码错误时显示中文错误提示',
    async run(page, base) {
      await loginAsStaff(page, base, 'pinghu_station', 'not-the-password');
      const error = await textOf(page, 'staff-login-error');
      assert(error.includes('用户名或密码错误'), `login error shows "${error}", expected 用户名或密码错误`);
      assert(await byTestId(page, 'staff-login').isVisible(), 'left the login page after a wrong password');
      await shot(page, 'c1-wrong-password');
    },
  },
  {
    name: 'demo-staff-card-prefill',
    title: '(d) 点选演示民警卡片会自动填好账号密码，登录后可退出',
    async run(page, base) {
      await page.goto(`${base}/#/pages/login/index`);
      await tap(page, 'demo-pinghu_station');
      await tap(page, 'staff-login-submit');
      await byTestId(page, 'home-staff').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await tap(page, 'logout');
      // Confirm in the modal (Taro H5 renders it as plain DOM).
      await page.getByText('退出', { exact: true }).last().click();
      await byTestId(page, 'sandbox-login').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await shot(page, 'd1-after-logout');
    },
  },
  {
    name: 'expired-access-token',
    title: '(e) 访问令牌失效时自动续期，页面照常显示；续期令牌也失效时回到登录页',
    async run(page, base) {
      await loginAsStaff(page, base, 'pinghu_station', STAFF_PASSWORD);
      await byTestId(page, 'home-staff').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const before = await readTokens(page);
      assert(before?.accessToken && before?.refreshToken, 'no tokens stored after login');

      // A dead access token: the next call gets 401, the client refreshes and retries by itself.
      await writeTokens(page, { ...before, accessToken: 'expired.or.forged' });
      await page.reload();
      await byTestId(page, 'home-staff').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const after = await readTokens(page);
      assert(after.refreshToken !== before.refreshToken, 'refresh token was not rotated');
      await tap(page, 'tile-staff');
      await byTestId(page, 'staff-item').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });

      // Both tokens dead when the app starts: the person lands on the login page and the tokens are gone. The tokens
      // are spoiled after going home and before the reload: the home asks for its unread count each time it shows,
      // and that request would otherwise end the session before the app restarts, taking the reason with it.
      await page.goto(`${base}/#/pages/index/index`);
      await byTestId(page, 'home-staff').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await writeTokens(page, { accessToken: 'expired.or.forged', refreshToken: before.refreshToken });
      await page.reload();
      await byTestId(page, 'sandbox-login').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      assert((await readTokens(page)) === null, 'tokens were kept after the session ended');
      const notice = await textOf(page, 'sandbox-login-error');
      assert(notice.includes('重新登录'), `login page does not say why: "${notice}"`);
      await shot(page, 'e1-session-ended');
    },
  },
];

/** Taro H5 keeps storage in localStorage as JSON `{ data }`. */
export async function readTokens(page) {
  return page.evaluate(() => {
    const raw = localStorage.getItem('jh.tokens');
    return raw ? (JSON.parse(raw).data ?? null) : null;
  });
}

export async function writeTokens(page, tokens) {
  await page.evaluate((t) => localStorage.setItem('jh.tokens', JSON.stringify({ data: t })), tokens);
}

// ---------------------------------------------------------------------------------------------
