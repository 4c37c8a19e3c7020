import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  ActivityRequirements,
  MySignupResponse,
  ReviewSignupsResponse,
  SignupMode,
  VolunteerSkill,
  VolunteerTier,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { AGREEMENT_SOURCE, type AgreementSource } from './agreement.source.js';
import { INSURANCE_SOURCE, type InsuranceSource } from './insurance.source.js';
import { findActivityInScope } from './activity-access.js';
import { toMySignupResponse } from './activities.mapper.js';
import { ineligible, requirementProblem } from './eligibility.js';
import { Activity } from './entities/activity.entity.js';
import { ActivitySignup } from './entities/activity-signup.entity.js';
import { dbDate, dbJson, isDuplicateKey, typeormExec } from '../../database/raw-sql.js';
import { SIGNUP_SQL } from './sql.js';
import { Clock } from '../../common/clock/clock.js';
import { TeamQueries } from '../teams/team-queries.js';
import { ActivityReach } from './activity-reach.js';

/**
 * Sign-up under a rush (docs/product.md#activities). The database decides: a unique key refuses a second live
 * sign-up, one conditional UPDATE hands out places while `confirmedCount < capacity`, and the
 * auto-increment id of the sign-up row is the arrival order of the waitlist. Nothing is decided in
 * process memory, so it holds with any number of server instances.
 */
