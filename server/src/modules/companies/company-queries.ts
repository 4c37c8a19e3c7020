import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { whereOrgInScope } from '../../common/scope/org-scope.js';
import { Company } from './company.entity.js';
import { ServiceSite } from './service-site.entity.js';

/** Rows as other modules see them (they read the companies and service_sites tables only through this module). */
export type CompanyRecord = Company;
export type ServiceSiteRecord = ServiceSite;

/** Reads of companies and their service sites for other modules; pass a transaction's manager to read inside it. */
@Injectable()
export class CompanyQueries {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.ds.manager;
  }

  findById(id: number, manager?: EntityManager): Promise<CompanyRecord | null> {
    return this.manager(manager).getRepository(Company).findOneBy({ id });
  }

  findByIds(ids: readonly number[], manager?: EntityManager): Promise<CompanyRecord[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager(manager)
      .getRepository(Company)
      .findBy({ id: In([...ids]) });
  }

  /** Every company whose home station is in the actor's org subtree. */
  inScope(actor: Actor): Promise<CompanyRecord[]> {
    return whereOrgInScope(this.ds.getRepository(Company).createQueryBuilder('c'), actor, 'c.homeStationId').getMany();
  }

  /** Service sites whose station is in the actor's org subtree, newest first (activities offer them as places). */
  sitesInScope(actor: Actor, limit: number): Promise<ServiceSiteRecord[]> {
    return whereOrgInScope(this.ds.getRepository(ServiceSite).createQueryBuilder('s'), actor, 's.stationId')
      .orderBy('s.id', 'DESC')
      .limit(limit)
      .getMany();
  }

  findSiteById(id: number, manager?: EntityManager): Promise<ServiceSiteRecord | null> {
    return this.manager(manager).getRepository(ServiceSite).findOneBy({ id });
  }

  findSitesByIds(ids: readonly number[], manager?: EntityManager): Promise<ServiceSiteRecord[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager(manager)
      .getRepository(ServiceSite)
      .findBy({ id: In([...ids]) });
  }

  /** Id, name, type and home station of companies (all, or those of the given stations), by id: the dashboard's figures. */
  async briefAtStations(
    stationIds?: readonly number[],
  ): Promise<Pick<CompanyRecord, 'id' | 'name' | 'type' | 'homeStationId'>[]> {
    if (stationIds && stationIds.length === 0) return [];
    const qb = this.ds
      .getRepository(Company)
      .createQueryBuilder('c')
      .select(['c.id', 'c.name', 'c.type', 'c.homeStationId'])
      .orderBy('c.id', 'ASC');
    if (stationIds) qb.where('c.homeStationId IN (:...stationIds)', { stationIds: [...stationIds] });
    return qb.getMany();
  }
}
