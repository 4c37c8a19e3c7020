import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, MoreThanOrEqual, type SelectQueryBuilder } from 'typeorm';
import {
  addCalendarDays,
  maskPhone,
  type ExemptionResponse,
  type Page,
  type RevealPiiResponse,
  type VolunteerArchiveResponse,
  type VolunteerPiiField,
  type VolunteerCardResponse,
  type VolunteerListItem,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { PiiCipher } from '../../common/pii/pii-cipher.js';
import { contactPhone, maskedContacts, sealContacts } from '../../common/pii/sealed-contacts.js';
import { toPage } from '../../common/pagination.js';
import { assertPathInScope, scopePrefix } from '../../common/scope/org-scope.js';
import { toOrgSummary } from '../org/org.mapper.js';
import { AuditService } from '../audit/audit.service.js';
import { OrgService } from '../org/org.service.js';
import { unitIdsUnderSql, type OrgUnitRecord } from '../org/org.mapper.js';
import { CompanyQueries } from '../companies/company-queries.js';
import { CriminalRecordCheck } from './criminal-record-check.entity.js';
import { enrolmentConfig, type EnrolmentConfig } from '../../config/enrolment.config.js';
import { likeContains } from '../companies/companies.service.js';
import { Volunteer } from './volunteer.entity.js';
import { DutyExemption } from './duty-exemption.entity.js';
import { StationAssignmentService } from './station-assignment.service.js';
import { maskedIdOf, toExemptionResponse, toVolunteerCard, toVolunteerListItem } from './volunteers.mapper.js';
import type {
  CriminalCheckDto,
  ExemptionDto,
  ReassignDto,
  UpdateVolunteerDto,
  VolunteerQueryDto,
} from './volunteers.dto.js';
import { Clock } from '../../common/clock/clock.js';

const DAY_MS = 86_400_000;

/**
 * The volunteer archive (docs/product.md#volunteers-archive): the volunteer's own member card and the staff record. Staff
 * see volunteers managed by a station in their subtree or living in a community in it.
 */
@Injectable()
export class VolunteerArchiveService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(enrolmentConfig.KEY) private readonly config: EnrolmentConfig,
    private readonly pii: PiiCipher,
    private readonly audit: AuditService,
    private readonly assignments: StationAssignmentService,
    private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly companies: CompanyQueries,
  ) {}

  async myCard(actor: Actor): Promise<VolunteerCardResponse> {
    const v = await this.dataSource.getRepository(Volunteer).findOneBy({ userId: actor.userId });
    if (!v) throw AppException.notFound();
    return this.card(v);
  }

  /** Scoped query over volunteers; also used by the talent pool. */
  scoped(actor: Actor): SelectQueryBuilder<Volunteer> {
    const scope = unitIdsUnderSql('so', 'scopePrefix');
    return this.dataSource
      .getRepository(Volunteer)
      .createQueryBuilder('v')
      .where(`(v.stationId IN (${scope}) OR v.residenceCommunityId IN (${scope}))`, {
        scopePrefix: `${scopePrefix(actor)}%`,
      });
  }

  async list(actor: Actor, q: VolunteerQueryDto): Promise<Page<VolunteerListItem>> {
    const qb = this.scoped(actor);
    const kw = q.q?.trim() ?? '';
    // a whole phone or ID number is looked up by its keyed hash (never stored in the clear)
    if (/^1[3-9]\d{9}$/.test(kw)) qb.andWhere('v.phoneHash = :phoneHash', { phoneHash: this.pii.hash('phone', kw) });
    else if (/^\d{17}[\dXx]$/.test(kw)) qb.andWhere('v.idHash = :idHash', { idHash: this.pii.hash('id_number', kw) });
    else if (q.q)
      qb.andWhere("(v.name LIKE :kw ESCAPE '!' OR v.memberNo LIKE :kw ESCAPE '!')", { kw: likeContains(q.q) });
    if (q.status) qb.andWhere('v.status = :status', { status: q.status });
    if (q.tier) qb.andWhere('v.tier = :tier', { tier: q.tier });
    if (q.skill) qb.andWhere("v.skills LIKE :skill ESCAPE '!'", { skill: likeContains(`"name":"${q.skill}"`) });
    if (q.orgUnitId) await this.whereArea(actor, qb, q.orgUnitId);
    const [rows, total] = await qb
      .orderBy('v.id', 'ASC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getManyAndCount();
    return toPage(await this.listItems(rows), total, q);
  }

  async whereArea(actor: Actor, qb: SelectQueryBuilder<Volunteer>, orgUnitId: number): Promise<void> {
    const area = await this.org.findById(orgUnitId);
    assertPathInScope(actor, area?.path);
    qb.andWhere(`v.stationId IN (${unitIdsUnderSql('ao', 'areaPrefix')})`, {
      areaPrefix: `${area!.path}%`,
    });
  }

  async listItems(rows: Volunteer[]): Promise<VolunteerListItem[]> {
    const stations = await this.units(rows.map((v) => v.stationId));
    const exempt = await this.exemptIds(rows.map((v) => v.id));
    return rows.map((v) =>
      toVolunteerListItem(v, v.stationId ? (stations.get(v.stationId) ?? null) : null, this.pii, exempt.has(v.id)),
    );
  }

  async get(actor: Actor, id: number): Promise<VolunteerArchiveResponse> {
    const v = await this.loadInScope(actor, id);
    const today = this.clock.today();
    const [card, exemptions, site, residence, pendingTransfer] = await Promise.all([
      this.card(v),
      this.dataSource.getRepository(DutyExemption).find({ where: { volunteerId: id }, order: { id: 'DESC' } }),
      v.siteId ? this.companies.findSiteById(v.siteId) : null,
      v.residenceCommunityId ? this.org.findById(v.residenceCommunityId) : null,
      this.assignments.pendingFor(id),
    ]);
    return {
      ...card,
      id: v.id,
      userId: v.userId,
      idNumberMasked: maskedIdOf(v, this.pii),
      phoneMasked: maskPhone(this.pii.decrypt(v.phoneEnc)),
      sex: v.sex,
      birthDate: v.birthDate,
      occupation: v.occupation,
      site: site ? { id: site.id, name: site.name } : null,
      residenceCommunity: residence ? toOrgSummary(residence) : null,
      contacts: maskedContacts(this.pii, v.contacts),
      training: v.training ?? [],
      commendations: v.commendations ?? [],
      notes: v.notes,
      applicationId: v.applicationId,
      criminalCheckedAt: v.criminalCheckedAt ? v.criminalCheckedAt.toISOString() : null,
      criminalCheckDueOn: v.criminalCheckedAt
        ? addCalendarDays(this.clock.today(v.criminalCheckedAt), this.config.criminalRecheckDays)
        : null,
      statusReason: v.statusReason,
      exemptions: exemptions.map((e) => toExemptionResponse(e, today)),
      pendingTransfer,
    };
  }

  async update(actor: Actor, id: number, dto: UpdateVolunteerDto): Promise<VolunteerArchiveResponse> {
    const v = await this.loadInScope(actor, id);
    const statusChanges = dto.status !== undefined && dto.status !== v.status;
    if (statusChanges && !dto.statusReason?.trim())
      throw new AppException('STATUS_REASON_REQUIRED', { field: 'statusReason' });
    const patch: Partial<Volunteer> = {};
    for (const key of ['tier', 'teams', 'skills', 'equipment', 'training', 'commendations', 'notes'] as const) {
      if (dto[key] !== undefined) (patch as Record<string, unknown>)[key] = dto[key];
    }
    if (dto.contacts) patch.contacts = sealContacts(this.pii, dto.contacts);
    if (statusChanges)
      Object.assign(patch, {
        status: dto.status,
        statusReason: dto.statusReason!.trim(),
        statusChangedAt: this.clock.now(),
      });
    if (!Object.keys(patch).length) return this.get(actor, id);
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(Volunteer).update(id, patch);
      const before = Object.fromEntries(
        Object.keys(patch).map((k) => [k, (v as unknown as Record<string, unknown>)[k]]),
      );
      const after = { ...patch, contacts: patch.contacts ? `${patch.contacts.length} contacts` : undefined };
      await this.audit.record(m, actor, {
        action: 'volunteer.update',
        targetType: 'volunteer',
        targetId: String(id),
        orgUnitId: v.stationId,
        before: { ...before, contacts: undefined },
        after,
      });
    });
    return this.get(actor, id);
  }

  /** `contact`: the emergency contact's position in `contacts` when `field` is `contactPhone`. */
  async reveal(actor: Actor, id: number, field: VolunteerPiiField, contact?: number): Promise<RevealPiiResponse> {
    const v = await this.loadInScope(actor, id);
    if (field === 'contactPhone') {
      const c = v.contacts?.[contact ?? -1];
      if (!c) throw AppException.notFound();
      const value = contactPhone(this.pii, c);
      // the audit names whose number was seen (the contact), never the number itself
      await this.dataSource.transaction((m) =>
        this.audit.record(m, actor, {
          action: 'pii.reveal',
          targetType: 'volunteer',
          targetId: String(id),
          orgUnitId: v.stationId,
          after: { field, contact, contactName: c.name, relation: c.relation },
        }),
      );
      return { field, value };
    }
    const value = this.pii.decrypt(field === 'idNumber' ? v.idEnc : v.phoneEnc);
    await this.dataSource.transaction((m) =>
      this.audit.record(m, actor, {
        action: 'pii.reveal',
        targetType: 'volunteer',
        targetId: String(id),
        orgUnitId: v.stationId,
        after: { field },
      }),
    );
    return { field, value };
  }

  async reassign(actor: Actor, id: number, dto: ReassignDto) {
    const v = await this.loadInScope(actor, id);
    const current = v.stationId ? await this.org.findById(v.stationId) : null;
    return this.assignments.reassign(actor, v, current, dto);
  }

  async history(actor: Actor, id: number) {
    await this.loadInScope(actor, id);
    return this.assignments.history(id);
  }

  async addExemption(actor: Actor, id: number, dto: ExemptionDto): Promise<ExemptionResponse> {
    const v = await this.loadInScope(actor, id);
    const today = this.clock.today();
    if (dto.endsOn < today || Number.isNaN(Date.parse(`${dto.endsOn}T00:00:00Z`)))
      throw new AppException('EXEMPTION_END_INVALID', { field: 'endsOn' });
    const row = await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(DutyExemption);
      const saved = await repo.save(
        repo.create({
          volunteerId: id,
          reason: dto.reason.trim(),
          endsOn: dto.endsOn,
          createdById: actor.userId,
          createdByName: actor.displayName,
          createdAt: this.clock.now(),
        }),
      );
      await this.audit.record(m, actor, {
        action: 'volunteer.exemption.create',
        targetType: 'volunteer',
        targetId: String(id),
        orgUnitId: v.stationId,
        after: { reason: dto.reason, endsOn: dto.endsOn },
      });
      return saved;
    });
    return toExemptionResponse(row, today);
  }

  /** Yearly re-check (docs/product.md#volunteers-archive): recorded like the first one; a failed re-check suspends. */
  async recordRecheck(actor: Actor, id: number, dto: CriminalCheckDto): Promise<VolunteerArchiveResponse> {
    const v = await this.loadInScope(actor, id);
    const checkedAt = new Date(dto.checkedAt);
    if (checkedAt.getTime() > this.clock.nowMs() + 60_000)
      throw new AppException('CRIMINAL_CHECK_DATE_INVALID', { field: 'checkedAt' });
    await this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      await m.getRepository(CriminalRecordCheck).insert({
        applicationId: null,
        volunteerId: id,
        result: dto.result,
        checkedBy: dto.checkedBy.trim(),
        checkedAt,
        note: dto.note ?? null,
        recordedById: actor.userId,
        recordedByName: actor.displayName,
        recordedAt: now,
      });
      const patch: Partial<Volunteer> = { criminalCheckedAt: checkedAt };
      if (dto.result === 'record' && v.status === 'active')
        Object.assign(patch, { status: 'suspended', statusReason: '年度政审复核未通过', statusChangedAt: now });
      await m.getRepository(Volunteer).update(id, patch);
      await this.audit.record(m, actor, {
        action: 'volunteer.criminal_recheck',
        targetType: 'volunteer',
        targetId: String(id),
        orgUnitId: v.stationId,
        before: { status: v.status },
        after: {
          result: dto.result,
          checkedBy: dto.checkedBy,
          checkedAt: dto.checkedAt,
          status: patch.status ?? v.status,
        },
      });
    });
    return this.get(actor, id);
  }

  async loadInScope(actor: Actor, id: number): Promise<Volunteer> {
    const v = await this.scoped(actor).andWhere('v.id = :id', { id }).getOne();
    if (!v) throw AppException.notFound();
    return v;
  }

  private async card(v: Volunteer): Promise<VolunteerCardResponse> {
    const today = this.clock.today();
    const [station, company, exempt] = await Promise.all([
      v.stationId ? this.org.findById(v.stationId) : null,
      v.companyId ? this.companies.findById(v.companyId) : null,
      this.exemptIds([v.id]),
    ]);
    let days: number | null = null;
    if (v.status === 'active' && !exempt.has(v.id)) {
      const ref = (v.lastDutyAt ?? v.joinedAt).getTime();
      days = Math.max(0, this.config.inactivityRevokeDays - Math.floor((this.clock.nowMs() - ref) / DAY_MS));
    }
    return toVolunteerCard(v, {
      station,
      company: company ? { id: company.id, name: company.name } : null,
      today,
      certificateWarnDays: this.config.certificateWarnDays,
      daysUntilRevocation: days,
    });
  }

  private async units(ids: (number | null)[]): Promise<Map<number, OrgUnitRecord>> {
    const unique = [...new Set(ids.filter((x): x is number => !!x))];
    if (!unique.length) return new Map();
    return new Map((await this.org.findByIds(unique)).map((u) => [u.id, u]));
  }

  private async exemptIds(volunteerIds: number[]): Promise<Set<number>> {
    if (!volunteerIds.length) return new Set();
    const rows = await this.dataSource
      .getRepository(DutyExemption)
      .findBy({ volunteerId: In(volunteerIds), endsOn: MoreThanOrEqual(this.clock.today()) });
    return new Set(rows.map((r) => r.volunteerId));
  }
}
