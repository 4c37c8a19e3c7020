import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  hasPermission,
  type ApplicationResponse,
  type Page,
  type ReviewStep,
  type RevealPiiResponse,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { PiiCipher } from '../../common/pii/pii-cipher.js';
import { toPage } from '../../common/pagination.js';
import { assertPathInScope, wherePathInScope } from '../../common/scope/org-scope.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { likeContains } from '../companies/companies.service.js';
import { VolunteerEnrolmentService } from '../volunteers/volunteer-enrolment.service.js';
import { Application } from './application.entity.js';
import { RosterMatchService } from '../roster/roster-match.service.js';
import { UserQueries } from '../users/user-queries.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { OrgService } from '../org/org.service.js';
import { CompanyQueries } from '../companies/company-queries.js';
import { enrolmentConfig, type EnrolmentConfig } from '../../config/enrolment.config.js';
import { loadLookups, type LookupSources } from './application-lookups.js';
import { toApplicationResponse } from './applications.mapper.js';
import type { ApplicationQueryDto } from './applications.dto.js';
import type { CriminalCheckDto } from '../volunteers/volunteers.dto.js';
import { Clock } from '../../common/clock/clock.js';

/**
 * Review (准入审核, docs/product.md#applications-and-review): community/station review, then branch approval — one step for a
 * green applicant. A recorded, clear criminal-record check is required before anything is
 * approved. Every transition is a conditional UPDATE on the expected status, so two reviewers
 * acting at once cannot both succeed.
 */
