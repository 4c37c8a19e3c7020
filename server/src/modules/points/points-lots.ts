import { Injectable } from '@nestjs/common';
import { In, IsNull, MoreThan, type EntityManager } from 'typeorm';
import { AppException } from '../../common/errors/app-exception.js';
import { PointsLot } from './entities/points-lot.entity.js';
import { PointsLotUse } from './entities/points-lot-use.entity.js';

/** A lot's share of a debit: what is taken from it. */
export interface LotTake {
  lot: PointsLot;
  amount: number;
}

/**
 * Oldest-first lots (docs/points.md#lots), always inside the transaction of the ledger entry that moves them and after
 * the person's account row has been claimed (so no other post of theirs runs meanwhile). Reads come after an UPDATE of
 * the rows read (`version + 1`): on MariaDB a plain read may see the snapshot from before that claim, a row this
 * transaction has changed it sees as it is now.
 */
@Injectable()
export class PointsLots {
  /** The person's lots that still hold points, oldest first, as committed now. */
  async live(m: EntityManager, userId: number): Promise<PointsLot[]> {
    await m
      .createQueryBuilder()
      .update(PointsLot)
      .set({ version: () => 'version + 1' })
      .where('userId = :userId AND remaining > 0', { userId })
      .execute();
    return m.getRepository(PointsLot).find({ where: { userId, remaining: MoreThan(0) }, order: { id: 'ASC' } });
  }

  byId(m: EntityManager, id: number): Promise<PointsLot | null> {
    return m.getRepository(PointsLot).findOneBy({ id });
  }

  async open(m: EntityManager, lot: Omit<PointsLot, 'id' | 'version' | 'expiryNoticeAt'>): Promise<void> {
    await m.getRepository(PointsLot).insert({ ...lot, version: 0, expiryNoticeAt: null });
  }

  /**
   * Which lots `amount` comes from: `first` (a reversal's own credit) before the rest, then oldest first; the part no
   * lot holds (points credited before lots existed) is left out.
   */
  plan(lots: PointsLot[], amount: number, firstEntryId?: number | null): LotTake[] {
    const ordered = [...lots].sort(
      (a, b) => Number(b.entryId === firstEntryId) - Number(a.entryId === firstEntryId) || a.id - b.id,
    );
    const takes: LotTake[] = [];
    let left = amount;
    for (const lot of ordered) {
      if (left <= 0) break;
      const take = Math.min(left, lot.remaining);
      if (take > 0) takes.push({ lot, amount: take });
      left -= take;
    }
    return takes;
  }

  /** Takes each share from its lot (never below 0) and records it against the debit entry. */
  async take(m: EntityManager, entryId: number, takes: LotTake[], now: Date): Promise<void> {
    for (const t of takes) {
      const res = await m
        .createQueryBuilder()
        .update(PointsLot)
        .set({ remaining: () => 'remaining - :take' })
        .where('id = :id AND remaining >= :take', { id: t.lot.id, take: t.amount })
        .execute();
      if (!res.affected) throw new AppException('POINTS_BUSY');
    }
    if (takes.length)
      await m
        .getRepository(PointsLotUse)
        .insert(
          takes.map((t) => ({ lotId: t.lot.id, entryId, amount: t.amount, restoredByEntryId: null, createdAt: now })),
        );
  }

  /**
   * A refund gives back what the debit `debitEntryId` took, to the same lots, once (the uses are claimed by the refund
   * entry with a conditional UPDATE). Returns the lots given back to, with the amounts.
   */
  async restore(m: EntityManager, debitEntryId: number, refundEntryId: number): Promise<LotTake[]> {
    // by primary key: a range lock on the uses' entry index would hold up every debit's new uses meanwhile
    const taken = await m.getRepository(PointsLotUse).findBy({ entryId: debitEntryId, restoredByEntryId: IsNull() });
    if (!taken.length) return [];
    await m
      .createQueryBuilder()
      .update(PointsLotUse)
      .set({ restoredByEntryId: refundEntryId })
      .where('id IN (:...ids) AND restoredByEntryId IS NULL', { ids: taken.map((u) => u.id) })
      .execute();
    const uses = await m.getRepository(PointsLotUse).findBy({ restoredByEntryId: refundEntryId });
    if (!uses.length) return [];
    const lots = new Map(
      (await m.getRepository(PointsLot).findBy({ id: In(uses.map((u) => u.lotId)) })).map((l) => [l.id, l]),
    );
    const back: LotTake[] = [];
    for (const u of uses) {
      await m
        .createQueryBuilder()
        .update(PointsLot)
        .set({ remaining: () => 'remaining + :a' })
        .where('id = :id', { id: u.lotId, a: u.amount })
        .execute();
      back.push({ lot: lots.get(u.lotId)!, amount: u.amount });
    }
    return back;
  }
}
