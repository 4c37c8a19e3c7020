import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { hasPermission } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { isPathInScope, scopePrefix } from '../../common/scope/org-scope.js';

/**
 * Who of the staff sees a tip (docs/product.md#tips): its responsible chain (the station's subtree prefix matches
 * the station, its branch, the city), the unit it was assigned to and the officer it was assigned to.
 */
export function whereTipVisible<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, actor: Actor, alias = 't') {
  return qb.andWhere(
    `(${alias}.orgPath LIKE :tipScope OR ${alias}.assignedOrgPath LIKE :tipScope OR ${alias}.assignedUserId = :tipViewer)`,
    { tipScope: `${scopePrefix(actor)}%`, tipViewer: actor.userId },
  );
}

export interface TipPlacement {
  orgPath: string;
  assignedOrgPath: string | null;
  assignedUserId: number | null;
}

/** The same rule for one loaded tip. */
export function isTipVisible(actor: Actor, tip: TipPlacement): boolean {
  if (!actor.isStaff || !hasPermission(actor.staffRoles, 'tips.handle')) return false;
  return (
    isPathInScope(actor, tip.orgPath) ||
    isPathInScope(actor, tip.assignedOrgPath) ||
    (tip.assignedUserId !== null && tip.assignedUserId === actor.userId)
  );
}
