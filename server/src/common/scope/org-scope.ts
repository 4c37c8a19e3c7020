import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AppException } from '../errors/app-exception.js';

/**
 * Data scope (docs/product.md#roles-and-org-scope): staff see their own org unit and everything below it. Every scoped query
 * goes through these helpers, so the rule lives in the SQL rather than in filtering after loading.
 * A record outside the scope is reported as NOT_FOUND (404), never 403, so its existence leaks not.
 */
export function scopePrefix(actor: Actor): string {
  if (!actor.isStaff || !actor.orgPath) throw AppException.forbidden();
  return actor.orgPath;
}

/** Restricts `qb` to rows whose org unit id column lies in the actor's subtree. */
export function whereOrgInScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  actor: Actor,
  orgIdColumn: string,
): SelectQueryBuilder<T> {
  return qb.andWhere(
    `${orgIdColumn} IN (SELECT scope_ou.id FROM org_units scope_ou WHERE scope_ou.path LIKE :scopePrefix)`,
    {
      scopePrefix: `${scopePrefix(actor)}%`,
    },
  );
}

/** Restricts `qb` to rows that carry a denormalised org path inside the actor's subtree. */
export function wherePathInScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  actor: Actor,
  pathColumn: string,
): SelectQueryBuilder<T> {
  return qb.andWhere(`${pathColumn} LIKE :scopePrefix`, { scopePrefix: `${scopePrefix(actor)}%` });
}

export function isPathInScope(actor: Actor, path: string | null | undefined): boolean {
  return !!path && !!actor.orgPath && actor.isStaff && path.startsWith(actor.orgPath);
}

/** Throws NOT_FOUND unless `path` is inside the actor's subtree. */
export function assertPathInScope(actor: Actor, path: string | null | undefined): void {
  if (!isPathInScope(actor, path)) throw AppException.notFound();
}
