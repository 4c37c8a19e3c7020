import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import {
  maskPhone,
  type InsuranceCandidate,
  type InsuranceCandidateFilters,
  type InsuranceCandidatePage,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { toPage } from '../../common/pagination.js';
import { PiiCipher } from '../../common/pii/pii-cipher.js';
import { wherePathInScope } from '../../common/scope/org-scope.js';
import { OrgService } from '../org/org.service.js';
import { TeamQueries } from '../teams/team-queries.js';
import { VolunteerQueries, type VolunteerRecord } from '../volunteers/volunteer-queries.js';
import { InsuranceEnrolment } from './entities/insurance-enrolment.entity.js';
import { InsurancePolicy } from './entities/insurance-policy.entity.js';
import type { CandidateQueryDto } from './insurance.dto.js';

type Row = Pick<VolunteerRecord, 'id' | 'name' | 'memberNo' | 'tier' | 'stationId' | 'phoneEnc'>;

/**
 * Whom staff may enrol under a policy: the active volunteers of the stations in their scope, found by name,
 * member number or the phone's last digits, by station, team and tier, and optionally only those not yet
 * insured. The phone is sealed, so the list is filtered in memory within the scope (one station's or one
 * branch's volunteers: hundreds to a few thousand light rows).
 */
@Injectable()
export class InsuranceCandidates {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly pii: PiiCipher,
    private readonly org: OrgService,
    private readonly volunteers: VolunteerQueries,
    private readonly teams: TeamQueries,
  ) {}

  async filters(actor: Actor, policyId: number): Promise<InsuranceCandidateFilters> {
    await this.assertPolicyInScope(actor, policyId);
    const stations = await this.org.stationsInScope(actor);
    const teams = await this.teams.findAtStations(stations.map((s) => s.id));
    return {
      stations: stations.map((s) => ({ id: s.id, name: s.name })),
      teams: teams.map((t) => ({ id: t.id, name: t.name, stationId: t.stationId })),
    };
  }

  async list(actor: Actor, policyId: number, q: CandidateQueryDto): Promise<InsuranceCandidatePage> {
    await this.assertPolicyInScope(actor, policyId);
    const stations = await this.org.stationsInScope(actor);
    const names = new Map(stations.map((s) => [s.id, s.name]));
    let stationIds = stations.map((s) => s.id);
    if (q.stationId !== undefined) {
      if (!names.has(q.stationId)) throw AppException.notFound({ field: 'stationId' });
      stationIds = [q.stationId];
    }
    let rows: Row[] = await this.volunteers.findActiveAtStations(stationIds, q.tier);
    if (q.teamId !== undefined) rows = await this.inTeam(rows, q.teamId, stationIds);
    const kw = q.q?.trim() ?? '';
    if (kw) rows = rows.filter((v) => this.matches(v, kw));
    if (q.uninsured) {
      const covered = await (q.uninsured === 'policy' ? this.enrolledIn(policyId) : this.coveredNow());
      rows = rows.filter((v) => !covered.has(v.id));
    }
    const page = rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
    return toPage(await this.toItems(page, policyId, names), rows.length, q);
  }

  private async inTeam(rows: Row[], teamId: number, stationIds: number[]): Promise<Row[]> {
    const team = await this.teams.findById(teamId);
    if (!team || !stationIds.includes(team.stationId)) throw AppException.notFound({ field: 'teamId' });
    const members = new Set(await this.teams.memberIds(teamId));
    return rows.filter((v) => members.has(v.id));
  }

  /** Name or member number contains the words; 4 digits also match the phone's last four. */
  private matches(v: Row, kw: string): boolean {
    if ((v.name ?? '').includes(kw) || v.memberNo.includes(kw)) return true;
    if (!/^\d{4}$/.test(kw) || !v.phoneEnc) return false;
    return (this.pii.decrypt(v.phoneEnc) ?? '').endsWith(kw);
  }

  private async enrolledIn(policyId: number): Promise<Set<number>> {
    const rows = await this.ds
      .getRepository(InsuranceEnrolment)
      .find({ where: { policyId }, select: { volunteerId: true } });
    return new Set(rows.map((r) => r.volunteerId));
  }

  /** Volunteers under any policy in force now, with the latest end of their cover. */
  private async coverNow(volunteerIds?: number[]): Promise<Map<number, Date>> {
    const now = this.clock.now();
    const policies = await this.ds.getRepository(InsurancePolicy).find({
      where: { validFrom: LessThanOrEqual(now), validTo: MoreThanOrEqual(now) },
      select: { id: true, validTo: true },
    });
    const out = new Map<number, Date>();
    if (!policies.length || volunteerIds?.length === 0) return out;
    const ends = new Map(policies.map((p) => [p.id, p.validTo]));
    const enrolments = await this.ds.getRepository(InsuranceEnrolment).find({
      where: { policyId: In([...ends.keys()]), ...(volunteerIds ? { volunteerId: In(volunteerIds) } : {}) },
      select: { policyId: true, volunteerId: true },
    });
    for (const e of enrolments) {
      const until = ends.get(e.policyId)!;
      if (!out.has(e.volunteerId) || out.get(e.volunteerId)! < until) out.set(e.volunteerId, until);
    }
    return out;
  }

  private async coveredNow(): Promise<Set<number>> {
    return new Set((await this.coverNow()).keys());
  }

  private async toItems(rows: Row[], policyId: number, names: Map<number, string>): Promise<InsuranceCandidate[]> {
    const ids = rows.map((v) => v.id);
    const inPolicy = ids.length
      ? new Set(
          (
            await this.ds
              .getRepository(InsuranceEnrolment)
              .find({ where: { policyId, volunteerId: In(ids) }, select: { volunteerId: true } })
          ).map((e) => e.volunteerId),
        )
      : new Set<number>();
    const cover = await this.coverNow(ids);
    return rows.map((v) => ({
      id: v.id,
      name: v.name ?? '',
      memberNo: v.memberNo,
      tier: v.tier,
      station: v.stationId ? { id: v.stationId, name: names.get(v.stationId) ?? '' } : null,
      phoneMasked: maskPhone(this.pii.decrypt(v.phoneEnc)),
      inPolicy: inPolicy.has(v.id),
      coveredUntil: cover.get(v.id)?.toISOString() ?? null,
    }));
  }

  private async assertPolicyInScope(actor: Actor, id: number): Promise<void> {
    const found = await wherePathInScope(
      this.ds.getRepository(InsurancePolicy).createQueryBuilder('p').where('p.id = :id', { id }),
      actor,
      'p.orgPath',
    ).getExists();
    if (!found) throw AppException.notFound();
  }
}
