import type { DataSource } from 'typeorm';
import { Application } from '../../src/modules/applications/application.entity.js';
import type { OrgUnit } from '../../src/modules/org/org-unit.entity.js';
import type { User } from '../../src/modules/users/user.entity.js';
import { unitPii } from './factories.js';
import { unitIdNumber } from './factories-roster.js';

/**
 * An application of `user` for the person with ID number `unitIdNumber(n)`, reviewed at `station`
 * (pending review unless `over` says otherwise); the ID number and phone sealed with {@link unitPii}.
 */
export async function createApplication(
  ds: DataSource,
  at: Date,
  user: User,
  station: OrgUnit,
  n: number,
  over: Partial<Application> & { phone?: string } = {},
): Promise<Application> {
  const { phone = '13700000000', ...rest } = over;
  const idHash = unitPii.hash('id_number', unitIdNumber(n));
  const status = rest.status ?? 'pending_review';
  const repo = ds.getRepository(Application);
  return repo.save(
    repo.create({
      userId: user.id,
      status,
      green: false,
      rosterGuardId: null,
      name: '周强',
      idEnc: unitPii.encrypt(unitIdNumber(n)),
      idHash,
      openKey: status === 'pending_review' || status === 'pending_approval' ? idHash : null,
      birthDate: '1985-01-01',
      sex: 'male',
      phoneEnc: unitPii.encrypt(phone),
      phoneHash: unitPii.hash('phone', phone),
      occupation: 'security_guard',
      companyId: null,
      siteId: null,
      residenceCommunityId: null,
      lat: null,
      lng: null,
      stationId: station.id,
      assignmentRule: 'residence',
      reviewOrgUnitId: station.id,
      orgPath: station.path,
      skills: [],
      declarations: { noCriminalRecord: true, physicallyFit: true },
      agreementVersion: '2026-01',
      agreementSignedAt: at,
      criminalCheckId: null,
      steps: [],
      rejectReason: null,
      resubmissions: 0,
      submittedAt: at,
      decidedAt: null,
      volunteerId: null,
      createdAt: at,
      updatedAt: at,
      ...rest,
    }),
  );
}
