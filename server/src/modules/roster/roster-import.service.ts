import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ROSTER_COLUMNS, ROSTER_ROW_PROBLEMS, validateCreditCode, validateIdCard, type RosterImportResponse, type RosterRowError, type RosterRowProblem } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { PiiCipher } from '../../common/pii/pii-cipher.js';
import { whereOrgInScope } from '../../common/scope/org-scope.js';
import { AuditService } from '../audit/audit.service.js';
import { Company } from '../companies/company.entity.js';
import { RosterGuard } from './roster-guard.entity.js';
import { readRosterFile, type RawRosterRow, type RosterColumnKey } from './roster-file.js';

/** SQLite's expression-depth limit caps a multi-row statement; 400 rows is safe on both databases. */
const BATCH = 400;
const YES = new Set(['是', '持证', 'Y', 'YES', 'TRUE', '1']);
const NO = new Set(['否', '未持证', '无', 'N', 'NO', 'FALSE', '0']);

interface ValidRow {
  row: number;
  name: string;
  idNumber: string;
  idHash: string;
  certificateNo: string | null;
  certified: boolean;
  companyId: number;
}

/**
 * Roster import (SPEC §2.1): validate every row first, report every bad row, and apply the file in
 * one transaction only when all rows are good. Re-import updates by the ID number's keyed hash.
 */
@Injectable()
export class RosterImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pii: PiiCipher,
    private readonly audit: AuditService,
  ) {}

  async import(actor: Actor, file: Buffer): Promise<RosterImportResponse> {
    const started = Date.now();
    const raw = await readRosterFile(file);
    const { valid, errors } = await this.validate(actor, raw);
    if (errors.length) throw new AppException('ROSTER_IMPORT_INVALID', HttpStatus.UNPROCESSABLE_ENTITY, { errors, badRows: new Set(errors.map((e) => e.row)).size, totalRows: raw.length });

    const counts = await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(RosterGuard);
      const existing = new Set<string>();
      for (let i = 0; i < valid.length; i += BATCH) {
        const hashes = valid.slice(i, i + BATCH).map((r) => r.idHash);
        for (const g of await repo.find({ select: { idHash: true }, where: { idHash: In(hashes) } })) existing.add(g.idHash);
      }
      const now = new Date();
      for (let i = 0; i < valid.length; i += BATCH) {
        const values = valid.slice(i, i + BATCH).map((r) => ({
          companyId: r.companyId,
          name: r.name,
          idEnc: this.pii.encrypt(r.idNumber),
          idHash: r.idHash,
          certificateNo: r.certificateNo,
          certified: r.certified,
          createdAt: now,
          updatedAt: now,
        }));
        await repo.createQueryBuilder().insert().values(values).orUpdate(['companyId', 'name', 'idEnc', 'certificateNo', 'certified', 'updatedAt'], ['idHash']).updateEntity(false).execute();
      }
      const result = { total: valid.length, created: valid.length - existing.size, updated: existing.size };
      await this.audit.record(m, actor, { action: 'roster.import', targetType: 'roster', after: result });
      return result;
    });
    return { ...counts, durationMs: Date.now() - started };
  }

  private async validate(actor: Actor, raw: RawRosterRow[]): Promise<{ valid: ValidRow[]; errors: RosterRowError[] }> {
    const companies = await whereOrgInScope(this.dataSource.getRepository(Company).createQueryBuilder('c'), actor, 'c.homeStationId').getMany();
    const byName = new Map(companies.map((c) => [c.name, c.id]));
    const byCode = new Map(companies.map((c) => [c.creditCode, c.id]));
    const errors: RosterRowError[] = [];
    const valid: ValidRow[] = [];
    const firstRowOf = new Map<string, number>();
    const bad = (row: number, column: RosterColumnKey | null, problem: RosterRowProblem, extra: Partial<RosterRowError> = {}) =>
      errors.push({ row, column: column ? ROSTER_COLUMNS[column] : null, problem, message: ROSTER_ROW_PROBLEMS[problem], ...extra });

    for (const { row, values } of raw) {
      const before = errors.length;
      const name = values.name.replace(/\s+/g, '');
      if (!name) bad(row, 'name', 'NAME_MISSING');
      const idNumber = values.idNumber.replace(/\s+/g, '').toUpperCase();
      const id = validateIdCard(idNumber);
      if (!id.ok) bad(row, 'idNumber', id.problem === 'format' ? 'ID_NUMBER_FORMAT' : id.problem === 'birth_date' ? 'ID_NUMBER_BIRTH_DATE' : 'ID_NUMBER_CHECK_DIGIT');
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
      if (errors.length === before) valid.push({ row, name: name.slice(0, 32), idNumber, idHash, certificateNo, certified: certified!, companyId: companyId! });
    }
    return { valid, errors };
  }
}
