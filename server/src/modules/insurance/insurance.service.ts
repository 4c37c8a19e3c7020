import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type InsertResult } from 'typeorm';
import type { EnrolResponse, MyInsuranceResponse, Page, PolicyResponse } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { toPage, type PageQueryDto } from '../../common/pagination.js';
import { assertPathInScope, wherePathInScope } from '../../common/scope/org-scope.js';
import { AuditService } from '../audit/audit.service.js';
import { ActivityQueries } from '../activities/activity-queries.js';
import { isDuplicateKey, withRetryOnLockConflict } from '../../database/raw-sql.js';
import { OrgService } from '../org/org.service.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import type { CreatePolicyDto } from './insurance.dto.js';
import { InsuranceEnrolment } from './entities/insurance-enrolment.entity.js';
import { InsurancePolicy } from './entities/insurance-policy.entity.js';
import { Clock } from '../../common/clock/clock.js';

/** Accident insurance policies and who they cover; the high-risk sign-up gate reads the enrolments. */
@Injectable()
export class InsuranceService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly volunteers: VolunteerQueries,
    private readonly activities: ActivityQueries,
  ) {}

  async create(actor: Actor, dto: CreatePolicyDto): Promise<PolicyResponse> {
    const unit = await this.org.findById(dto.orgUnitId ?? actor.orgUnitId ?? 0);
    if (!unit) throw AppException.notFound();
    assertPathInScope(actor, unit.path);
    const validFrom = new Date(dto.validFrom);
    const validTo = new Date(dto.validTo);
    if (!(validTo > validFrom)) throw new AppException('INSURANCE_INVALID_PERIOD');
    const id = await this.ds
      .transaction(async (m) => {
        const p = await m.getRepository(InsurancePolicy).save(
          m.getRepository(InsurancePolicy).create({
            insurer: dto.insurer,
            policyNo: dto.policyNo,
            validFrom,
            validTo,
            orgUnitId: unit.id,
            orgPath: unit.path,
            createdByUserId: actor.userId,
            createdAt: this.clock.now(),
          }),
        );
        await this.audit.record(m, actor, {
          action: 'insurance.policy.create',
          targetType: 'insurance_policy',
          targetId: String(p.id),
          orgUnitId: unit.id,
          after: { insurer: p.insurer, policyNo: p.policyNo },
        });
        return p.id;
      })
      .catch((err: unknown) => {
        if (isDuplicateKey(err)) throw new AppException('INSURANCE_POLICY_NO_TAKEN');
        throw err;
      });
    return this.get(actor, id);
  }

  async list(actor: Actor, q: PageQueryDto): Promise<Page<PolicyResponse>> {
    const [rows, total] = await wherePathInScope(
      this.ds.getRepository(InsurancePolicy).createQueryBuilder('p'),
      actor,
      'p.orgPath',
    )
      .orderBy('p.id', 'DESC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getManyAndCount();
    return toPage(await Promise.all(rows.map((p) => this.toResponse(p))), total, q);
  }

  async get(actor: Actor, id: number): Promise<PolicyResponse> {
    return this.toResponse(await this.loadInScope(actor, id));
  }

  /** Enrols volunteers of the viewer's scope; already insured ones are counted, not duplicated. */
  async enrol(
    actor: Actor,
    id: number,
    volunteerIds: number[],
    activityId: number | null = null,
  ): Promise<EnrolResponse> {
    const policy = await this.loadInScope(actor, id);
    // ascending, so simultaneous enrolments take the unique-key locks in one order (no deadlock between them)
    const ids = [...new Set(volunteerIds)].sort((a, b) => a - b);
    if (activityId === null && ids.length) {
      const found = await this.volunteers.findByIds(ids);
      const stations = await this.org.findByIds(found.map((v) => v.stationId ?? 0));
      const path = new Map(stations.map((s) => [s.id, s.path]));
      if (found.length !== ids.length)
        throw AppException.notFound({ volunteerIds: ids.filter((x) => !found.some((v) => v.id === x)) });
      for (const v of found) assertPathInScope(actor, path.get(v.stationId ?? 0));
    }
    const enrolled = await this.insertEnrolments(actor, policy, ids, activityId);
    return {
      enrolled,
      alreadyInsured: ids.length - enrolled,
      insuredCount: await this.ds.getRepository(InsuranceEnrolment).countBy({ policyId: id }),
    };
  }

  /** Bulk enrolment for an activity: every confirmed sign-up is insured under the policy. */
  async enrolActivity(actor: Actor, id: number, activityId: number): Promise<EnrolResponse> {
    const volunteerIds = await this.activities.confirmedVolunteerIds(actor, activityId);
    if (!volunteerIds.length)
      return {
        enrolled: 0,
        alreadyInsured: 0,
        insuredCount: await this.ds.getRepository(InsuranceEnrolment).countBy({ policyId: id }),
      };
    return this.enrol(actor, id, volunteerIds, activityId);
  }

  async mine(actor: Actor): Promise<MyInsuranceResponse> {
    const v = await this.volunteers.findByUserId(actor.userId);
    if (!v) return { policies: [] };
    const enrolments = await this.ds.getRepository(InsuranceEnrolment).find({ where: { volunteerId: v.id } });
    const policies = enrolments.length
      ? await this.ds
          .getRepository(InsurancePolicy)
          .find({ where: { id: In(enrolments.map((e) => e.policyId)) }, order: { validTo: 'DESC' } })
      : [];
    const now = this.clock.now();
    return {
      policies: policies.map((p) => ({
        id: p.id,
        insurer: p.insurer,
        policyNo: p.policyNo,
        validFrom: p.validFrom.toISOString(),
        validTo: p.validTo.toISOString(),
        activeNow: p.validFrom <= now && now <= p.validTo,
      })),
    };
  }

  /**
   * Inserts the enrolments not there yet, in batches, and audits them; returns how many were new. The unique
   * key (policy, volunteer) with INSERT IGNORE settles simultaneous enrolments of the same volunteers: the
   * later one counts them as already insured. A transaction that still loses a lock race runs once more.
   */
  private async insertEnrolments(
    actor: Actor,
    policy: InsurancePolicy,
    ids: number[],
    activityId: number | null,
  ): Promise<number> {
    const run = () =>
      this.ds.transaction(async (m) => {
        const repo = m.getRepository(InsuranceEnrolment);
        const existing = new Set(
          (
            await repo.find({
              where: { policyId: policy.id, volunteerId: In(ids.length ? ids : [0]) },
              select: { volunteerId: true },
            })
          ).map((e) => e.volunteerId),
        );
        const fresh = ids.filter((v) => !existing.has(v));
        const now = this.clock.now();
        let enrolled = 0;
        for (let i = 0; i < fresh.length; i += 400) {
          const rows = fresh
            .slice(i, i + 400)
            .map((volunteerId) => ({ policyId: policy.id, volunteerId, activityId, createdAt: now }));
          const res = await repo.createQueryBuilder().insert().values(rows).orIgnore().execute();
          enrolled += insertedRows(res);
        }
        await this.audit.record(m, actor, {
          action: 'insurance.enrol',
          targetType: 'insurance_policy',
          targetId: String(policy.id),
          orgUnitId: policy.orgUnitId,
          after: { count: enrolled, activityId },
        });
        return enrolled;
      });
    return withRetryOnLockConflict(run, { attempts: 2 });
  }

  private async loadInScope(actor: Actor, id: number): Promise<InsurancePolicy> {
    const p = await wherePathInScope(
      this.ds.getRepository(InsurancePolicy).createQueryBuilder('p').where('p.id = :id', { id }),
      actor,
      'p.orgPath',
    ).getOne();
    if (!p) throw new AppException('NOT_FOUND');
    return p;
  }

  private async toResponse(p: InsurancePolicy): Promise<PolicyResponse> {
    const unit = await this.org.findById(p.orgUnitId);
    return {
      id: p.id,
      insurer: p.insurer,
      policyNo: p.policyNo,
      validFrom: p.validFrom.toISOString(),
      validTo: p.validTo.toISOString(),
      orgUnit: { id: p.orgUnitId, name: unit?.name ?? '' },
      insuredCount: await this.ds.getRepository(InsuranceEnrolment).countBy({ policyId: p.id }),
      createdAt: p.createdAt.toISOString(),
    };
  }
}

/**
 * Rows an INSERT IGNORE really inserted: MariaDB answers with the RETURNING rows (none for an ignored one),
 * MySQL with affectedRows; otherwise the identifiers of the rows inserted (null for an ignored one).
 */
function insertedRows(res: InsertResult): number {
  const raw = res.raw as unknown;
  if (Array.isArray(raw)) return raw.length;
  const affected = (raw as { affectedRows?: unknown } | null | undefined)?.affectedRows;
  if (typeof affected === 'number') return affected;
  return res.identifiers.filter((x) => x && Object.keys(x).length > 0).length;
}
