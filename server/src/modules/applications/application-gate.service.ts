import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { PiiCipher } from '../../common/pii/pii-cipher.js';
import { typeormExec, type SqlExec } from '../../database/raw-sql.js';
import { AuditService } from '../audit/audit.service.js';
import { OrgService } from '../org/org.service.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { Application } from './application.entity.js';
import { enrolmentConfig, type EnrolmentConfig } from '../../config/enrolment.config.js';

const PENDING = ['pending_review', 'pending_approval'] as const;

/**
 * The two gates (docs/product.md#applications-and-review) in front of the ID-number look-ups of a submission:
 * - a rate limit per applicant and per ID number (keyed hash), counted in the database;
 * - "is this ID already a member / pending / in cool-off?" answered only after the phone is
 *   verified, and in detail only to the person it concerns (the same account, or the phone on
 *   record). Anyone else gets one neutral answer, and the attempt is audited for the station
 *   that holds the record.
 */
@Injectable()
export class ApplicationGateService {
  private readonly exec: SqlExec;
  private readonly upsert: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(enrolmentConfig.KEY) private readonly config: EnrolmentConfig,
    private readonly pii: PiiCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly volunteers: VolunteerQueries,
  ) {
    this.exec = typeormExec(dataSource.manager);
    // Same shape as the login brake: a window older than its length starts again at this attempt.
    this.upsert =
      dataSource.options.type === 'better-sqlite3'
        ? `INSERT INTO application_rate_windows (rateKey, windowStart, hits) VALUES (?, ?, 1)
           ON CONFLICT(rateKey) DO UPDATE SET hits = CASE WHEN excluded.windowStart - windowStart >= ? THEN 1 ELSE hits + 1 END,
             windowStart = CASE WHEN excluded.windowStart - windowStart >= ? THEN excluded.windowStart ELSE windowStart END`
        : `INSERT INTO application_rate_windows (rateKey, windowStart, hits) VALUES (?, ?, 1)
           ON DUPLICATE KEY UPDATE hits = IF(VALUES(windowStart) - windowStart >= ?, 1, hits + 1),
             windowStart = IF(VALUES(windowStart) - windowStart >= ?, VALUES(windowStart), windowStart)`;
  }

  /** Counts one submission for the applicant and for the ID number; 429 APPLICATION_RATE_LIMITED over either limit. */
  async countAttempt(actor: Actor, idHash: string): Promise<void> {
    const windowMs = this.config.submitRateWindowMinutes * 60_000;
    const now = this.clock.nowMs();
    const checks = [
      { key: `u:${actor.userId}`, limit: this.config.submitRatePerUser, scope: 'user' as const },
      { key: `id:${idHash}`, limit: this.config.submitRatePerIdNumber, scope: 'id_number' as const },
    ];
    let refused = 0;
    for (const c of checks) {
      await this.exec(this.upsert, [c.key, now, windowMs, windowMs]);
      const [row] = (
        await this.exec('SELECT hits, windowStart FROM application_rate_windows WHERE rateKey = ?', [c.key])
      ).rows;
      const hits = Number(row?.hits ?? 0);
      if (hits <= c.limit) continue;
      const retryAfterSeconds = Math.max(1, Math.ceil((Number(row.windowStart) + windowMs - now) / 1000));
      refused = Math.max(refused, retryAfterSeconds);
      // The first refusal of a window is audited (an applicant trying many ID numbers, or one ID tried by many accounts).
      if (hits === c.limit + 1) {
        const orgUnitId = c.scope === 'id_number' ? await this.holderOrg(idHash) : null;
        await this.record(actor, 'application.rate_limited', orgUnitId, {
          scope: c.scope,
          limit: c.limit,
          windowMinutes: this.config.submitRateWindowMinutes,
        });
      }
    }
    if (Math.random() < 0.01)
      void this.exec('DELETE FROM application_rate_windows WHERE windowStart < ?', [now - windowMs]).catch(
        () => undefined,
      );
    if (refused) throw new AppException('APPLICATION_RATE_LIMITED', { retryAfterSeconds: refused });
  }

  /**
   * Member, pending or revoked-in-cool-off: told in detail to the same account or the phone on
   * record; everyone else gets ID_NUMBER_ALREADY_REGISTERED (409), audited. Call only with a
   * verified phone.
   */
  async assertIdNumberFree(actor: Actor, idHash: string, phone: string, resubmittingId: number | null): Promise<void> {
    const own = await this.volunteers.findByUserId(actor.userId);
    if (own && own.status !== 'revoked') throw new AppException('APPLICANT_ALREADY_MEMBER');
    const member = (await this.volunteers.findByIdHash(idHash)) ?? own;
    if (member) {
      const self = member.userId === actor.userId || this.samePhone(member.phoneEnc, phone);
      if (member.status !== 'revoked') {
        if (self) throw new AppException('APPLICANT_ALREADY_MEMBER');
        return this.refuseProbe(actor, member.stationId, 'member');
      }
      const since = member.statusChangedAt ?? member.createdAt;
      const until = new Date(since.getTime() + this.config.reapplyCoolOffDays * 86_400_000);
      if (until.getTime() > this.clock.nowMs()) {
        if (self)
          throw new AppException('APPLICANT_REVOKED_COOL_OFF', {
            until: this.clock.today(until),
            coolOffDays: this.config.reapplyCoolOffDays,
          });
        return this.refuseProbe(actor, member.stationId, 'revoked');
      }
    }
    const open = await this.dataSource
      .getRepository(Application)
      .createQueryBuilder('a')
      .where('a.status IN (:...pending)', { pending: PENDING })
      .andWhere('(a.idHash = :idHash OR a.userId = :userId)', { idHash, userId: actor.userId })
      .getMany();
    const pending =
      open.find((a) => a.userId === actor.userId && a.id !== resubmittingId) ??
      open.find((a) => a.id !== resubmittingId);
    if (pending) {
      if (pending.userId === actor.userId || this.samePhone(pending.phoneEnc, phone))
        throw new AppException('APPLICATION_ALREADY_PENDING');
      return this.refuseProbe(actor, pending.reviewOrgUnitId, 'pending');
    }
  }

  private samePhone(enc: string | null, phone: string): boolean {
    return !!enc && this.pii.decrypt(enc) === phone;
  }

  private async refuseProbe(
    actor: Actor,
    orgUnitId: number | null,
    heldAs: 'member' | 'pending' | 'revoked',
  ): Promise<never> {
    await this.record(actor, 'application.id_conflict', orgUnitId, { heldAs });
    throw new AppException('ID_NUMBER_ALREADY_REGISTERED');
  }

  /** The station that holds a record of this ID number, for an audit entry its staff can read. */
  private async holderOrg(idHash: string): Promise<number | null> {
    const member = await this.volunteers.findByIdHash(idHash);
    if (member) return member.stationId;
    const app = await this.dataSource.getRepository(Application).findOne({ where: { idHash }, order: { id: 'DESC' } });
    return app?.reviewOrgUnitId ?? null;
  }

  /** Written in its own transaction: the request that caused it is refused, the entry stays. */
  private async record(
    actor: Actor,
    action: 'application.id_conflict' | 'application.rate_limited',
    orgUnitId: number | null,
    after: Record<string, unknown>,
  ): Promise<void> {
    // Without a holder the entry goes to the top of the tree, where the city sees it.
    const unitId = orgUnitId ?? (await this.org.rootId());
    await this.dataSource.transaction((m) =>
      this.audit.record(m, actor, {
        action,
        targetType: 'user',
        targetId: String(actor.userId),
        orgUnitId: unitId,
        after,
      }),
    );
  }
}
