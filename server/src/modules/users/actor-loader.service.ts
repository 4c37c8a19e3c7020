import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Role } from '@jianghuai/shared';
import { User } from './user.entity.js';
import { Volunteer } from '../volunteers/volunteer.entity.js';
import { OrgUnit } from '../org/org-unit.entity.js';
import type { Actor } from '../../common/auth/actor.js';

export interface LoadedPerson {
  user: User;
  volunteer: Volunteer | null;
  /** The volunteer's managing station, for display. */
  station?: OrgUnit | null;
}

/** Loads the person behind a token on every request, so role or org changes apply at once. */
@Injectable()
export class ActorLoader {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    @InjectRepository(OrgUnit) private readonly units: Repository<OrgUnit>,
  ) {}

  async loadPerson(userId: number): Promise<LoadedPerson | null> {
    const user = await this.users.findOne({ where: { id: userId }, relations: { orgUnit: true } });
    if (!user) return null;
    const volunteer = await this.volunteers.findOneBy({ userId });
    const station = volunteer?.stationId ? await this.units.findOneBy({ id: volunteer.stationId }) : null;
    return { user, volunteer, station };
  }

  toActor({ user, volunteer }: LoadedPerson, ip: string | null): Actor {
    const roles: Role[] = [...user.roles];
    if (volunteer?.status === 'active') roles.push('volunteer');
    return {
      userId: user.id,
      displayName: user.displayName,
      openid: user.openid,
      staffRoles: user.roles,
      roles,
      orgUnitId: user.orgUnitId,
      orgPath: user.orgUnit?.path ?? null,
      isStaff: user.roles.length > 0,
      ip,
    };
  }
}
