import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { TIP_CATEGORY_LABELS, type GradeTipResponse } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { tipsConfig, type TipsConfig } from '../../config/tips.config.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { PointsLedgerService } from '../points/points-ledger.service.js';
import { Tip } from './entities/tip.entity.js';
import { isTipVisible, whereTipVisible } from './tip-scope.js';
import { recordTipEvent } from './tips.service.js';

/** The Shanghai calendar month of `today` (YYYY-MM-DD) as [first day, first day of the next month). */
export function monthOf(today: string): [string, string] {
  const [y, m] = today.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return [`${today.slice(0, 7)}-01`, next];
}

/** What a grading credits under the monthly cap: the grade's points, at most what the month has left (0 possible). */
export function cappedCredit(points: number, monthSoFar: number, cap: number): number {
  return Math.max(0, Math.min(points, cap - monthSoFar));
}

/**
 * Grading a closed tip (docs/tips.md#grading): the grade's points (TIP_GRADES) go to the submitter through the points
 * ledger, at most TIP_MONTHLY_POINTS_CAP tip points per Shanghai calendar month. A change or revocation reverses the
 * previous credit with a ledger reversal first; points already spent become the guard's debt. One grading at
 * a time per submitter (their tip rows are locked first), and the tip's version makes a second grading of what was read
 * TIP_STATE_CHANGED, so one grading credits once.
 */
