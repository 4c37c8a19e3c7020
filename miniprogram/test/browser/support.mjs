// Helpers shared by the browser journeys (journeys/*.mjs).
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const artifacts = join(resolve(here, '../../..'), 'miniprogram/test-artifacts/browser');
export const STEP_TIMEOUT_MS = 15_000;
export const STAFF_PASSWORD = 'Jhyj@2026';

let clockOffsetMs = 0;
/**
 * The run's "now" in ms: the server's Clock, which JH_CLOCK_START fixes (run.mjs reads it from
 * /api/health and installs it in every page with Playwright's clock). Journeys compute dates and
 * times from this, never from Date.now(), so they agree with the server and the page.
 */
export const clockNow = () => Date.now() + clockOffsetMs;
export function setClockOffset(ms) {
  clockOffsetMs = ms;
}
/** YYYY-MM-DD in Asia/Shanghai of `ms` (default: the run's now). */
export function shanghaiDate(ms = clockNow()) {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

export const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`).first();

export async function shot(page, name) {
  // Taro H5 slides pages in (~300 ms): let the transition finish so the picture is the page.
  await page.waitForTimeout(450);
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export async function textOf(page, id) {
  const locator = byTestId(page, id);
  await locator.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  return (await locator.innerText()).trim();
}

/** Taro renders <Input> as a custom element around a real <input>. */
export async function fillInput(page, id, value) {
  const input = page.locator(`[data-testid="${id}"] input, input[data-testid="${id}"]`).first();
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await input.fill(value);
}

export async function tap(page, id) {
  const locator = byTestId(page, id);
  await locator.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await locator.click();
}

/** docs/product.md#older-users: main text ≥ 18 px, line height ≥ 1.3, main tap targets ≥ 60 px tall. */
export async function checkOlderUserSizes(page, { textId, targetIds }) {
  const text = await byTestId(page, textId).evaluate((el) => {
    const style = getComputedStyle(el);
    return { fontSize: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight) };
  });
  assert(text.fontSize >= 18, `main text is ${text.fontSize}px, expected ≥ 18px`);
  assert(
    Number.isNaN(text.lineHeight) || text.lineHeight / text.fontSize >= 1.3,
    `line height ${text.lineHeight}px for ${text.fontSize}px text is under 1.3`,
  );
  for (const id of targetIds) {
    const box = await byTestId(page, id).boundingBox();
    assert(box && box.height >= 60, `tap target ${id} is ${box?.height}px tall, expected ≥ 60px`);
  }
}

export async function loginAsStaff(page, base, username, password) {
  await page.goto(`${base}/#/pages/staff-login/index`);
  await fillInput(page, 'staff-username', username);
  await fillInput(page, 'staff-password', password);
  await tap(page, 'staff-login-submit');
}

/** Signs out whoever is signed in on this page, signs in as a demo staff account, waits for the staff home. */
export async function signInAsStaff(page, base, username) {
  if (page.url().startsWith(base)) await page.evaluate(() => localStorage.removeItem('jh.tokens'));
  await page.goto(`${base}/#/pages/staff-login/index`);
  await page.reload();
  await fillInput(page, 'staff-username', username);
  await fillInput(page, 'staff-password', STAFF_PASSWORD);
  await tap(page, 'staff-login-submit');
  await byTestId(page, 'home-staff').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
}

/** Taro H5 draws showModal as plain DOM; its confirm button carries the confirm text. */
export async function confirmModal(page, text) {
  const button = page
    .locator('.taro-modal__foot div, .taro-model__btn, .taro-modal__btn')
    .filter({ hasText: text })
    .last();
  if (await button.count()) await button.click();
  else await page.getByText(text, { exact: true }).last().click();
}

/** Waits until the element's text contains `part` (a notice replaced after an action), and returns it. */
export async function textContaining(page, id, part) {
  const locator = byTestId(page, id);
  try {
    await locator.filter({ hasText: part }).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  } catch {
    // fall through: the assertion below reports what is shown instead
  }
  return (await locator.innerText().catch(() => '')).trim();
}
