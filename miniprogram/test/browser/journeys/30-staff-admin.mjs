// Staff administration and unit contacts: the administrator opens an account, resets its password
// and disables it; a branch officer records a station's 负责人.
import {
  assert,
  byTestId,
  checkOlderUserSizes,
  confirmModal,
  fillInput,
  loginAsStaff,
  shot,
  signInAsStaff,
  STEP_TIMEOUT_MS,
  tap,
  textContaining,
  textOf,
} from '../support.mjs';

const USERNAME = 'pinghu_new_officer';

export default [
  {
    name: 'staff-admin-account-lifecycle',
    title: '(s1) 系统管理员开通派出所民警账号，重置密码，再停用该账号',
    async run(page, base) {
      await signInAsStaff(page, base, 'admin');
      await tap(page, 'tile-staff-admin');
      await fillInput(page, 'staff-new-unit-search', '平湖派出所');
      await tap(page, 'staff-new-unit');
      await page.locator('[data-testid="role-choice"]').filter({ hasText: '派出所民警' }).first().click();
      await fillInput(page, 'staff-new-name', '平湖新民警');
      await fillInput(page, 'staff-new-phone', '13905559901');
      await fillInput(page, 'staff-new-username', USERNAME);
      await fillInput(page, 'staff-new-password', 'Start2026x');
      await shot(page, 's1-new-account');
      await tap(page, 'staff-new-submit');
      await byTestId(page, 'staff-created').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const unit = await textOf(page, 'staff-detail-unit');
      assert(unit.includes('平湖派出所'), `the new account is at "${unit}", expected 平湖派出所`);

      await tap(page, 'staff-reset');
      await confirmModal(page, '重置');
      const password = await textOf(page, 'staff-temp-password');
      assert(/^[A-Za-z0-9]{12}$/.test(password), `the temporary password "${password}" is not 12 letters and digits`);
      await checkOlderUserSizes(page, {
        textId: 'staff-temp-password',
        targetIds: ['staff-copy-password', 'staff-reset'],
      });
      await shot(page, 's2-password-once');

      await tap(page, 'staff-toggle-status');
      await confirmModal(page, '停用');
      const status = await textContaining(page, 'staff-detail-status', '已停用');
      assert(status.includes('已停用'), `status shows "${status}", expected 已停用`);
      await shot(page, 's3-disabled');

      // The disabled account cannot sign in, even with the fresh password.
      await page.evaluate(() => localStorage.removeItem('jh.tokens'));
      await loginAsStaff(page, base, USERNAME, password);
      await page
        .getByText('账号已停用', { exact: false })
        .first()
        .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await shot(page, 's4-disabled-login-refused');
    },
  },
  {
    name: 'unit-contacts-branch-records-station',
    title: '(s2) 雨山分局民警登记平湖派出所的负责人，列表中手机号脱敏显示',
    async run(page, base) {
      await signInAsStaff(page, base, 'yushan_branch');
      await tap(page, 'tile-unit-contacts');
      const station = page.locator('[data-testid="unit-contacts-item"]').filter({ hasText: '平湖派出所' }).first();
      await station.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await station.locator('[data-testid="contact-edit-responsible"]').click();
      await fillInput(page, 'contact-name', '李建国');
      await fillInput(page, 'contact-title', '所长');
      await fillInput(page, 'contact-phone', '13905558801');
      await shot(page, 's5-contact-form');
      await tap(page, 'contact-save');
      const line = station.locator('[data-testid="contact-responsible"]');
      await line.filter({ hasText: '李建国' }).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const text = (await line.innerText()).trim();
      assert(text.includes('139****8801'), `the responsible person shows "${text}", expected the masked phone`);
      await shot(page, 's6-contacts-list');
    },
  },
];