@Injectable()
export class ApplicationReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(enrolmentConfig.KEY) private readonly config: EnrolmentConfig,
    private readonly pii: PiiCipher,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly enrolment: VolunteerEnrolmentService,
    private readonly roster: RosterMatchService,
    private readonly clock: Clock,
    private readonly volunteerQueries: VolunteerQueries,
    private readonly users: UserQueries,
    private readonly org: OrgService,
    private readonly companies: CompanyQueries,
  ) {}

  private get lookupSources(): LookupSources {
    return { org: this.org, companies: this.companies, volunteers: this.volunteerQueries, roster: this.roster };
  }

  async list(actor: Actor, q: ApplicationQueryDto): Promise<Page<ApplicationResponse>> {
    const qb = wherePathInScope(this.dataSource.getRepository(Application).createQueryBuilder('a'), actor, 'a.orgPath');
    if (q.stage === 'review') qb.andWhere("a.status = 'pending_review'");
    if (q.stage === 'approval') qb.andWhere("a.status = 'pending_approval'");
    if (q.stage === 'decided') qb.andWhere("a.status IN ('approved', 'rejected')");
    if (q.status) qb.andWhere('a.status = :status', { status: q.status });
    if (q.green !== undefined) qb.andWhere('a.green = :green', { green: q.green });
    const slaCutoff = new Date(this.clock.nowMs() - this.config.reviewSlaDays * 86_400_000);
    if (q.overdue === true)
      qb.andWhere("a.status IN ('pending_review', 'pending_approval') AND a.submittedAt < :slaCutoff", { slaCutoff });
    if (q.overdue === false)
      qb.andWhere("(a.status NOT IN ('pending_review', 'pending_approval') OR a.submittedAt >= :slaCutoff)", {
        slaCutoff,
      });
    if (q.q) qb.andWhere("a.name LIKE :kw ESCAPE '!'", { kw: likeContains(q.q) });
    if (q.orgUnitId) {
      const area = await this.org.findById(q.orgUnitId);
      assertPathInScope(actor, area?.path);
      qb.andWhere('a.orgPath LIKE :areaPrefix', { areaPrefix: `${area!.path}%` });
    }
    // Oldest first: the queue is worked in arrival order, and overdue ones surface at the top.
    const [rows, total] = await qb
      .orderBy('a.submittedAt', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getManyAndCount();
    return toPage(await this.map(rows), total, q);
  }

  async get(actor: Actor, id: number): Promise<ApplicationResponse> {
    return (await this.map([await this.loadInScope(actor, id)]))[0];
  }

  async recordCriminalCheck(actor: Actor, id: number, dto: CriminalCheckDto): Promise<ApplicationResponse> {
    const app = await this.loadInScope(actor, id);
    this.requireStepPermission(actor, app);
    await this.assertNotOwn(actor, app);
    const checkedAt = new Date(dto.checkedAt);
    if (checkedAt.getTime() > this.clock.nowMs() + 60_000)
      throw new AppException('CRIMINAL_CHECK_DATE_INVALID', { field: 'checkedAt' });
    await this.dataSource.transaction(async (m) => {
      const checkId = await this.volunteerQueries.recordCriminalCheck(m, {
        applicationId: id,
        volunteerId: null,
        result: dto.result,
        checkedBy: dto.checkedBy.trim(),
        checkedAt,
        note: dto.note ?? null,
        recordedById: actor.userId,
        recordedByName: actor.displayName,
        recordedAt: this.clock.now(),
      });
      const updated = await m
        .getRepository(Application)
        .update({ id, status: app.status }, { criminalCheckId: checkId, updatedAt: this.clock.now() });
      if (!updated.affected) throw new AppException('APPLICATION_WRONG_STAGE');
      await this.audit.record(m, actor, {
        action: 'application.criminal_check',
        targetType: 'application',
        targetId: String(id),
        orgUnitId: app.reviewOrgUnitId,
        after: { result: dto.result, checkedBy: dto.checkedBy, checkedAt: dto.checkedAt },
      });
    });
    return this.get(actor, id);
  }

  async approve(actor: Actor, id: number): Promise<ApplicationResponse> {
    const app = await this.loadInScope(actor, id);
    const step = this.requireStepPermission(actor, app);
    await this.assertFourEyes(actor, app, step);
    const check = app.criminalCheckId ? await this.volunteerQueries.findCriminalCheck(app.criminalCheckId) : null;
    if (!check) throw new AppException('CRIMINAL_CHECK_REQUIRED');
    if (check.result !== 'clear') throw new AppException('CRIMINAL_CHECK_FAILED');
    const final = app.green || step === 'approval';
    const entry: ReviewStep = {
      step,
      decision: 'approved',
      by: { id: actor.userId, name: actor.displayName },
      at: this.clock.now().toISOString(),
      reason: null,
    };
    let notificationId: number | null = null;
    await this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const next = final
        ? { status: 'approved' as const, openKey: null, decidedAt: now }
        : { status: 'pending_approval' as const };
      const res = await m
        .getRepository(Application)
        .update({ id, status: app.status }, { ...next, steps: [...(app.steps ?? []), entry], updatedAt: now });
      if (!res.affected) throw new AppException('APPLICATION_WRONG_STAGE');
      if (final) notificationId = await this.finalize(m, actor, app, check.checkedAt);
      await this.audit.record(m, actor, {
        action: final ? 'application.approve' : 'application.review_pass',
        targetType: 'application',
        targetId: String(id),
        orgUnitId: app.reviewOrgUnitId,
        before: { status: app.status },
        after: { status: next.status, green: app.green },
      });
    });
    if (notificationId) await this.notifications.push([notificationId]);
    return this.get(actor, id);
  }

  async reject(actor: Actor, id: number, reason: string): Promise<ApplicationResponse> {
    const text = reason.trim();
    if (text.length < 2) throw new AppException('REJECT_REASON_REQUIRED', { field: 'reason' });
    const app = await this.loadInScope(actor, id);
    const step = this.requireStepPermission(actor, app);
    await this.assertNotOwn(actor, app);
    const entry: ReviewStep = {
      step,
      decision: 'rejected',
      by: { id: actor.userId, name: actor.displayName },
      at: this.clock.now().toISOString(),
      reason: text,
    };
    const notificationId = await this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const res = await m.getRepository(Application).update(
        { id, status: app.status },
        {
          status: 'rejected',
          openKey: null,
          rejectReason: text,
          decidedAt: now,
          steps: [...(app.steps ?? []), entry],
          updatedAt: now,
        },
      );
      if (!res.affected) throw new AppException('APPLICATION_WRONG_STAGE');
      await this.audit.record(m, actor, {
        action: 'application.reject',
        targetType: 'application',
        targetId: String(id),
        orgUnitId: app.reviewOrgUnitId,
        before: { status: app.status },
        after: { status: 'rejected', reason: text },
      });
      return this.notifications.create(m, {
        userId: app.userId,
        template: 'application_result',
        title: '义警申请未通过',
        body: `您的义警申请未通过审核，原因：${text}。您可以修改后重新提交。`,
        page: 'pages/application-status/index',
        data: { phrase1: '未通过', thing2: text.slice(0, 20) },
      });
    });
    await this.notifications.push([notificationId]);
    return this.get(actor, id);
  }

  async reveal(actor: Actor, id: number, field: 'idNumber' | 'phone'): Promise<RevealPiiResponse> {
    const app = await this.loadInScope(actor, id);
    const value = this.pii.decrypt(field === 'idNumber' ? app.idEnc : app.phoneEnc);
    await this.dataSource.transaction((m) =>
      this.audit.record(m, actor, {
        action: 'pii.reveal',
        targetType: 'application',
        targetId: String(id),
        orgUnitId: app.reviewOrgUnitId,
        after: { field },
      }),
    );
    return { field, value };
  }

  /** Creates the volunteer, station assignment and archive; returns the notification to push after commit. */
  private async finalize(m: EntityManager, actor: Actor, app: Application, checkedAt: Date): Promise<number> {
    const station = await this.org.findById(app.stationId, m);
    if (!station) throw new Error(`org unit ${app.stationId} not found`);
    const volunteer = await this.enrolment.enrol(m, actor, {
      userId: app.userId,
      applicationId: app.id,
      name: app.name,
      idEnc: app.idEnc,
      idHash: app.idHash,
      phoneEnc: app.phoneEnc,
      sex: app.sex,
      birthDate: app.birthDate,
      occupation: app.occupation,
      companyId: app.companyId,
      siteId: app.siteId,
      residenceCommunityId: app.residenceCommunityId,
      skills: app.skills ?? [],
      station,
      rule: app.assignmentRule,
      criminalCheckedAt: checkedAt,
    });
    await m.getRepository(Application).update(app.id, { volunteerId: volunteer.id });
    return this.notifications.create(m, {
      userId: app.userId,
      template: 'application_result',
      title: '义警申请已通过',
      body: `恭喜您成为江淮义警！义警编号 ${volunteer.memberNo}，管理派出所：${station.name}。`,
      page: 'pages/member-card/index',
      data: { phrase1: '已通过', character_string2: volunteer.memberNo, thing3: station.name },
    });
  }

  /** The step waiting on this application, if the actor may act on it (else 403 / 409). */
  private requireStepPermission(actor: Actor, app: Application): ReviewStep['step'] {
    if (app.status === 'pending_review') return 'review';
    if (app.status === 'pending_approval') {
      if (!hasPermission(actor.staffRoles, 'applications.approve')) throw AppException.forbidden();
      return 'approval';
    }
    throw new AppException('APPLICATION_WRONG_STAGE');
  }

  /**
   * Four eyes (docs/product.md#four-eyes): nobody decides their own application; the approval step is made by
   * someone other than the reviewer; a green application is not approved by whoever last imported
   * or changed its roster row (else one officer could put a name on the roster and enrol it alone).
   */
  private async assertFourEyes(actor: Actor, app: Application, step: ReviewStep['step']): Promise<void> {
    await this.assertNotOwn(actor, app);
    if (step === 'approval' && (app.steps ?? []).some((s) => s.by.id === actor.userId))
      throw new AppException('REVIEW_SAME_PERSON');
    if (app.green && app.rosterGuardId) {
      const guard = (await this.roster.byIds([app.rosterGuardId])).get(app.rosterGuardId);
      if (guard?.lastChangedById === actor.userId) throw new AppException('REVIEW_ROSTER_CHANGED_BY_SELF');
    }
  }

  /** The applicant's own account, or an application made with the staff member's own phone. */
  private async assertNotOwn(actor: Actor, app: Application): Promise<void> {
    let own = app.userId === actor.userId;
    if (!own && app.phoneEnc) {
      const user = await this.users.findById(actor.userId);
      own = !!user?.phoneEnc && this.pii.decrypt(user.phoneEnc) === this.pii.decrypt(app.phoneEnc);
    }
    if (own) throw new AppException('REVIEW_OWN_APPLICATION');
  }

  private async loadInScope(actor: Actor, id: number): Promise<Application> {
    const qb = wherePathInScope(
      this.dataSource.getRepository(Application).createQueryBuilder('a').where('a.id = :id', { id }),
      actor,
      'a.orgPath',
    );
    const app = await qb.getOne();
    if (!app) throw AppException.notFound();
    return app;
  }

  private async map(rows: Application[]): Promise<ApplicationResponse[]> {
    const lookups = await loadLookups(this.lookupSources, rows);
    return rows.map((a) => toApplicationResponse(a, lookups, this.pii, this.config.reviewSlaDays, this.clock.nowMs()));
  }
}
