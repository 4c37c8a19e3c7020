import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager, type Repository } from 'typeorm';
import {
  maskIdNumber,
  ROSTER_COLUMNS,
  ROSTER_ROW_PROBLEMS,
  validateCreditCode,
  validateIdCard,
  type RosterImportResponse,
  type RosterRowError,
  type RosterRowProblem,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { Clock } from '../../common/clock/clock.js';
import { PiiCipher } from '../../common/pii/pii-cipher.js';
import { AuditService } from '../audit/audit.service.js';
import { CompanyQueries } from '../companies/company-queries.js';
import { withRetryOnLockConflict } from '../../database/raw-sql.js';
import { RosterGuard } from './roster-guard.entity.js';
import { readRosterFile, type RawRosterRow, type RosterColumnKey } from './roster-file.js';

/** SQLite's expression-depth limit caps a multi-row statement; 400 rows is safe on both databases. */
const BATCH = 400;
const YES = new Set(['是', '持证', 'Y', 'YES', 'TRUE', '1']);
const NO = new Set(['否', '未持证', '无', 'N', 'NO', 'FALSE', '0']);

/** A transaction that lost a race (MariaDB deadlock between parallel imports, or a row not yet visible) runs again. */
const MAX_ATTEMPTS = 6;
/** Guard ids listed per org in the audit entry of an import (the counts are always complete). */
const LISTED_IDS = 200;

class RetryImport extends Error {}

const heldElsewhere = (row: number): RosterRowError => ({
  row,
  column: ROSTER_COLUMNS.idNumber,
  problem: 'HELD_ELSEWHERE',
  message: ROSTER_ROW_PROBLEMS.HELD_ELSEWHERE,
});

const invalid = (errors: RosterRowError[], totalRows: number) =>
  new AppException('ROSTER_IMPORT_INVALID', {
    errors,
    badRows: new Set(errors.map((e) => e.row)).size,
    totalRows,
  });

interface OrgSummary {
  created: number;
  updated: number;
  changed: number;
  createdIds: number[];
  changedIds: number[];
}

interface ValidRow {
  row: number;
  name: string;
  idNumber: string;
  idHash: string;
  certificateNo: string | null;
  certified: boolean;
  companyId: number;
}

/** Per station: what one import created and changed there, for the audit entry it gets. */
class Tally {
  readonly perStation = new Map<number, OrgSummary>();
  constructor(private readonly scope: Map<number, number>) {}

  of(companyId: number): OrgSummary {
    const station = this.scope.get(companyId)!;
    let s = this.perStation.get(station);
    if (!s) this.perStation.set(station, (s = { created: 0, updated: 0, changed: 0, createdIds: [], changedIds: [] }));
    return s;
  }

  created(companyId: number, guardId: number): void {
    const s = this.of(companyId);
    s.created++;
    if (s.createdIds.length < LISTED_IDS) s.createdIds.push(guardId);
  }

  changed(companyId: number, guardId: number): void {
    const s = this.of(companyId);
    s.changed++;
    if (s.changedIds.length < LISTED_IDS) s.changedIds.push(guardId);
  }
}

/** One attempt at applying a file: its transaction, importer, id and instant, and the importer's scope. */
interface ImportRun {
  m: EntityManager;
  actor: Actor;
  importId: string;
  now: Date;
  /** company id → its home station, for every company the importer may change */
  scope: Map<number, number>;
  totalRows: number;
  tally: Tally;
}

/**
 * Roster import (docs/product.md#companies-and-roster): validate every row first, report every bad row, and apply the file in
 * one transaction only when all rows are good. Re-import updates by the ID number's keyed hash.
 */
@Injectable()
export class RosterImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pii: PiiCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly companyQueries: CompanyQueries,
  ) {}

  async import(actor: Actor, file: Buffer): Promise<RosterImportResponse> {
    const started = this.clock.nowMs();
    const raw = await readRosterFile(file);
    const { valid, errors, scope } = await this.validate(actor, raw);
    if (errors.length) throw invalid(errors, raw.length);
    // Rows sorted by their key: parallel imports take the unique-index locks in one order.
    valid.sort((a, b) => (a.idHash < b.idHash ? -1 : a.idHash > b.idHash ? 1 : 0));
    const counts = await withRetryOnLockConflict(() => this.apply(actor, valid, scope, raw.length), {
      attempts: MAX_ATTEMPTS,
      retryAlso: (err) => err instanceof RetryImport,
    });
    return { ...counts, durationMs: this.clock.nowMs() - started };
  }

  /**
   * One transaction: insert the rows that are new (INSERT … IGNORE leaves rows already on the roster
   * alone), read every row of the file back (the rows carrying this import's id are the ones it
   * created, so the counts stay right when several imports run at once), then change the existing
   * rows that differ, each only while its company is still in the importer's scope. Every created or
   * changed row is audited where its company's station (and so its branch) reads the log.
   */
  private async apply(
    actor: Actor,
    valid: ValidRow[],
    scope: Map<number, number>,
    totalRows: number,
  ): Promise<{ total: number; created: number; updated: number }> {
    const importId = randomUUID();
    return this.dataSource.transaction(async (m) => {
      const run: ImportRun = { m, actor, importId, now: this.clock.now(), scope, totalRows, tally: new Tally(scope) };
      const repo = m.getRepository(RosterGuard);
      // All inserts before the first read: on MariaDB the read view then includes every row a
      // parallel import committed while this one waited on the unique index.
      await this.insertNew(run, valid);
      const current = await this.readBack(repo, valid);
      let created = 0;
      for (const r of valid) {
        const g = current.get(r.idHash);
        if (!g) throw new RetryImport();
        if (g.lastImportId === importId) {
          created++;
          run.tally.created(g.companyId, g.id);
          continue;
        }
        if (!scope.has(g.companyId)) throw invalid([heldElsewhere(r.row)], totalRows);
        run.tally.of(g.companyId).updated++;
        await this.changeExisting(run, r, g);
      }
      const result = { total: valid.length, created, updated: valid.length - created };
      for (const [station, s] of run.tally.perStation) {
        await this.audit.record(m, actor, {
          action: 'roster.import',
          targetType: 'roster',
          targetId: importId,
          orgUnitId: station,
          after: { ...result, here: s },
        });
      }
      return result;
    });
  }

  /** Inserts every row of the file not yet on the roster, marked with this import's id. */
  private async insertNew(run: ImportRun, valid: ValidRow[]): Promise<void> {
    const repo = run.m.getRepository(RosterGuard);
    for (let i = 0; i < valid.length; i += BATCH) {
      const values = valid.slice(i, i + BATCH).map((r) => ({
        companyId: r.companyId,
        name: r.name,
        idEnc: this.pii.encrypt(r.idNumber),
        idHash: r.idHash,
        certificateNo: r.certificateNo,
        certified: r.certified,
        lastChangedById: run.actor.userId,
        lastImportId: run.importId,
        createdAt: run.now,
        updatedAt: run.now,
      }));
      await repo.createQueryBuilder().insert().values(values).orIgnore().updateEntity(false).execute();
    }
  }

  /** The roster row of every ID number in the file, by its hash. */
  private async readBack(repo: Repository<RosterGuard>, valid: ValidRow[]): Promise<Map<string, RosterGuard>> {
    const current = new Map<string, RosterGuard>();
    for (let i = 0; i < valid.length; i += BATCH) {
      const rows = await repo.find({
        select: {
          id: true,
          idHash: true,
          companyId: true,
          name: true,
          certificateNo: true,
          certified: true,
          lastImportId: true,
        },
        where: { idHash: In(valid.slice(i, i + BATCH).map((r) => r.idHash)) },
      });
      for (const g of rows) current.set(g.idHash, g);
    }
    return current;
  }

  /** Changes an existing row that differs from the file, only while its company is in scope, audited at both stations. */
  private async changeExisting(run: ImportRun, r: ValidRow, g: RosterGuard): Promise<void> {
    const before = {
      name: g.name,
      certificateNo: g.certificateNo,
      certified: !!g.certified,
      companyId: g.companyId,
    };
    const after = { name: r.name, certificateNo: r.certificateNo, certified: r.certified, companyId: r.companyId };
    const changedKeys = (Object.keys(before) as (keyof typeof before)[]).filter((k) => before[k] !== after[k]);
    if (!changedKeys.length) return;
    const res = await run.m
      .getRepository(RosterGuard)
      .createQueryBuilder()
      .update()
      .set({ ...after, lastChangedById: run.actor.userId, lastImportId: run.importId, updatedAt: run.now })
      .where('id = :id AND companyId IN (:...scopedIds)', { id: g.id, scopedIds: [...run.scope.keys()] })
      .execute();
    if (!res.affected) throw invalid([heldElsewhere(r.row)], run.totalRows);
    for (const companyId of new Set([before.companyId, after.companyId])) run.tally.changed(companyId, g.id);
    // every change of an existing row, at the old and the new company's station
    const pick = (o: typeof before) => ({
      idNumberMasked: maskIdNumber(r.idNumber),
      ...Object.fromEntries(changedKeys.map((k) => [k, o[k]])),
    });
    for (const companyId of new Set([before.companyId, after.companyId])) {
      await this.audit.record(run.m, run.actor, {
        action: 'roster.guard.change',
        targetType: 'roster',
        targetId: String(g.id),
        orgUnitId: run.scope.get(companyId)!,
        before: pick(before),
        after: pick(after),
      });
    }
  }

  private async validate(
    actor: Actor,
    raw: RawRosterRow[],
  ): Promise<{ valid: ValidRow[]; errors: RosterRowError[]; scope: Map<number, number> }> {
    const companies = await this.companyQueries.inScope(actor);
    const scope = new Map(companies.map((c) => [c.id, c.homeStationId]));
    const byName = new Map(companies.map((c) => [c.name, c.id]));
    const byCode = new Map(companies.map((c) => [c.creditCode, c.id]));
    const errors: RosterRowError[] = [];
    const valid: ValidRow[] = [];
    const firstRowOf = new Map<string, number>();
    const bad = (
      row: number,
      column: RosterColumnKey | null,
      problem: RosterRowProblem,
      extra: Partial<RosterRowError> = {},
    ) =>
      errors.push({
        row,
        column: column ? ROSTER_COLUMNS[column] : null,
        problem,
        message: ROSTER_ROW_PROBLEMS[problem],
        ...extra,
      });

    for (const { row, values } of raw) {
      const before = errors.length;
      const name = values.name.replace(/\s+/g, '');
      if (!name) bad(row, 'name', 'NAME_MISSING');
      const idNumber = values.idNumber.replace(/\s+/g, '').toUpperCase();
      const id = validateIdCard(idNumber);
      if (!id.ok)
        bad(
          row,
          'idNumber',
          id.problem === 'format'
            ? 'ID_NUMBER_FORMAT'
            : id.problem === 'birth_date'
              ? 'ID_NUMBER_BIRTH_DATE'
              : 'ID_NUMBER_CHECK_DIGIT',
        );
      let companyId: number | undefined;
      const companyRef = values.company.trim();
      if (!companyRef) bad(row, 'company', 'COMPANY_MISSING');
      else {
        const code = validateCreditCode(companyRef);
        companyId = code.ok ? byCode.get(code.code) : byName.get(companyRef);
        if (!companyId) bad(row, 'company', 'COMPANY_UNKNOWN');
      }
      const certifiedText = values.certified.trim().toUpperCase();
      const certified = YES.has(certifiedText) ? true : NO.has(certifiedText) ? false : null;
      if (certified === null) bad(row, 'certified', 'CERTIFIED_INVALID');
      const certificateNo = values.certificateNo.trim() || null;
      if (certificateNo && certificateNo.length > 40) bad(row, 'certificateNo', 'CERTIFICATE_NO_TOO_LONG');
      let idHash = '';
      if (id.ok) {
        idHash = this.pii.hash('id_number', idNumber);
        const first = firstRowOf.get(idHash);
        if (first) bad(row, 'idNumber', 'DUPLICATE_IN_FILE', { firstRow: first });
        else firstRowOf.set(idHash, row);
      }
      if (errors.length === before)
        valid.push({
          row,
          name: name.slice(0, 32),
          idNumber,
          idHash,
          certificateNo,
          certified: certified!,
          companyId: companyId!,
        });
    }
    errors.push(...(await this.heldOutsideScope(firstRowOf, scope)));
    errors.sort((a, b) => a.row - b.row);
    const badRows = new Set(errors.map((e) => e.row));
    return { valid: valid.filter((r) => !badRows.has(r.row)), errors, scope };
  }

  /**
   * A person already on the roster of a company outside the importer's scope: a row error (at the row
   * first naming them) that names neither the company nor its branch (docs/product.md#companies-and-roster).
   */
  private async heldOutsideScope(
    firstRowOf: Map<string, number>,
    scope: Map<number, number>,
  ): Promise<RosterRowError[]> {
    const errors: RosterRowError[] = [];
    const hashes = [...firstRowOf.keys()];
    for (let i = 0; i < hashes.length; i += BATCH) {
      const held = await this.dataSource
        .getRepository(RosterGuard)
        .find({ select: { idHash: true, companyId: true }, where: { idHash: In(hashes.slice(i, i + BATCH)) } });
      for (const g of held) if (!scope.has(g.companyId)) errors.push(heldElsewhere(firstRowOf.get(g.idHash)!));
    }
    return errors;
  }
}
