// Helpers shared by the browser journeys (journeys/*.mjs).
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** Screenshots of this run; JH_ARTIFACTS_DIR gives runs that go on at the same time a folder each. */
export const artifacts = resolve(
  process.env.JH_ARTIFACTS_DIR ?? join(resolve(here, '../../..'), 'miniprogram/test-artifacts/browser'),
);
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

/** Waits until the element with this data-testid is visible. */
export const visible = (page, id) => byTestId(page, id).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });

/** Types into a multi-line box (a Taro Textarea renders its own textarea inside the element with the test id). */
export async function fillTextarea(page, id, value) {
  const box = page.locator(`[data-testid="${id}"] textarea, textarea[data-testid="${id}"]`).first();
  await box.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await box.fill(value);
}

/** A JSON request to the app's API as `token`'s holder (the other people of a journey); a non-2xx answer fails the step. */
export async function api(base, method, path, token, body) {
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  assert(res.ok, `${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

export async function shot(page, name) {
  // Taro H5 slides pages in (~300 ms): let the transition finish so the picture is the page.
  await page.waitForTimeout(450);
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/** Empties and creates a folder of the artifacts (e.g. `roles/city`) for this run's screenshots in it. */
export function freshArtifacts(folder) {
  const dir = join(artifacts, folder);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return folder;
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

/**
 * Signs in a WeChat user nobody has used before (the sandbox takes any `sandbox-<name>` code), keeping the rest of the
 * page's storage (text size, the privacy answer), and waits for the visitor's home. Journeys that need a visitor use
 * this instead of the demo visitor, whom an earlier journey may have turned into a volunteer.
 */
export async function signInAsFreshVisitor(page, base, label = 'visitor') {
  const code = `sandbox-${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const res = await fetch(`${base}/api/auth/wechat/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  assert(res.ok, `sandbox login for a fresh visitor answered ${res.status}`);
  const { accessToken, refreshToken } = await res.json();
  await page.goto(`${base}/#/pages/login/index`);
  await page.evaluate((t) => localStorage.setItem('jh.tokens', JSON.stringify({ data: t })), {
    accessToken,
    refreshToken,
  });
  await page.goto(`${base}/#/pages/index/index`);
  await page.reload();
  await byTestId(page, 'home-visitor').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
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

// ---------------------------------------------------------------------------------------------
// Readability for older users (docs/product.md#older-users), measured on the rendered page.

/** The thresholds `measureReadability` checks (px and contrast ratio). */
export const READABILITY = { minTextPx: 18, minTargetPx: 44, minPrimaryPx: 60, minContrast: 4.5 };

/**
 * Measures the page being shown and returns what an older user would struggle with:
 * - `violations`: `{ kind, where, text, value }` with kind `text-size` (a visible text under 18 px, also the text
 *   typed into inputs), `target-size` (a tappable element under 44×44 px: buttons, links, inputs, checkboxes,
 *   radios, switches, tab items and every element with its own click handler), `primary-size` (a main target
 *   under 60×60 px: the big buttons, the home tiles and anything marked `data-jh-primary`) or `contrast` (text
 *   colour against its effective background under 4.5:1, WCAG relative luminance, opacity included);
 * - `unknownBackgrounds`: texts drawn over a gradient or an image, whose contrast cannot be computed from colours;
 * - `checked`: how many texts and tap targets were measured.
 * Exclusions, kept few: what is not rendered (display/visibility/zero size, the pages below the shown one in the
 * stack), what is `aria-hidden` (decorative marks), and whitespace-only text. Nothing else is exempt; a toast is waited
 * out first.
 */
export async function measureReadability(page) {
  // A toast ("已提交") is WeChat's own overlay, drawn by the H5 build for the test; it fades after 1.5 s. The page is
  // measured once it has gone, not through it.
  await page
    .waitForFunction(
      () => [...document.querySelectorAll('.taro__toast')].every((el) => getComputedStyle(el).display === 'none'),
      null,
      { timeout: STEP_TIMEOUT_MS },
    )
    .catch(() => {});
  return page.evaluate((limits) => {
    const violations = [];
    const unknownBackgrounds = [];
    const seen = new Set();
    const push = (list, item) => {
      const key = `${item.kind}|${item.where}|${item.text}`;
      if (seen.has(key)) return;
      seen.add(key);
      list.push(item);
    };

    const shown = (el) =>
      el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true }) &&
      !el.closest('[aria-hidden="true"], [aria-hidden=""]') &&
      el.getClientRects().length > 0;

    /** A short, stable description: the nearest test id, then the element's own classes. */
    const describe = (el) => {
      const owner = el.closest('[data-testid]');
      const id = owner ? `[data-testid="${owner.getAttribute('data-testid')}"]` : '';
      const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).filter(Boolean) : [];
      const self = `${el.tagName.toLowerCase()}${cls.length ? `.${cls.join('.')}` : ''}`;
      return `${id} ${self}`.trim();
    };
    const snippet = (s) => s.replace(/\s+/g, ' ').trim().slice(0, 30);

    // Colours and contrast (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance).
    const parse = (c) => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return [0, 0, 0, 0];
      const p = m[1]
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const over = (top, bottom) => {
      const a = top[3];
      return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
    };
    const luminance = (rgb) => {
      const [r, g, b] = rgb.slice(0, 3).map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a, b) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    /**
     * Paints the ancestors of the text, root first, over `base`; an ancestor with opacity < 1 paints its subtree
     * and is blended over what lies below it. Returns the text's rendered colour and the background under it,
     * or null when a gradient or an image lies under the text.
     */
    const paint = (chain, base, color) => {
      let bg = base;
      // A gradient or an image under the text, until an opaque colour is painted over it further down the chain.
      let unknown = false;
      for (let i = 0; i < chain.length; i++) {
        const style = getComputedStyle(chain[i]);
        const opacity = i === 0 && chain.ignoreFirstOpacity ? 1 : parseFloat(style.opacity);
        if (opacity < 1) {
          if (unknown) return null;
          const rest = chain.slice(i);
          rest.ignoreFirstOpacity = true;
          const inner = paint(rest, bg, color);
          if (!inner) return null;
          const blend = (c) => over([...c.slice(0, 3), opacity], bg);
          return { fg: blend(inner.fg), bg: blend(inner.bg) };
        }
        const own = parse(style.backgroundColor);
        if (own[3] === 1) unknown = false;
        // The image is painted over the element's own colour.
        if (style.backgroundImage && style.backgroundImage !== 'none') unknown = true;
        bg = over(own, bg);
      }
      return unknown ? null : { fg: over(color, bg), bg };
    };
    const contrastOf = (el) => {
      const chain = [];
      for (let e = el; e; e = e.parentElement) chain.unshift(e);
      return paint(chain, [255, 255, 255, 1], parse(getComputedStyle(el).color));
    };

    const checked = { texts: 0, targets: 0 };
    const checkText = (el, text) => {
      checked.texts++;
      const style = getComputedStyle(el);
      const px = parseFloat(style.fontSize);
      const where = describe(el);
      if (px < limits.minTextPx) push(violations, { kind: 'text-size', where, text, value: `${px}px` });
      const painted = contrastOf(el);
      if (!painted) push(unknownBackgrounds, { kind: 'background', where, text, value: 'gradient or image' });
      else {
        const r = ratio(painted.fg, painted.bg);
        if (r < limits.minContrast) push(violations, { kind: 'contrast', where, text, value: `${r.toFixed(2)}:1` });
      }
    };

    // 1. Every visible text node, and the text typed into inputs.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = snippet(node.textContent ?? '');
      const el = node.parentElement;
      if (!text || !el || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName) || !shown(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      checkText(el, text);
    }
    for (const input of document.querySelectorAll('input:not([type="hidden"]):not([type="checkbox"]), textarea')) {
      if (shown(input) && !['checkbox', 'radio'].includes(input.type))
        checkText(input, input.value || input.placeholder || '(input)');
    }

    // 2. Tap targets: the element a finger must hit, at its rendered size.
    /** Taro's H5 components keep their listeners in `__events`; plain React elements in their props. */
    const hasTapHandler = (el) => {
      const events = el.__events;
      if (events && (events.click || events.tap)) return true;
      const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'));
      return typeof (key && el[key]?.onClick) === 'function';
    };
    const NATIVE =
      'button, a[href], input:not([type="hidden"]), textarea, select, [role="button"], [role="checkbox"], ' +
      '[role="radio"], [role="tab"], taro-button-core, taro-checkbox-core, taro-radio-core, taro-switch-core, ' +
      'taro-picker-core, .weui-tabbar__item';
    const targets = new Set();
    for (const el of document.querySelectorAll('body *')) {
      if (el.matches(NATIVE) || hasTapHandler(el)) targets.add(el);
    }
    /** The box a tap lands in: a native control counts with its Taro host or its label around it. */
    const hitBox = (el) => {
      const boxes = [el, el.closest('taro-input-core, taro-textarea-core, taro-button-core, label, taro-label-core')]
        .filter(Boolean)
        .map((e) => e.getBoundingClientRect());
      return boxes.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
    };
    for (const el of targets) {
      if (!shown(el)) continue;
      // The native <button>/<input> inside a Taro host is measured as part of the host.
      if (el.parentElement?.closest('taro-button-core') && el.tagName === 'BUTTON') continue;
      checked.targets++;
      const box = hitBox(el);
      const primary = el.matches('.jh-btn, .jh-tile, [data-jh-primary]');
      const min = primary ? limits.minPrimaryPx : limits.minTargetPx;
      if (box.width < min || box.height < min) {
        push(violations, {
          kind: primary ? 'primary-size' : 'target-size',
          where: describe(el),
          text: snippet(el.innerText || el.getAttribute('aria-label') || el.value || ''),
          value: `${Math.round(box.width)}×${Math.round(box.height)}px`,
        });
      }
    }
    return { violations, unknownBackgrounds, checked };
  }, READABILITY);
}

/** One line per violation, for a failure message and the run's log. */
export function formatViolations(pageName, violations) {
  return violations.map((v) => `  ${pageName}: ${v.kind} ${v.value} at ${v.where} "${v.text}"`).join('\n');
}
