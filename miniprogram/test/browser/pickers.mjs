// Taro's date and time pickers in the H5 build: a sliding sheet of wheel columns (taro-picker-group) that
// follow mouse or touch drags and a 确定 button. Journeys set an exact value by dragging each column from the
// row it shows to the wanted one, then confirm — the way a person does, through the component's own handlers.
import { STEP_TIMEOUT_MS, assert, tap } from './support.mjs';

const TOP = 102; // the wheel's offset of row 0 (Taro's picker constant)
const LINE_HEIGHT = 34; // one row

/** The row a column shows and the texts of its rows. */
async function columnState(group) {
  return group.evaluate((el) => {
    const content = el.querySelector('.weui-picker__content');
    const m = /translate3d\([^,]+,\s*(-?[\d.]+)px/.exec(content?.style.transform ?? '');
    return {
      y: m ? Number(m[1]) : 102,
      items: [...(content?.querySelectorAll('.weui-picker__item') ?? [])].map((n) => n.textContent ?? ''),
    };
  });
}

/** Drags one column until it shows the row whose number is `want` (rows from..to only: the time wheels repeat). */
async function turnColumn(page, group, want, from = 0, to = Infinity) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const { y, items } = await columnState(group);
    const current = Math.round((TOP - y) / LINE_HEIGHT);
    const target = items.findIndex((t, i) => i >= from && i < to && parseInt(t, 10) === want);
    assert(target >= 0, `the picker has no row ${want} (rows: ${items.slice(0, 8).join(',')}…)`);
    if (target === current) return;
    const delta = (current - target) * LINE_HEIGHT;
    // one event at a time: the wheel re-renders between them, and the release reads the row it was dragged to
    const fire = (type, clientY) =>
      group.evaluate((el, e) => el.dispatchEvent(new MouseEvent(e.type, { clientY: e.clientY, bubbles: true })), {
        type,
        clientY,
      });
    await fire('mousedown', 300);
    for (const step of [0.25, 0.5, 0.75, 1]) {
      await fire('mousemove', 300 + delta * step);
      await page.waitForTimeout(40);
    }
    await fire('mouseup', 300 + delta);
    await page.waitForTimeout(200);
  }
  const { y } = await columnState(group);
  throw new Error(`the picker column did not reach ${want} (at row ${Math.round((TOP - y) / LINE_HEIGHT)})`);
}

async function openSheet(page, id) {
  await tap(page, id);
  const groups = page.locator('.weui-picker__group:visible');
  await groups.first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  return groups;
}

async function confirmSheet(page) {
  const ok = page.locator('.weui-picker__action:visible').filter({ hasText: '确定' }).first();
  await ok.click();
  await ok.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
}

/** Chooses `date` (YYYY-MM-DD) in the date picker opened by the element with test id `id`. */
export async function pickDate(page, id, date) {
  const [y, m, d] = date.split('-').map(Number);
  const groups = await openSheet(page, id);
  await turnColumn(page, groups.nth(0), y);
  await turnColumn(page, groups.nth(1), m);
  await turnColumn(page, groups.nth(2), d);
  await confirmSheet(page);
}

/** Chooses `time` (HH:MM) in the time picker opened by `id`; its wheels repeat 4 rows at each end. */
export async function pickTime(page, id, time) {
  const [h, min] = time.split(':').map(Number);
  const groups = await openSheet(page, id);
  await turnColumn(page, groups.nth(0), h, 4, 28);
  await turnColumn(page, groups.nth(1), min, 4, 64);
  await confirmSheet(page);
}

/** The activity form's start and end ({ date, time } each) through its pickers. */
export async function pickActivityTimes(page, start, end) {
  await pickDate(page, 'form-startDate', start.date);
  await pickTime(page, 'form-startTime', start.time);
  await pickDate(page, 'form-endDate', end.date);
  await pickTime(page, 'form-endTime', end.time);
}
