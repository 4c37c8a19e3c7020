import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ActivityPlace, ActivityPlacesResponse } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { isPathInScope, wherePathInScope } from '../../common/scope/org-scope.js';
import { CompanyQueries } from '../companies/company-queries.js';
import { likeContains } from '../companies/companies.service.js';
import { OrgService } from '../org/org.service.js';
import { Activity } from './entities/activity.entity.js';

/** At most this many places in one answer. */
export const PLACES_LIMIT = 20;
/** How many service sites and earlier activities are read before filtering by the search words. */
const SCAN_LIMIT = 500;

const located = <T extends { lat: number | null; lng: number | null }>(r: T): r is T & { lat: number; lng: number } =>
  r.lat !== null && r.lng !== null;

/**
 * Known places for an activity's place where there is no map to pick on (the H5 build): the officer's
 * stations and communities with coordinates, the service sites of companies at those stations and the
 * places of earlier activities in scope — each read through its owner (org, companies, this module).
 */
@Injectable()
export class ActivityPlaces {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly org: OrgService,
    private readonly companies: CompanyQueries,
  ) {}

  async search(actor: Actor, q: string | undefined): Promise<ActivityPlacesResponse> {
    const words = (q ?? '').trim();
    const matches = (p: ActivityPlace) => !words || p.name.includes(words) || p.address.includes(words);
    const all = [...(await this.units(actor)), ...(await this.sites(actor)), ...(await this.earlier(actor, words))];
    const seen = new Set<string>();
    const items: ActivityPlace[] = [];
    for (const p of all) {
      const key = `${p.address}|${p.lat.toFixed(5)}|${p.lng.toFixed(5)}`;
      if (!matches(p) || seen.has(key)) continue;
      seen.add(key);
      items.push(p);
      if (items.length === PLACES_LIMIT) break;
    }
    return { items };
  }

  private async units(actor: Actor): Promise<ActivityPlace[]> {
    const units = await this.org.findByLevels(['station', 'community']);
    return units
      .filter((u) => isPathInScope(actor, u.path))
      .filter(located)
      .map((u) => ({ source: 'org_unit' as const, name: u.name, address: u.name, lat: u.lat, lng: u.lng }));
  }

  private async sites(actor: Actor): Promise<ActivityPlace[]> {
    const sites = (await this.companies.sitesInScope(actor, SCAN_LIMIT)).filter(located);
    const names = new Map(
      (await this.companies.findByIds([...new Set(sites.map((s) => s.companyId))])).map((c) => [c.id, c.name]),
    );
    return sites.map((s) => ({
      source: 'service_site' as const,
      name: names.has(s.companyId) ? `${s.name}（${names.get(s.companyId)}）` : s.name,
      address: s.address,
      lat: s.lat,
      lng: s.lng,
    }));
  }

  private async earlier(actor: Actor, words: string): Promise<ActivityPlace[]> {
    const qb = wherePathInScope(this.ds.getRepository(Activity).createQueryBuilder('a'), actor, 'a.orgPath');
    if (words) qb.andWhere("a.address LIKE :kw ESCAPE '!'", { kw: likeContains(words) });
    const rows = await qb
      .select(['a.id', 'a.address', 'a.lat', 'a.lng'])
      .orderBy('a.id', 'DESC')
      .limit(SCAN_LIMIT)
      .getMany();
    return rows.map((a) => ({
      source: 'activity' as const,
      name: a.address,
      address: a.address,
      lat: a.lat,
      lng: a.lng,
    }));
  }
}
