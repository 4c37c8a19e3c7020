// Early warnings: the 平湖社区 community officer sends an urgent warning to the guards living in 平湖社区 from 预警通报,
// seeing how many will get it before sending; 张伟 (who lives there) sees the red banner on his home, opens the warning
// in big text; the officer sees the read figure move from 0 to 1.
import {
  assert,
  checkOlderUserSizes,
  clockNow,
  confirmModal,
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
import { openAs, wechatTokens } from './12-user-fixes.mjs';

/** The officer: 预警通报 → 发预警 → title, text, 紧急, 社区 平湖社区 → the count → 发送; returns the count shown. */
async function sendWarning(page, base, title, text) {
  await signInAsStaff(page, base, 'pinghu_community');
  await tap(page, 'tile-alert-send');
  await visible(page, 'admin-alerts');
  await tap(page, 'admin-alert-new');
  await visible(page, 'alert-new');
  await fillInput(page, 'alert-title', title);
  await fillTextarea(page, 'alert-text', text);
  await tap(page, 'alert-level-urgent');
  await tap(page, 'alert-kind-community');
  await tap(page, 'alert-unit-平湖社区');
  const preview = await textContaining(page, 'alert-preview', '将发给');
  const count = Number(/将发给 (\d+) 名义警/.exec(preview)?.[1] ?? NaN);
  assert(count >= 1, `before sending the officer reads "${preview}"`);
  await shot(page, 'warn01-officer-form-with-count');
  await tap(page, 'alert-send');
  await confirmModal(page, '发送');
  await visible(page, 'admin-alert');
  const sent = await textContaining(page, 'figure-已发送', String(count));
  assert(sent.startsWith(String(count)), `after sending the officer reads 已发送 "${sent}"`);
  return count;
}

export default [
  {
    name: 'warnings-send-and-read',
    title:
      '(预警) 平湖社区民警向本社区义警发紧急预警（发送前看到接收人数）→ 张伟首页看到红色提示并打开阅读 → 民警看到已读数增加',
    async run(page, base) {
      const tag = String(clockNow() % 1_000_000);
      const title = `汛期防溺水预警 ${tag}`;
      const text = `今晚起平湖沿岸水位上涨，巡逻时请远离岸边，劝离钓鱼群众。${tag}`;
      const count = await sendWarning(page, base, title, text);
      console.log(`    预警发给 ${count} 名义警`);
      const before = await textOf(page, 'figure-已读');
      const readBefore = Number(/\d+/.exec(before)?.[0]);

      const zhang = await wechatTokens(base, 'zhangwei');
      await openAs(page, base, zhang, 'home-volunteer');
      const banner = await textContaining(page, 'urgent-alert-banner', '紧急预警未读');
      assert(banner.includes('紧急预警未读'), `张伟's home shows "${banner}"`);
      await shot(page, 'warn02-guard-home-banner');
      await tap(page, 'urgent-alert-banner');
      await visible(page, 'my-alerts');
      const row = page.locator('[data-testid="my-alert-row"]', { hasText: title }).first();
      await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const rowText = await row.innerText();
      assert(rowText.includes('紧急') && rowText.includes('未读'), `the list row reads "${rowText}"`);
      await row.click();
      await visible(page, 'my-alert');
      const shown = await textOf(page, 'my-alert-text');
      assert(shown === text, `张伟 reads "${shown}"`);
      await checkOlderUserSizes(page, { textId: 'my-alert-text', targetIds: [] });
      await shot(page, 'warn03-guard-reads-warning');

      await signInAsStaff(page, base, 'pinghu_community');
      await tap(page, 'tile-alert-send');
      const mine = page.locator('[data-testid="admin-alert-row"]', { hasText: title }).first();
      await mine.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const share = await mine.locator('[data-testid="admin-alert-read"]').innerText();
      assert(share.includes(`已读 ${readBefore + 1} / ${count}`), `the officer's list reads "${share}"`);
      await mine.click();
      const after = await textContaining(page, 'figure-已读', String(readBefore + 1));
      assert(Number(/\d+/.exec(after)?.[0]) === readBefore + 1, `the officer sees 已读 "${after}"`);
      await shot(page, 'warn04-officer-sees-read');
    },
  },
];
