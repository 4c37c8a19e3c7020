import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  REQUIRED_EQUIPMENT,
  type AssignmentRule,
  type Occupation,
  type Sex,
  type VolunteerSkill,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { PiiCipher } from '../../common/pii/pii-cipher.js';
import type { OrgUnitRecord } from '../org/org.mapper.js';
import { Volunteer } from './volunteer.entity.js';
import { MemberNumberService } from './member-number.service.js';
import { StationAssignmentService } from './station-assignment.service.js';
import { Clock } from '../../common/clock/clock.js';

export interface EnrolInput {
  userId: number;
  applicationId: number;
  name: string;
  idEnc: string;
  idHash: string;
  phoneEnc: string | null;
  sex: Sex;
  birthDate: string;
  occupation: Occupation;
  companyId: number | null;
  siteId: number | null;
  residenceCommunityId: number | null;
  skills: VolunteerSkill[];
  station: OrgUnitRecord;
  rule: AssignmentRule;
  criminalCheckedAt: Date;
}

/**
 * Turns an approved application into a volunteer (on approval, docs/product.md#applications-and-review): member number,
 * station assignment with its first history entry, and the archive — in the caller's transaction.
 * A person who was revoked and applies again after the cool-off gets their old record back.
 */
@Injectable()
export class VolunteerEnrolmentService {
  constructor(
    private readonly memberNumbers: MemberNumberService,
    private readonly assignments: StationAssignmentService,
    private readonly pii: PiiCipher,
    private readonly clock: Clock,
  ) {}

  async enrol(m: EntityManager, actor: Actor, input: EnrolInput): Promise<Volunteer> {
    const repo = m.getRepository(Volunteer);
    const now = this.clock.now();
    const archive: Partial<Volunteer> = {
      userId: input.userId,
      status: 'active',
      stationId: input.station.id,
      skills: input.skills,
      birthDate: input.birthDate,
      name: input.name,
      idEnc: input.idEnc,
      idHash: input.idHash,
      phoneEnc: input.phoneEnc,
      phoneHash: input.phoneEnc ? this.pii.hash('phone', this.pii.decrypt(input.phoneEnc)) : null,
      sex: input.sex,
      occupation: input.occupation,
      companyId: input.companyId,
      siteId: input.siteId,
      residenceCommunityId: input.residenceCommunityId,
      applicationId: input.applicationId,
      statusReason: null,
      statusChangedAt: now,
      criminalCheckedAt: input.criminalCheckedAt,
    };
    const previous =
      (await repo.findOneBy({ idHash: input.idHash })) ?? (await repo.findOneBy({ userId: input.userId }));
    if (previous) {
      await repo.update(previous.id, { ...archive, joinedAt: now, lastDutyAt: null });
      await this.assignments.recordInitial(m, previous.id, previous.stationId, input.station, input.rule, actor);
      return repo.findOneByOrFail({ id: previous.id });
    }
    const memberNo = await this.memberNumbers.next(m, now);
    const res = await repo.insert({
      ...archive,
      memberNo,
      tier: 'basic',
      serviceMinutes: 0,
      lastDutyAt: null,
      joinedAt: now,
      createdAt: now,
      teams: [],
      equipment: [{ item: REQUIRED_EQUIPMENT, issuedOn: this.clock.today(now), count: 1 }],
      contacts: [],
      training: [],
      commendations: [],
      notes: null,
      starLevel: 0,
    });
    const id = res.identifiers[0].id as number;
    await this.assignments.recordInitial(m, id, null, input.station, input.rule, actor);
    return repo.findOneByOrFail({ id });
  }
}