@Injectable()
export class TipGradingService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(tipsConfig.KEY) private readonly config: TipsConfig,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly ledger: PointsLedgerService,
  ) {}

  async grade(actor: Actor, id: number, grade: string | null): Promise<GradeTipResponse> {
    const tip = await whereTipVisible(this.ds.getRepository(Tip).createQueryBuilder('t'), actor)
      .andWhere('t.id = :id', { id })
      .getOne();
    if (!tip || !isTipVisible(actor, tip)) throw AppException.notFound();
    if (grade !== null && !(grade in this.config.grades)) throw new AppException('TIP_GRADE_INVALID');
    if (tip.status !== 'closed') throw new AppException('TIP_GRADE_NOT_CLOSED');
    // the same grade again is what someone already did (two officers grading at once: the second is told to refresh)
    if (tip.grade === grade) throw new AppException('TIP_STATE_CHANGED');
    const pushed: number[] = [];
    const res = await this.ds.transaction(async (m) => {
      const out = await this.apply(m, actor, tip, grade);
      if (out.notificationId) pushed.push(out.notificationId);
      return out.response;
    });
    await this.notifications.push(pushed);
    return res;
  }

  private async apply(
    m: EntityManager,
    actor: Actor,
    tip: Tip,
    grade: string | null,
  ): Promise<{ response: GradeTipResponse; notificationId: number | null }> {
    const now = this.clock.now();
    await this.claim(m, tip, now);
    const reversed = await this.reversePrevious(m, actor, tip, grade);
    const monthSoFar = await this.monthPointsElsewhere(m, tip, now);
    const cap = this.config.monthlyPointsCap;
    const gradePoints = grade === null ? 0 : this.config.grades[grade];
    const credited = grade === null ? 0 : cappedCredit(gradePoints, monthSoFar, cap);
    const credit = credited
      ? await this.ledger.post(m, {
          userId: tip.submitterUserId,
          volunteerId: tip.volunteerId,
          type: 'tip',
          amount: credited,
          sourceType: 'tip',
          sourceId: String(tip.id),
          description: `线索奖励（${grade}级）`,
          // one credit per version of the tip: the version claimed above
          idempotencyKey: `tip-grade:${tip.id}:${tip.version + 1}`,
          awardingOrgId: tip.orgUnitId,
          awardingOrgPath: tip.orgPath,
          createdByUserId: actor.userId,
        })
      : null;
    await m.update(
      Tip,
      { id: tip.id },
      {
        grade,
        gradePoints: credited,
        gradedAt: grade === null ? null : now,
        gradeEntryId: credit?.posted ? credit.entry.id : null,
      },
    );
    const capped = credited < gradePoints;
    const detail = { grade, previousGrade: tip.grade, credited, reversed, capped };
    await recordTipEvent(
      m,
      { tipId: tip.id, action: 'grade', fromStatus: 'closed', toStatus: 'closed', actor, now },
      detail,
    );
    await this.audit.record(m, actor, {
      action: 'tip.grade',
      targetType: 'tip',
      targetId: String(tip.id),
      orgUnitId: tip.orgUnitId,
      before: { grade: tip.grade, gradePoints: tip.gradePoints },
      after: detail,
    });
    const message = officerMessage(grade, credited, capped, cap);
    // a credit already tells the person 积分到账 (the ledger's message); otherwise the tip's own message says what happened
    const notificationId =
      credit?.posted && credit.notificationId
        ? credit.notificationId
        : await this.tellSubmitter(m, tip, submitterMessage(grade, reversed, cap));
    const response: GradeTipResponse = {
      tipId: tip.id,
      grade,
      gradePoints,
      credited,
      reversed,
      capped,
      monthPoints: monthSoFar + credited,
      monthlyCap: cap,
      message,
    };
    return { response, notificationId };
  }

  /**
   * One grading at a time per submitter (all their tip rows locked first, so two of their tips graded at once cannot
   * both fit under the cap), then this tip's version as read and still closed; otherwise TIP_STATE_CHANGED.
   */
  private async claim(m: EntityManager, tip: Tip, now: Date): Promise<void> {
    await m
      .createQueryBuilder()
      .update(Tip)
      .set({ version: () => 'version' })
      .where('submitterUserId = :u', { u: tip.submitterUserId })
      .execute();
    const won = await m
      .createQueryBuilder()
      .update(Tip)
      .set({ version: () => 'version + 1', updatedAt: now })
      .where("id = :id AND status = 'closed' AND version = :v", { id: tip.id, v: tip.version })
      .execute();
    if (!won.affected) throw new AppException('TIP_STATE_CHANGED');
  }

  /** The submitter's tip points of this Shanghai calendar month on their other tips. */
  private async monthPointsElsewhere(m: EntityManager, tip: Tip, now: Date): Promise<number> {
    const [from, to] = monthOf(this.clock.today(now));
    const row = await m
      .createQueryBuilder(Tip, 't')
      .select('COALESCE(SUM(t.gradePoints), 0)', 'sum')
      .where('t.submitterUserId = :u AND t.id <> :id AND t.gradedAt >= :from AND t.gradedAt < :to', {
        u: tip.submitterUserId,
        id: tip.id,
        from: this.clock.startOfDay(from),
        to: this.clock.startOfDay(to),
      })
      .getRawOne<{ sum: string | number }>();
    return Number(row?.sum ?? 0);
  }

  /**
   * Gives back the previous grade's credit by the ledger's reversal (its key refuses a second one); 0 when none. Points
   * the guard has already spent become a debt that their next credits pay first (docs/points.md#debts).
   */
  private async reversePrevious(m: EntityManager, actor: Actor, tip: Tip, grade: string | null): Promise<number> {
    if (!tip.gradeEntryId || tip.gradePoints <= 0) return 0;
    const res = await this.ledger.post(m, {
      userId: tip.submitterUserId,
      volunteerId: tip.volunteerId,
      type: 'reversal',
      amount: -tip.gradePoints,
      sourceType: 'tip',
      sourceId: String(tip.id),
      description: `线索评级${grade ? '变更' : '撤销'}，收回奖励`,
      idempotencyKey: `reversal:${tip.gradeEntryId}`,
      awardingOrgId: tip.orgUnitId,
      awardingOrgPath: tip.orgPath,
      reversalOfId: tip.gradeEntryId,
      reason: grade ? `改评为${grade}级` : '撤销评级',
      createdByUserId: actor.userId,
    });
    return res.posted ? tip.gradePoints : 0;
  }

  private tellSubmitter(m: EntityManager, tip: Tip, body: string): Promise<number> {
    return this.notifications.create(m, {
      userId: tip.submitterUserId,
      template: 'tip_result',
      title: `线索评级：${TIP_CATEGORY_LABELS[tip.category]}`,
      body,
      page: `pages/tips/detail?id=${tip.id}`,
    });
  }
}

function officerMessage(grade: string | null, credited: number, capped: boolean, cap: number): string {
  if (grade === null) return '已撤销评级';
  if (!capped) return `已评为${grade}级，奖励 ${credited} 积分`;
  return `已评为${grade}级；本月线索积分已达上限 ${cap}，本次奖励 ${credited} 积分`;
}

/** Only when no 积分到账 message goes out: a revocation, or a grade the month's cap left nothing for. */
function submitterMessage(grade: string | null, reversed: number, cap: number): string {
  if (grade === null)
    return reversed ? `您提交的线索评级已撤销，收回奖励积分 ${reversed}。` : '您提交的线索评级已撤销。';
  return `您提交的线索被评为${grade}级。本月线索奖励积分已达上限 ${cap}，本次不再计积分。`;
}
