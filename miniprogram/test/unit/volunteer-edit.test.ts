import { describe, expect, it } from 'vitest';
import type { VolunteerArchiveResponse } from '@jianghuai/shared';
import { editOf, toggleEquipment, toggleTeam, toUpdateRequest } from '../../src/logic/volunteer-edit';

const archive = {
  tier: 'basic',
  teams: ['区域巡逻组'],
  equipment: [{ item: '义警马甲', issuedOn: '2026-01-10', count: 1 }],
  notes: null,
  status: 'active',
} as unknown as VolunteerArchiveResponse;

describe('volunteer record edit', () => {
  it('sends nothing when nothing changed', () => {
    expect(toUpdateRequest(editOf(archive), archive)).toEqual({ ok: true, body: {}, changed: false });
  });

  it('sends only the changed fields', () => {
    const edit = {
      ...editOf(archive),
      tier: 'core' as const,
      teams: toggleTeam(['区域巡逻组'], '应急处突组'),
      equipment: toggleEquipment(archive.equipment, '肩灯', '2026-03-01'),
    };
    const built = toUpdateRequest(edit, archive);
    expect(built).toEqual({
      ok: true,
      changed: true,
      body: {
        tier: 'core',
        teams: ['区域巡逻组', '应急处突组'],
        equipment: [
          { item: '义警马甲', issuedOn: '2026-01-10', count: 1 },
          { item: '肩灯', issuedOn: '2026-03-01', count: 1 },
        ],
      },
    });
  });

  it('a status change needs a reason', () => {
    const edit = { ...editOf(archive), status: 'suspended' as const };
    expect(toUpdateRequest(edit, archive)).toMatchObject({ ok: false, field: 'statusReason' });
    expect(toUpdateRequest({ ...edit, statusReason: '政审复核未通过' }, archive)).toMatchObject({
      ok: true,
      body: { status: 'suspended', statusReason: '政审复核未通过' },
    });
  });

  it('taking back an item removes it; toggling a team twice restores it', () => {
    expect(toggleEquipment(archive.equipment, '义警马甲', '2026-03-01')).toEqual([]);
    expect(toggleTeam(toggleTeam(['a'], 'b'), 'b')).toEqual(['a']);
  });
});
