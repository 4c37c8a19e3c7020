/**
 * A company's equipment resources (装备资源, docs/product.md#companies-and-roster: what the company can lend to a call-out),
 * edited as rows of name + count and sent as `{ name: count }`.
 */
import type { EquipmentCounts } from '@jianghuai/shared';

export interface EquipmentRow {
  name: string;
  /** As typed: digits only once valid. */
  count: string;
}

/** Common resources offered as one-tap rows (the seed's equipment list plus what companies hold). */
export const COMPANY_EQUIPMENT_SUGGESTIONS = [
  '防暴盾牌',
  '防暴钢叉',
  '防暴头盔',
  '长短棍',
  '对讲机',
  '巡逻车',
  '灭火器',
  '急救箱',
] as const;

export const MAX_EQUIPMENT_ROWS = 30;
export const MAX_EQUIPMENT_COUNT = 100000;

export function equipmentRowsOf(counts: EquipmentCounts): EquipmentRow[] {
  return Object.entries(counts).map(([name, count]) => ({ name, count: String(count) }));
}

export type EquipmentBuild = { ok: true; equipment: EquipmentCounts } | { ok: false; row: number; message: string };

/** The rows as the server accepts them: names 1–20 characters and unique, counts whole 0–100000. */
export function buildEquipment(rows: readonly EquipmentRow[]): EquipmentBuild {
  const kept = rows
    .map((r, index) => ({ index, name: r.name.trim(), count: r.count.trim() }))
    .filter((r) => r.name || r.count);
  if (kept.length > MAX_EQUIPMENT_ROWS)
    return { ok: false, row: kept[MAX_EQUIPMENT_ROWS]!.index, message: `最多登记 ${MAX_EQUIPMENT_ROWS} 种装备` };
  const equipment: EquipmentCounts = {};
  for (const r of kept) {
    if (!r.name) return { ok: false, row: r.index, message: '请填写装备名称' };
    if (r.name.length > 20) return { ok: false, row: r.index, message: '装备名称最多 20 个字' };
    if (r.name in equipment) return { ok: false, row: r.index, message: `“${r.name}”填了两次，请合并为一行` };
    if (!/^\d{1,6}$/.test(r.count) || Number(r.count) > MAX_EQUIPMENT_COUNT) {
      return { ok: false, row: r.index, message: `“${r.name}”的数量应为 0 到 ${MAX_EQUIPMENT_COUNT} 的整数` };
    }
    equipment[r.name] = Number(r.count);
  }
  return { ok: true, equipment };
}

/** Whether the rows differ from what is saved (the save button says so otherwise). */
export function equipmentChanged(saved: EquipmentCounts, next: EquipmentCounts): boolean {
  const a = Object.entries(saved);
  const b = Object.entries(next);
  return a.length !== b.length || b.some(([name, count]) => saved[name] !== count);
}
