import type { DataSource } from 'typeorm';
import { creditCodeCheckChar, idCardCheckChar, type CompanyType } from '@jianghuai/shared';
import { Company } from '../../src/modules/companies/company.entity.js';
import type { OrgUnit } from '../../src/modules/org/org-unit.entity.js';
import { RosterGuard } from '../../src/modules/roster/roster-guard.entity.js';
import { unitPii } from './factories.js';

/** A valid unified social credit code, numbered `n`. */
export function unitCreditCode(n: number): string {
  const first17 = `91340500MA${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

/** A valid 18-digit ID number (fictitious area 340504, born 1985-01-01), numbered `n` (0–999). */
export function unitIdNumber(n: number): string {
  const first17 = `34050419850101${String(n % 1000).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
}

let companySeq = 0;

/** A company at `station`, its credit code unique within the run. */
export async function createCompany(
  ds: DataSource,
  at: Date,
  station: OrgUnit,
  over: Partial<Company> = {},
): Promise<Company> {
  companySeq++;
  const repo = ds.getRepository(Company);
  return repo.save(
    repo.create({
      name: `皖安保安服务有限公司${companySeq}`,
      type: 'security_company' as CompanyType,
      creditCode: unitCreditCode(900 + companySeq),
      homeStationId: station.id,
      contactName: null,
      contactPhoneEnc: null,
      contactPhoneHash: null,
      equipment: {},
      managerUserId: null,
      createdAt: at,
      updatedAt: at,
      ...over,
    }),
  );
}

/** A roster row of `company` for the person with `idNumber`, sealed and keyed with {@link unitPii}. */
export async function createGuard(
  ds: DataSource,
  at: Date,
  company: Company,
  idNumber: string,
  over: Partial<RosterGuard> = {},
): Promise<RosterGuard> {
  const repo = ds.getRepository(RosterGuard);
  return repo.save(
    repo.create({
      companyId: company.id,
      name: '张伟',
      idEnc: unitPii.encrypt(idNumber),
      idHash: unitPii.hash('id_number', idNumber),
      certificateNo: null,
      certified: true,
      lastChangedById: null,
      lastImportId: null,
      createdAt: at,
      updatedAt: at,
      ...over,
    }),
  );
}
