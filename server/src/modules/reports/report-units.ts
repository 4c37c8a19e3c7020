import { Injectable } from '@nestjs/common';
import type { OrgLevel } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { isPathInScope, scopePrefix } from '../../common/scope/org-scope.js';
import { OrgService } from '../org/org.service.js';

/** A branch or station that writes a narrative, with the branch it belongs to. */
export interface ReportUnit {
  id: number;
  name: string;
  level: OrgLevel;
  path: string;
  branchId: number | null;
  branchName: string | null;
}

/** The org units the reports work over: the viewer's city, and the branches and stations in the viewer's scope. */
@Injectable()
export class ReportUnits {
  constructor(private readonly org: OrgService) {}

  /** Every prefix of the viewer's path (`/1/`, `/1/4/`, `/1/4/12/`): a stage or ranking of any of them is theirs. */
  prefixes(actor: Actor): string[] {
    const ids = scopePrefix(actor).split('/').filter(Boolean);
    return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
  }

  /** The city the viewer belongs to (the top of their path). */
  async city(actor: Actor): Promise<{ id: number; path: string; name: string }> {
    const rootId = Number(this.prefixes(actor)[0].split('/')[1]);
    const city = await this.org.findById(rootId);
    if (!city || city.level !== 'city') throw AppException.forbidden();
    return { id: city.id, path: city.path, name: city.name };
  }

  /** Branches and stations in the viewer's scope (their own unit included), branches first, each in tree order. */
  async writers(actor: Actor): Promise<ReportUnit[]> {
    const all = (await this.org.findByLevels(['branch', 'station'])).sort((a, b) => treeOrder(a.path, b.path));
    const branches = all.filter((u) => u.level === 'branch');
    const inScope = all.filter((u) => isPathInScope(actor, u.path));
    const toUnit = (u: (typeof all)[number]): ReportUnit => {
      const branch = u.level === 'branch' ? null : (branches.find((b) => b.id === u.parentId) ?? null);
      return {
        id: u.id,
        name: u.name,
        level: u.level,
        path: u.path,
        branchId: branch?.id ?? null,
        branchName: branch?.name ?? null,
      };
    };
    return [
      ...inScope.filter((u) => u.level === 'branch').map(toUnit),
      ...inScope.filter((u) => u.level === 'station').map(toUnit),
    ];
  }

  /** The viewer's own unit when it is a branch or a station (the one that writes), else null. */
  async ownWriter(actor: Actor): Promise<ReportUnit | null> {
    if (!actor.orgUnitId) return null;
    const own = (await this.writers(actor)).find((u) => u.id === actor.orgUnitId);
    return own ?? null;
  }
}

/** Tree order of two materialised paths, segment by segment as numbers (`/1/9/` before `/1/10/`). */
export function treeOrder(a: string, b: string): number {
  const x = a.split('/').filter(Boolean).map(Number);
  const y = b.split('/').filter(Boolean).map(Number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}
