import type { EntityManager } from 'typeorm';
import { CallupPlan } from '../../modules/callups/entities/callup-plan.entity.js';
import type { OrgUnit } from '../../modules/org/org-unit.entity.js';
import { User } from '../../modules/users/user.entity.js';
import { DEMO_CALLUP_PLAN } from './demo-data.js';

/** The demo's response plan: 雨山分局's 摸排 of 平湖's key places, ready to launch in one step. */
export async function seedCallupsDemo(m: EntityManager, byCode: Map<string, OrgUnit>, now: Date): Promise<void> {
  const p = DEMO_CALLUP_PLAN;
  const owner = byCode.get(p.ownerCode)!;
  const target = byCode.get(p.targetCode)!;
  const officer = await m.getRepository(User).findOneByOrFail({ username: p.ownerUsername });
  await m.getRepository(CallupPlan).insert({
    ownerUnitId: owner.id,
    ownerUnitName: owner.name,
    ownerPath: owner.path,
    name: p.name,
    kind: 'verification',
    mode: null,
    target: { unitId: target.id },
    targetName: target.name,
    wanted: p.wanted,
    title: p.title,
    task: p.task,
    rallyAddress: p.rally.address,
    rallyLat: p.rally.lat,
    rallyLng: p.rally.lng,
    rallyRadiusM: 500,
    deadlineMinutes: p.deadlineMinutes,
    items: p.items.map((label, i) => ({ id: i + 1, label })),
    createdByUserId: officer.id,
    createdAt: now,
    updatedAt: now,
  });
}
