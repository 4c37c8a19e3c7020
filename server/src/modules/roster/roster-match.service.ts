import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { RosterGuard } from './roster-guard.entity.js';

export interface RosterMatch {
  guardId: number;
  certificateNo: string | null;
  /** Staff user who last imported or changed the row (null for rows from before that was kept). */
  lastChangedById: number | null;
}

/**
 * What other domains may ask of the roster (the green channel and the four-eyes rule, docs/product.md#four-eyes),
 * so they never read its table themselves.
 */
@Injectable()
export class RosterMatchService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The roster row of a certified guard with this ID number (keyed hash) and this exact name, if any. */
  async certifiedGuard(idHash: string, name: string): Promise<RosterMatch | null> {
    const g = await this.dataSource.getRepository(RosterGuard).findOneBy({ idHash });
    if (!g || !g.certified || g.name !== name) return null;
    return { guardId: g.id, certificateNo: g.certificateNo, lastChangedById: g.lastChangedById };
  }

  /** Each roster guard's name as on the roster (the data-honesty scan compares it with the applicant's). */
  async namesByIds(ids: readonly number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource
      .getRepository(RosterGuard)
      .find({ where: { id: In([...ids]) }, select: { id: true, name: true } });
    return new Map(rows.map((g) => [g.id, g.name]));
  }

  async byIds(ids: number[]): Promise<Map<number, RosterMatch>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource.getRepository(RosterGuard).findBy({ id: In(ids) });
    return new Map(
      rows.map((g) => [g.id, { guardId: g.id, certificateNo: g.certificateNo, lastChangedById: g.lastChangedById }]),
    );
  }
}
