import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock.js';
import { StatCounter } from './stat-counter.entity.js';
import { StatsState } from './stats-state.entity.js';
import { StatsCompute } from './stats-compute.js';
import { addTo, counterKey, type CounterKind, type CounterRow } from './summary.js';

const ISSUED_WATERMARK = 'pts_issued.lotId';
const REFRESHED = 'refreshed';
const BATCH = 400;

/** What a refresh or a rebuild found: rows added, changed and removed. */
export interface StatsDifference {
  key: string;
  stored: number | null;
  computed: number | null;
}

/**
 * The `stats-refresh` job (run under its database lease by the jobs module): recomputes the summary figures and writes
 * only the rows that differ, in one transaction; points issued are added from the lot watermark. `rebuild:stats`
 * compares a full recomputation (from lot 0) with the stored rows and, with --fix, writes it.
 */
@Injectable()
export class StatsRefresh {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly compute: StatsCompute,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<Record<string, number>> {
    const computed = await this.compute.current();
    return this.ds.transaction(async (m) => {
      const mark = await this.state(m, ISSUED_WATERMARK);
      const issued = await this.compute.issuedAfter(mark);
      const stored = await this.stored(m);
      // points issued: the stored totals plus the new lots
      for (const [key, row] of stored) if (row.kind === 'pts_issued') computed.set(key, { ...row });
      for (const row of issued.rows) addTo(computed, row);
      const diff = await this.apply(m, stored, computed);
      await this.setState(m, ISSUED_WATERMARK, issued.upTo);
      await this.setState(m, REFRESHED, 0);
      return { changed: diff.length, rows: computed.size, lots: issued.upTo - mark };
    });
  }

  /** Recomputes everything from the raw rows (points issued from lot 0) and compares it with the stored rows. */
  async rebuild(fix: boolean): Promise<StatsDifference[]> {
    const computed = await this.compute.current();
    const issued = await this.compute.issuedAfter(0);
    for (const row of issued.rows) addTo(computed, row);
    return this.ds.transaction(async (m) => {
      const stored = await this.stored(m);
      const diff = differences(stored, computed);
      if (fix) {
        await this.apply(m, stored, computed);
        await this.setState(m, ISSUED_WATERMARK, issued.upTo);
        await this.setState(m, REFRESHED, 0);
      }
      return diff;
    });
  }

  /** When the figures were last brought up to date, null before the first run. */
  async refreshedAt(): Promise<Date | null> {
    return (await this.ds.getRepository(StatsState).findOneBy({ name: REFRESHED }))?.refreshedAt ?? null;
  }

  private async stored(m: EntityManager): Promise<Map<string, CounterRow>> {
    const rows = await m.getRepository(StatCounter).find();
    return new Map(
      rows.map((r) => [
        counterKey(r as CounterRow),
        { kind: r.kind as CounterKind, refId: r.refId, dim: r.dim, day: r.day, value: r.value },
      ]),
    );
  }

  private async apply(m: EntityManager, stored: Map<string, CounterRow>, computed: Map<string, CounterRow>) {
    const diff = differences(stored, computed);
    const repo = m.getRepository(StatCounter);
    const gone = diff.filter((d) => d.computed === null).map((d) => d.key);
    const rows = await repo.find({ select: { id: true, kind: true, refId: true, dim: true, day: true } });
    const ids = new Map(rows.map((r) => [counterKey(r as CounterRow), r.id]));
    const del = gone.map((k) => ids.get(k)!).filter(Boolean);
    for (let i = 0; i < del.length; i += BATCH) await repo.delete({ id: In(del.slice(i, i + BATCH)) });
    const fresh: CounterRow[] = [];
    for (const d of diff) {
      if (d.computed === null) continue;
      const id = ids.get(d.key);
      if (id) await repo.update({ id }, { value: d.computed });
      else fresh.push(computed.get(d.key)!);
    }
    for (let i = 0; i < fresh.length; i += BATCH) await repo.insert(fresh.slice(i, i + BATCH));
    return diff;
  }

  private async state(m: EntityManager, name: string): Promise<number> {
    return (await m.getRepository(StatsState).findOneBy({ name }))?.value ?? 0;
  }

  private async setState(m: EntityManager, name: string, value: number): Promise<void> {
    await m.getRepository(StatsState).save({ name, value, refreshedAt: this.clock.now() });
  }
}

/** Rows whose value differs (a missing row counts as null), sorted by key. */
export function differences(stored: Map<string, CounterRow>, computed: Map<string, CounterRow>): StatsDifference[] {
  const out: StatsDifference[] = [];
  for (const [key, row] of computed) {
    const had = stored.get(key);
    if (!had || had.value !== row.value) out.push({ key, stored: had?.value ?? null, computed: row.value });
  }
  for (const [key, row] of stored) if (!computed.has(key)) out.push({ key, stored: row.value, computed: null });
  return out.sort((a, b) => a.key.localeCompare(b.key));
}
