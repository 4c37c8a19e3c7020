import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  validateCreditCode,
  type CompanyOption,
  type CompanyResponse,
  type Page,
  type ServiceSiteResponse,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { PiiCipher } from '../../common/pii/pii-cipher.js';
import { toPage } from '../../common/pagination.js';
import { assertPathInScope, whereOrgInScope } from '../../common/scope/org-scope.js';
import { AuditService } from '../audit/audit.service.js';
import { OrgService } from '../org/org.service.js';
import type { OrgUnitRecord } from '../org/org.mapper.js';
import { UserQueries } from '../users/user-queries.js';
import { CompanyReferences } from './company-references.js';
import { isDuplicateKey } from '../../database/raw-sql.js';
import { Company } from './company.entity.js';
import { ServiceSite } from './service-site.entity.js';
import { toCompanyOption, toCompanyResponse, toSiteResponse } from './companies.mapper.js';
import type { CompanyQueryDto, CreateCompanyDto, ServiceSiteDto, UpdateCompanyDto } from './companies.dto.js';
import { Clock } from '../../common/clock/clock.js';

/** Security employers and their service sites, scoped by the company's home station. */
@Injectable()
export class CompaniesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pii: PiiCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly users: UserQueries,
    private readonly references: CompanyReferences,
  ) {}

  async list(actor: Actor, q: CompanyQueryDto): Promise<Page<CompanyResponse>> {
    const qb = this.dataSource.getRepository(Company).createQueryBuilder('c').innerJoinAndSelect('c.homeStation', 'hs');
    whereOrgInScope(qb, actor, 'c.homeStationId');
    if (q.type) qb.andWhere('c.type = :type', { type: q.type });
    if (q.q) qb.andWhere("(c.name LIKE :kw ESCAPE '!' OR c.creditCode LIKE :kw ESCAPE '!')", { kw: likeContains(q.q) });
    const [rows, total] = await qb
      .orderBy('c.id', 'ASC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getManyAndCount();
    await this.attachSites(rows);
    return toPage(
      rows.map((c) => toCompanyResponse(c, this.pii)),
      total,
      q,
    );
  }

  async get(actor: Actor, id: number): Promise<CompanyResponse> {
    return toCompanyResponse(await this.loadInScope(actor, id), this.pii);
  }

  /** Employers and sites an applicant can pick from (names only; no personal data). */
  async options(q?: string): Promise<CompanyOption[]> {
    const qb = this.dataSource
      .getRepository(Company)
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.sites', 's')
      .leftJoinAndSelect('s.station', 'st');
    if (q) qb.where("c.name LIKE :kw ESCAPE '!'", { kw: likeContains(q) });
    const rows = await qb.orderBy('c.name', 'ASC').take(50).getMany();
    return rows.map(toCompanyOption);
  }

  async create(actor: Actor, dto: CreateCompanyDto): Promise<CompanyResponse> {
    const creditCode = checkCreditCode(dto.creditCode);
    await this.requireStationInScope(actor, dto.homeStationId);
    const id = await this.dataSource
      .transaction(async (m) => {
        if (dto.managerUserId) await this.requireFreeManager(m, dto.managerUserId, null);
        const now = this.clock.now();
        const res = await m.getRepository(Company).insert({
          name: dto.name.trim(),
          type: dto.type,
          creditCode,
          homeStationId: dto.homeStationId,
          contactName: dto.contactName ?? null,
          contactPhoneEnc: this.pii.encrypt(dto.contactPhone ?? null),
          contactPhoneHash: dto.contactPhone ? this.pii.hash('phone', dto.contactPhone) : null,
          equipment: dto.equipment ?? {},
          managerUserId: dto.managerUserId ?? null,
          createdAt: now,
          updatedAt: now,
        });
        const newId = res.identifiers[0].id as number;
        await this.audit.record(m, actor, {
          action: 'company.create',
          targetType: 'company',
          targetId: String(newId),
          orgUnitId: dto.homeStationId,
          after: { name: dto.name, type: dto.type, creditCode },
        });
        return newId;
      })
      .catch(rethrowDuplicate);
    return this.get(actor, id);
  }

  async update(actor: Actor, id: number, dto: UpdateCompanyDto): Promise<CompanyResponse> {
    const before = await this.loadInScope(actor, id);
    const patch: Partial<Company> = { updatedAt: this.clock.now() };
    if (dto.name !== undefined) patch.name = dto.name.trim();
    if (dto.type !== undefined) patch.type = dto.type;
    if (dto.creditCode !== undefined) patch.creditCode = checkCreditCode(dto.creditCode);
    if (dto.homeStationId !== undefined) {
      await this.requireStationInScope(actor, dto.homeStationId);
      patch.homeStationId = dto.homeStationId;
    }
    if (dto.contactName !== undefined) patch.contactName = dto.contactName;
    if (dto.contactPhone !== undefined)
      Object.assign(patch, {
        contactPhoneEnc: this.pii.encrypt(dto.contactPhone),
        contactPhoneHash: dto.contactPhone ? this.pii.hash('phone', dto.contactPhone) : null,
      });
    if (dto.equipment !== undefined) patch.equipment = dto.equipment;
    await this.dataSource
      .transaction(async (m) => {
        if (dto.managerUserId !== undefined) {
          if (dto.managerUserId) await this.requireFreeManager(m, dto.managerUserId, id);
          patch.managerUserId = dto.managerUserId;
        }
        await m.getRepository(Company).update(id, patch);
        const { updatedAt: _u, contactPhoneEnc: _p, contactPhoneHash: _h, ...summary } = patch;
        await this.audit.record(m, actor, {
          action: 'company.update',
          targetType: 'company',
          targetId: String(id),
          orgUnitId: patch.homeStationId ?? before.homeStationId,
          before: {
            name: before.name,
            type: before.type,
            creditCode: before.creditCode,
            homeStationId: before.homeStationId,
            equipment: before.equipment,
            managerUserId: before.managerUserId,
          },
          after: { ...summary, ...(dto.contactPhone !== undefined ? { contactPhone: 'changed' } : {}) },
        });
      })
      .catch(rethrowDuplicate);
    return this.get(actor, id);
  }

  async addSite(actor: Actor, companyId: number, dto: ServiceSiteDto): Promise<ServiceSiteResponse> {
    const company = await this.loadInScope(actor, companyId);
    // A site may lie in another district (guards sent across): the station need not be in the actor's scope.
    await this.requireStation(dto.stationId);
    const siteId = await this.dataSource.transaction(async (m) => {
      const res = await m.getRepository(ServiceSite).insert({
        companyId,
        name: dto.name.trim(),
        address: dto.address.trim(),
        lat: dto.lat ?? null,
        lng: dto.lng ?? null,
        stationId: dto.stationId,
        createdAt: this.clock.now(),
      });
      const newId = res.identifiers[0].id as number;
      await this.audit.record(m, actor, {
        action: 'company.site.create',
        targetType: 'service_site',
        targetId: String(newId),
        orgUnitId: company.homeStationId,
        after: { companyId, ...dto },
      });
      return newId;
    });
    return this.getSite(companyId, siteId);
  }

  async updateSite(actor: Actor, companyId: number, siteId: number, dto: ServiceSiteDto): Promise<ServiceSiteResponse> {
    const company = await this.loadInScope(actor, companyId);
    const before = company.sites?.find((s) => s.id === siteId);
    if (!before) throw AppException.notFound();
    await this.requireStation(dto.stationId);
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(ServiceSite).update(siteId, {
        name: dto.name.trim(),
        address: dto.address.trim(),
        lat: dto.lat ?? null,
        lng: dto.lng ?? null,
        stationId: dto.stationId,
      });
      await this.audit.record(m, actor, {
        action: 'company.site.update',
        targetType: 'service_site',
        targetId: String(siteId),
        orgUnitId: company.homeStationId,
        before: {
          name: before.name,
          address: before.address,
          lat: before.lat,
          lng: before.lng,
          stationId: before.stationId,
        },
        after: { ...dto },
      });
    });
    return this.getSite(companyId, siteId);
  }

  /** Only a company nobody refers to (no roster guards, volunteers or applications) can be deleted. */
  async remove(actor: Actor, id: number): Promise<void> {
    const company = await this.loadInScope(actor, id);
    await this.dataSource.transaction(async (m) => {
      if ((await this.references.count(m, { companyId: id })) > 0) throw new AppException('COMPANY_IN_USE');
      await m.getRepository(ServiceSite).delete({ companyId: id });
      await m.getRepository(Company).delete(id);
      await this.audit.record(m, actor, {
        action: 'company.delete',
        targetType: 'company',
        targetId: String(id),
        orgUnitId: company.homeStationId,
        before: { name: company.name, creditCode: company.creditCode },
      });
    });
  }

  async removeSite(actor: Actor, companyId: number, siteId: number): Promise<void> {
    const company = await this.loadInScope(actor, companyId);
    const site = company.sites?.find((s) => s.id === siteId);
    if (!site) throw AppException.notFound();
    await this.dataSource.transaction(async (m) => {
      // Volunteers and applications keep the site they serve at (it decides their station): a site
      // someone still refers to stays until they are moved.
      const people = await this.references.count(m, { siteId });
      if (people > 0) throw new AppException('SITE_IN_USE', { people });
      await m.getRepository(ServiceSite).delete({ id: siteId, companyId });
      await this.audit.record(m, actor, {
        action: 'company.site.delete',
        targetType: 'service_site',
        targetId: String(siteId),
        orgUnitId: company.homeStationId,
        before: { name: site.name, address: site.address, stationId: site.stationId },
      });
    });
  }

  async loadInScope(actor: Actor, id: number): Promise<Company> {
    const qb = this.dataSource
      .getRepository(Company)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.homeStation', 'hs')
      .where('c.id = :id', { id });
    const company = await whereOrgInScope(qb, actor, 'c.homeStationId').getOne();
    if (!company) throw AppException.notFound();
    await this.attachSites([company]);
    return company;
  }

  /** The home station of the company a user manages, or null when they manage none. */
  async managedCompanyStationId(userId: number): Promise<number | null> {
    const company = await this.dataSource
      .getRepository(Company)
      .findOne({ where: { managerUserId: userId }, select: { id: true, homeStationId: true } });
    return company?.homeStationId ?? null;
  }

  /** The company a company manager is linked to, or COMPANY_NOT_LINKED. */
  async forManager(actor: Actor): Promise<Company> {
    const company = await this.dataSource
      .getRepository(Company)
      .findOne({ where: { managerUserId: actor.userId }, relations: { homeStation: true } });
    if (!company) throw new AppException('COMPANY_NOT_LINKED');
    await this.attachSites([company]);
    return company;
  }

  private async getSite(companyId: number, siteId: number): Promise<ServiceSiteResponse> {
    const site = await this.dataSource
      .getRepository(ServiceSite)
      .findOneOrFail({ where: { id: siteId, companyId }, relations: { station: true } });
    return toSiteResponse(site);
  }

  private async attachSites(companies: Company[]): Promise<void> {
    if (!companies.length) return;
    const sites = await this.dataSource
      .getRepository(ServiceSite)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.station', 'st')
      .where('s.companyId IN (:...ids)', { ids: companies.map((c) => c.id) })
      .getMany();
    for (const c of companies) c.sites = sites.filter((s) => s.companyId === c.id);
  }

  private async requireStation(id: number): Promise<OrgUnitRecord> {
    const unit = await this.org.findById(id);
    if (!unit) throw AppException.notFound({ orgUnitId: id });
    if (unit.level !== 'station') throw new AppException('ORG_UNIT_NOT_STATION', { orgUnitId: id });
    return unit;
  }

  private async requireStationInScope(actor: Actor, id: number): Promise<OrgUnitRecord> {
    const unit = await this.org.findById(id);
    assertPathInScope(actor, unit?.path);
    if (unit!.level !== 'station') throw new AppException('ORG_UNIT_NOT_STATION', { orgUnitId: id });
    return unit!;
  }

  private async requireFreeManager(m: EntityManager, userId: number, companyId: number | null): Promise<void> {
    const user = await this.users.findById(userId, m);
    if (!user || !user.roles.includes('company_manager'))
      throw new AppException('COMPANY_MANAGER_INVALID', { managerUserId: userId });
    const other = await m.getRepository(Company).findOneBy({ managerUserId: userId });
    if (other && other.id !== companyId) throw new AppException('COMPANY_MANAGER_INVALID', { managerUserId: userId });
  }
}

function checkCreditCode(raw: string): string {
  const r = validateCreditCode(raw);
  if (!r.ok)
    throw new AppException(
      r.problem === 'format' ? 'COMPANY_CREDIT_CODE_INVALID' : 'COMPANY_CREDIT_CODE_CHECK_FAILED',
      { field: 'creditCode' },
    );
  return r.code;
}

function rethrowDuplicate(err: unknown): never {
  // Pre-checks give the precise code; a unique-key loss here is a simultaneous create with the same code.
  if (isDuplicateKey(err)) throw new AppException('COMPANY_CREDIT_CODE_TAKEN', { field: 'creditCode' });
  throw err;
}

export function likeContains(s: string): string {
  return `%${s.replace(/[%_!]/g, '!$&')}%`;
}
