import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not } from 'typeorm';
import {
  distanceMeters,
  isInsideCheckinArea,
  overlapMinutes,
  type MySignupResponse,
  type QrTokenResponse,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { activitiesConfig, type ActivitiesConfig } from '../../config/activities.config.js';
import { advanceByClock, findActivityInScope } from './activity-access.js';
import { toMySignupResponse } from './activities.mapper.js';
import { CheckinQr } from './checkin-qr.js';
import type { CheckinDto, CheckoutDto } from './dto/signup.dto.js';
import { Activity } from './entities/activity.entity.js';
import { ActivitySignup } from './entities/activity-signup.entity.js';
import { Clock } from '../../common/clock/clock.js';
import { TeamQueries } from '../teams/team-queries.js';

const QR_ERRORS = {
  invalid: 'CHECKIN_QR_INVALID',
  expired: 'CHECKIN_QR_EXPIRED',
  wrong_activity: 'CHECKIN_QR_WRONG_ACTIVITY',
} as const;

/** On-site check-in (location or rotating QR), check-out, and the automatic check-out. */
@Injectable()
export class CheckinService {
  private readonly qr: CheckinQr;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(activitiesConfig.KEY) private readonly config: ActivitiesConfig,
    private readonly clock: Clock,
    private readonly teams: TeamQueries,
  ) {
    this.qr = new CheckinQr(config.qrSecret, config.qrSlotSeconds);
  }

  /** The code the officer's phone shows; it rotates every slot. */
  async qrToken(actor: Actor, activityId: number, now = this.clock.now()): Promise<QrTokenResponse> {
    return this.mintFor(await findActivityInScope(this.ds.manager, actor, activityId), now);
  }

  /** The same code on the team leader's phone, for an activity of the team they lead (NOT_FOUND otherwise). */
  async teamLeaderQrToken(actor: Actor, activityId: number, now = this.clock.now()): Promise<QrTokenResponse> {
    const found = await this.ds.getRepository(Activity).findOneBy({ id: activityId });
    if (!found?.teamId || !(await this.teams.isLeaderUser(found.teamId, actor.userId))) throw AppException.notFound();
    return this.mintFor(found, now);
  }

  private async mintFor(activity: Activity, now: Date): Promise<QrTokenResponse> {
    const a = await advanceByClock(this.ds.manager, activity, now);
    if (a.status !== 'published' && a.status !== 'ongoing')
      throw new AppException('ACTIVITY_INVALID_STATE', { status: a.status });
    const { token, refreshAt } = this.qr.mint(a.id, now);
    return { token, slotSeconds: this.qr.slotSeconds, refreshAt: refreshAt.toISOString() };
  }

  async checkIn(actor: Actor, activityId: number, dto: CheckinDto, now = this.clock.now()): Promise<MySignupResponse> {
    const { a, s } = await this.confirmedSignup(actor, activityId);
    // Checking in twice changes nothing: the first check-in stands.
    if (s.checkinAt) return toMySignupResponse(s);
    const opens = new Date(a.startAt.getTime() - this.config.checkinEarlyMinutes * 60_000);
    if (now < opens || now > a.endAt || a.status === 'cancelled')
      throw new AppException('CHECKIN_OUTSIDE_WINDOW', {
        opensAt: opens.toISOString(),
        closesAt: a.endAt.toISOString(),
      });
    let place: { lat: number | null; lng: number | null; accuracy: number | null; distance: number | null } = {
      lat: null,
      lng: null,
      accuracy: null,
      distance: null,
    };
    if (dto.method === 'qr') {
      const verdict = this.qr.verify(dto.token ?? '', activityId, now);
      if (verdict !== 'ok') throw new AppException(QR_ERRORS[verdict]);
    } else {
      if (dto.lat === undefined || dto.lng === undefined) throw new AppException('CHECKIN_LOCATION_REQUIRED');
      const distance = distanceMeters({ lat: dto.lat, lng: dto.lng }, { lat: a.lat, lng: a.lng });
      const accuracy = dto.accuracy ?? this.config.checkinAccuracyCapM;
      if (!isInsideCheckinArea(distance, a.radiusM, accuracy, this.config.checkinAccuracyCapM)) {
        throw new AppException('CHECKIN_OUT_OF_RANGE', {
          distanceM: Math.round(distance),
          radiusM: a.radiusM,
        });
      }
      place = { lat: dto.lat, lng: dto.lng, accuracy: Math.round(accuracy), distance: Math.round(distance) };
    }
    await this.ds.getRepository(ActivitySignup).update(
      { id: s.id, checkinAt: IsNull() },
      {
        checkinAt: now,
        checkinMethod: dto.method,
        checkinLat: place.lat,
        checkinLng: place.lng,
        checkinAccuracyM: place.accuracy,
        checkinDistanceM: place.distance,
        updatedAt: now,
      },
    );
    return toMySignupResponse(await this.ds.getRepository(ActivitySignup).findOneByOrFail({ id: s.id }));
  }

  /** Service time = overlap of [check-in, check-out] with [start, end]. */
  async checkOut(
    actor: Actor,
    activityId: number,
    _dto: CheckoutDto,
    now = this.clock.now(),
  ): Promise<MySignupResponse> {
    const { a, s } = await this.confirmedSignup(actor, activityId);
    if (!s.checkinAt) throw new AppException('CHECKOUT_NOT_CHECKED_IN');
    // Leaving before the start would earn nothing and only hide that the person left: refused.
    if (!s.checkoutAt && now < a.startAt)
      throw new AppException('CHECKOUT_BEFORE_START', {
        startAt: a.startAt.toISOString(),
      });
    if (!s.checkoutAt) {
      const at = now > a.endAt ? a.endAt : now;
      await this.ds
        .getRepository(ActivitySignup)
        .update(
          { id: s.id, checkoutAt: IsNull(), attendance: 'unconfirmed' },
          { checkoutAt: at, checkedMinutes: overlapMinutes(s.checkinAt, at, a.startAt, a.endAt), updatedAt: now },
        );
    }
    return toMySignupResponse(await this.ds.getRepository(ActivitySignup).findOneByOrFail({ id: s.id }));
  }

  /**
   * Job: whoever checked in but never out is checked out at the activity's end once end + grace
   * has passed, and flagged. Conditional per row, so reruns and parallel instances change nothing twice.
   */
  async autoCheckout(now = this.clock.now()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.autoCheckoutGraceMinutes * 60_000);
    const acts = await this.ds
      .getRepository(Activity)
      .createQueryBuilder('a')
      .select(['a.id', 'a.startAt', 'a.endAt'])
      .where("a.endAt <= :cutoff AND a.endAt > :since AND a.status IN ('ongoing', 'finished', 'published')", {
        cutoff,
        since: new Date(cutoff.getTime() - 30 * 86_400_000),
      })
      .getMany();
    let done = 0;
    for (const a of acts) {
      const open = await this.ds
        .getRepository(ActivitySignup)
        .find({ where: { activityId: a.id, status: 'confirmed', checkinAt: Not(IsNull()), checkoutAt: IsNull() } });
      for (const s of open) {
        const res = await this.ds.getRepository(ActivitySignup).update(
          { id: s.id, checkoutAt: IsNull() },
          {
            checkoutAt: a.endAt,
            autoCheckedOut: true,
            checkedMinutes: overlapMinutes(s.checkinAt!, a.endAt, a.startAt, a.endAt),
            updatedAt: now,
          },
        );
        done += res.affected ?? 0;
      }
    }
    return done;
  }

  private async confirmedSignup(actor: Actor, activityId: number): Promise<{ a: Activity; s: ActivitySignup }> {
    const a = await this.ds.getRepository(Activity).findOneBy({ id: activityId });
    if (!a || a.status === 'draft') throw AppException.notFound();
    await advanceByClock(this.ds.manager, a, this.clock.now());
    const s = await this.ds
      .getRepository(ActivitySignup)
      .findOneBy({ activityId, userId: actor.userId, status: 'confirmed' });
    if (!s) throw new AppException('CHECKIN_NOT_CONFIRMED');
    return { a, s };
  }
}
