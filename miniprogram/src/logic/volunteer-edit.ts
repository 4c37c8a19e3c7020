/**
 * Staff editing a volunteer's archive (SPEC §2.4): the editable part of the record, and the PATCH
 * body holding only what changed (a status change needs a reason).
 */
import type { IssuedEquipment, UpdateVolunteerRequest, VolunteerArchiveResponse, VolunteerStatus, VolunteerTier } from '@jianghuai/shared';

export interface ArchiveEdit {
  tier: VolunteerTier;
  teams: string[];
  equipment: IssuedEquipment[];
  notes: string;
  status: VolunteerStatus;
  statusReason: string;
}

export function editOf(archive: VolunteerArchiveResponse): ArchiveEdit {
  return {
    tier: archive.tier,
    teams: [...archive.teams],
    equipment: archive.equipment.map((e) => ({ ...e })),
    notes: archive.notes ?? '',
    status: archive.status,
    statusReason: '',
  };
}

export function toggleTeam(teams: string[], team: string): string[] {
  return teams.includes(team) ? teams.filter((t) => t !== team) : [...teams, team];
}

/** Issue an item today, or take it back. */
export function toggleEquipment(equipment: IssuedEquipment[], item: string, today: string): IssuedEquipment[] {
  return equipment.some((e) => e.item === item) ? equipment.filter((e) => e.item !== item) : [...equipment, { item, issuedOn: today, count: 1 }];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export type UpdateBuild = { ok: true; body: UpdateVolunteerRequest; changed: boolean } | { ok: false; field: 'statusReason'; message: string };

export function toUpdateRequest(edit: ArchiveEdit, original: VolunteerArchiveResponse): UpdateBuild {
  const body: UpdateVolunteerRequest = {};
  if (edit.tier !== original.tier) body.tier = edit.tier;
  if (!same(edit.teams, original.teams)) body.teams = edit.teams;
  if (!same(edit.equipment, original.equipment)) body.equipment = edit.equipment;
  const notes = edit.notes.trim();
  if (notes !== (original.notes ?? '')) body.notes = notes || null;
  if (edit.status !== original.status) {
    const reason = edit.statusReason.trim();
    if (!reason) return { ok: false, field: 'statusReason', message: '调整义警状态须填写原因' };
    body.status = edit.status;
    body.statusReason = reason;
  }
  return { ok: true, body, changed: Object.keys(body).length > 0 };
}
