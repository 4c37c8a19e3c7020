import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { hasPermission } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';

/**
 * Which orders a member of staff reaches (docs/mall.md#orders): the mall operator those of products of their unit
 * and below (`mall.manage`); a station officer (`mall.verify`) those to be picked up at their own station. Anything
 * else is out of reach and answered as not found.
 */
export interface OrderReach {
  /** Order path prefix of the operator's products, or null. */
  productPrefix: string | null;
  /** The station officer's own station, or null. */
  stationId: number | null;
}

export function orderReach(actor: Actor): OrderReach {
  const operator = actor.isStaff && !!actor.orgPath && hasPermission(actor.staffRoles, 'mall.manage');
  const station =
    actor.isStaff &&
    actor.orgUnitId !== null &&
    actor.staffRoles.includes('station_officer') &&
    hasPermission(actor.staffRoles, 'mall.verify');
  return { productPrefix: operator ? actor.orgPath : null, stationId: station ? actor.orgUnitId : null };
}

/** Restricts `qb` (orders under `alias`) to the orders the actor reaches; nothing when they reach none. */
export function whereOrderInReach<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  actor: Actor,
  alias = 'o',
): SelectQueryBuilder<T> {
  const reach = orderReach(actor);
  const parts: string[] = [];
  if (reach.productPrefix) parts.push(`${alias}.orgPath LIKE :reachPrefix`);
  if (reach.stationId !== null) parts.push(`${alias}.pickupStationId = :reachStation`);
  if (parts.length === 0) return qb.andWhere('1 = 0');
  return qb.andWhere(`(${parts.join(' OR ')})`, {
    reachPrefix: `${reach.productPrefix ?? ''}%`,
    reachStation: reach.stationId ?? 0,
  });
}