@Injectable()
export class SignupService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(AGREEMENT_SOURCE) private readonly agreements: AgreementSource,
    @Inject(INSURANCE_SOURCE) private readonly insurance: InsuranceSource,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly teams: TeamQueries,
    private readonly reach: ActivityReach,
  ) {}

  async signUp(actor: Actor, activityId: number): Promise<MySignupResponse> {
    const exec = typeormExec(this.ds.manager);
    const now = this.clock.now();
    const [a] = (await exec(SIGNUP_SQL.activity, [activityId])).rows;
    if (!a || a.status === 'draft') throw AppException.notFound();
    // a branch's or the city's own activity is only for the volunteers under it
    if (!(await this.reach.reaches(actor, { orgUnitId: Number(a.orgUnitId), orgPath: String(a.orgPath) })))
      throw AppException.notFound();
    if (a.status !== 'published') throw new AppException('ACTIVITY_NOT_OPEN', { status: a.status });
    const startAt = dbDate(a.startAt);
    const endAt = dbDate(a.endAt);
    if (now > dbDate(a.signupDeadline) || now >= endAt) throw new AppException('ACTIVITY_SIGNUP_CLOSED');
    const [v] = (await exec(SIGNUP_SQL.volunteer, [actor.userId])).rows;
    if (!v) throw new AppException('ACTIVITY_NOT_A_VOLUNTEER');
    const volunteerId = Number(v.id);
    if (a.teamId && !(await this.teams.isInTeam(Number(a.teamId), volunteerId))) throw ineligible('ACTIVITY_TEAM_ONLY');
    const req = dbJson<ActivityRequirements>(a.requirements);
    const problem = requirementProblem(
      {
        status: String(v.status),
        tier: v.tier as VolunteerTier,
        skills: dbJson<VolunteerSkill[]>(v.skills) ?? [],
        birthDate: (v.birthDate as string | null) ?? null,
      },
      req,
      startAt,
      this.clock.zone,
    );
    if (problem) throw ineligible(problem);
    const highRisk = a.riskLevel === 'high';
    if (highRisk || req.requiresInsurance) {
      if (!(await this.insurance.coversPeriod(volunteerId, startAt, endAt)))
        throw ineligible('ACTIVITY_INSURANCE_REQUIRED');
    }
    if (highRisk && !(await this.agreements.hasSignedAgreement({ id: volunteerId, userId: actor.userId })))
      throw ineligible('ACTIVITY_AGREEMENT_REQUIRED');
    const [clash] = (await exec(SIGNUP_SQL.clash, [volunteerId, activityId, endAt, startAt])).rows;
    if (clash) throw ineligible('ACTIVITY_SCHEDULE_CLASH', { activityId: Number(clash.activityId) });

    const mode = a.signupMode as SignupMode;
    const { id, status } = await this.placeSignup(activityId, volunteerId, actor.userId, mode, now).catch(
      (err: unknown) => {
        if (isDuplicateKey(err)) throw new AppException('ACTIVITY_ALREADY_SIGNED_UP');
        throw err;
      },
    );
    const position =
      status === 'waitlisted' ? Number((await exec(SIGNUP_SQL.position, [activityId, id])).rows[0]?.n ?? 0) : null;
    return {
      id,
      activityId,
      status,
      waitlistPosition: position,
      checkinAt: null,
      checkinMethod: null,
      checkoutAt: null,
      autoCheckedOut: false,
      checkedMinutes: null,
      attendance: 'unconfirmed',
      confirmedMinutes: null,
      manualMinutes: 0,
      pointsAwarded: 0,
      createdAt: now.toISOString(),
    };
  }

  /**
   * Inserts the sign-up, then lets the database decide confirmed or waitlisted. On MySQL the row is
   * inserted as waitlisted and one joined conditional UPDATE takes a place and confirms it; on the
   * embedded database (one writer at a time) the same two steps run in a transaction.
   */
  private async placeSignup(
    activityId: number,
    volunteerId: number,
    userId: number,
    mode: SignupMode,
    now: Date,
  ): Promise<{ id: number; status: 'pending' | 'confirmed' | 'waitlisted' }> {
    const initial = mode === 'instant' ? 'waitlisted' : 'pending';
    if (this.ds.options.type === 'better-sqlite3' || mode !== 'instant') {
      return this.ds.transaction(async (m) => {
        const tx = typeormExec(m);
        const { insertId } = await tx(SIGNUP_SQL.insert, [activityId, volunteerId, userId, initial, now, now]);
        if (mode !== 'instant') return { id: insertId, status: 'pending' as const };
        if ((await tx(SIGNUP_SQL.takePlace, [activityId])).affected !== 1)
          return { id: insertId, status: 'waitlisted' as const };
        await tx(SIGNUP_SQL.confirm, [insertId]);
        return { id: insertId, status: 'confirmed' as const };
      });
    }
    const exec = typeormExec(this.ds.manager);
    const { insertId } = await exec(SIGNUP_SQL.insert, [activityId, volunteerId, userId, 'waitlisted', now, now]);
    if ((await exec(SIGNUP_SQL.takePlaceAndConfirm, [insertId, activityId])).affected > 0)
      return { id: insertId, status: 'confirmed' };
    // A cancellation elsewhere may have promoted this row in between: report what the row says.
    const [row] = (await exec(SIGNUP_SQL.status, [insertId])).rows;
    return { id: insertId, status: row?.status === 'confirmed' ? 'confirmed' : 'waitlisted' };
  }

  /** A volunteer withdraws before the cancel deadline; a freed place goes to the first on the waitlist. */
  async cancel(actor: Actor, activityId: number): Promise<MySignupResponse> {
    const signup = await this.ds.getRepository(ActivitySignup).findOneBy({ activityId, userId: actor.userId, live: 1 });
    if (!signup) throw new AppException('ACTIVITY_NOT_SIGNED_UP');
    const a = await this.ds.getRepository(Activity).findOneByOrFail({ id: activityId });
    if (this.clock.now() > a.cancelDeadline) throw new AppException('ACTIVITY_CANCEL_CLOSED');
    if (signup.checkinAt) throw new AppException('ACTIVITY_INVALID_STATE', { checkedIn: true });
    const ids = await this.ds.transaction(async (m) => {
      const now = this.clock.now();
      const res = await m
        .getRepository(ActivitySignup)
        .update({ id: signup.id, live: 1, status: signup.status }, { status: 'cancelled', live: null, updatedAt: now });
      if (!res.affected) throw new AppException('ACTIVITY_NOT_SIGNED_UP');
      if (signup.status !== 'confirmed') return [];
      await m
        .getRepository(Activity)
        .createQueryBuilder()
        .update()
        .set({ confirmedCount: () => 'confirmedCount - 1' })
        .where('id = :id AND confirmedCount > 0', { id: activityId })
        .execute();
      return a.status === 'published' || a.status === 'ongoing' ? this.promoteWaitlist(m, activityId, a.title) : [];
    });
    await this.notifications.push(ids);
    const after = await this.ds.getRepository(ActivitySignup).findOneByOrFail({ id: signup.id });
    return toMySignupResponse(after);
  }

  /**
   * Gives free places to the waitlist in arrival order, one conditional UPDATE per place, and
   * writes a `signup_result` message for each promoted volunteer. Returns the message ids to push
   * after the caller's transaction commits.
   */
  async promoteWaitlist(m: EntityManager, activityId: number, title: string): Promise<number[]> {
    const tx = typeormExec(m);
    const messages: number[] = [];
    for (;;) {
      const next = await m.getRepository(ActivitySignup).findOne({
        where: { activityId, status: 'waitlisted' },
        order: { id: 'ASC' },
        select: { id: true, userId: true },
      });
      if (!next) break;
      if ((await tx(SIGNUP_SQL.takePlace, [activityId])).affected !== 1) break;
      if ((await tx(SIGNUP_SQL.confirm, [next.id])).affected !== 1) {
        // withdrew meanwhile: hand the place back and look again
        await tx('UPDATE activities SET confirmedCount = confirmedCount - 1 WHERE id = ? AND confirmedCount > 0', [
          activityId,
        ]);
        continue;
      }
      messages.push(
        await this.notifications.create(m, {
          userId: next.userId,
          template: 'signup_result',
          title: '候补成功',
          body: `有人取消了报名，您已从候补转为报名成功：${title}`,
          page: `pages/activity/detail?id=${activityId}`,
          data: { thing1: title.slice(0, 20), phrase2: '报名成功' },
        }),
      );
    }
    return messages;
  }

  /** Officer-confirmed mode: staff confirm pending sign-ups within capacity, or reject them. */
  async review(
    actor: Actor,
    activityId: number,
    signupIds: number[],
    decision: 'confirm' | 'reject',
  ): Promise<ReviewSignupsResponse> {
    const a = await findActivityInScope(this.ds.manager, actor, activityId);
    if (a.status !== 'published' && a.status !== 'ongoing')
      throw new AppException('ACTIVITY_INVALID_STATE', { status: a.status });
    const out: ReviewSignupsResponse = { confirmed: [], rejected: [], full: [], skipped: [] };
    const messages: number[] = [];
    for (const signupId of [...new Set(signupIds)]) {
      await this.ds.transaction(async (m) => {
        const repo = m.getRepository(ActivitySignup);
        const s = await repo.findOneBy({ id: signupId, activityId, status: 'pending' });
        if (!s) return void out.skipped.push(signupId);
        const now = this.clock.now();
        if (decision === 'reject') {
          if (
            !(await repo.update({ id: s.id, status: 'pending' }, { status: 'rejected', live: null, updatedAt: now }))
              .affected
          )
            return void out.skipped.push(signupId);
          out.rejected.push(signupId);
        } else {
          const place = await m
            .getRepository(Activity)
            .createQueryBuilder()
            .update()
            .set({ confirmedCount: () => 'confirmedCount + 1' })
            .where('id = :id AND confirmedCount < capacity', { id: activityId })
            .execute();
          if (!place.affected) return void out.full.push(signupId);
          if (!(await repo.update({ id: s.id, status: 'pending' }, { status: 'confirmed', updatedAt: now })).affected)
            throw new AppException('CONFLICT');
          out.confirmed.push(signupId);
        }
        await this.audit.record(m, actor, {
          action: `activity.signup.${decision}`,
          targetType: 'activity_signup',
          targetId: String(s.id),
          orgUnitId: a.orgUnitId,
          after: { activityId },
        });
        const ok = decision === 'confirm';
        messages.push(
          await this.notifications.create(m, {
            userId: s.userId,
            template: 'signup_result',
            title: ok ? '报名成功' : '报名未通过',
            body: ok ? `民警已确认您的报名：${a.title}` : `很抱歉，您的报名未通过：${a.title}`,
            page: `pages/activity/detail?id=${activityId}`,
            data: { thing1: a.title.slice(0, 20), phrase2: ok ? '报名成功' : '未通过' },
          }),
        );
      });
    }
    await this.notifications.push(messages);
    return out;
  }
}
