import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role, StaffRole } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { ActorSource, type LoadedActor } from '../../common/auth/actor-source.js';
import { typeormExec, type SqlExec } from '../../database/raw-sql.js';
import { OrgService } from '../org/org.service.js';
import { orgPathSql, type OrgUnitRecord } from '../org/org.mapper.js';
import { UserQueries, type UserRecord } from '../users/user-queries.js';
import { actorUserSql, personName } from '../users/person-name.js';
import { VOLUNTEER_OF_USER_SQL, VolunteerQueries, type VolunteerRecord } from '../volunteers/volunteer-queries.js';

/**
 * The guard's one query per authenticated request (also replayed by the sign-up benchmark).
 * Parameters: the token's login (`sid`, refresh-token family; null for none) and the user id. A
 * login ended by logout or by refresh-token reuse ends its access tokens at once: any row of the
 * family carrying `revokedAt` (revocation marks them all) makes `sessionEnded` 1. Each module writes
 * the SQL over its own tables: users the row, org the unit's path, volunteers the join, auth the session.
 */
export const ACTOR_SQL = actorUserSql({
  volunteerName: VOLUNTEER_OF_USER_SQL.name,
  columns: [
    `${orgPathSql('u.orgUnitId')} AS orgPath`,
    `${VOLUNTEER_OF_USER_SQL.status} AS volunteerStatus`,
    '(SELECT 1 FROM refresh_tokens rt WHERE rt.familyId = ? AND rt.revokedAt IS NOT NULL LIMIT 1) AS sessionEnded',
  ],
  joins: VOLUNTEER_OF_USER_SQL.join,
});

interface ActorRow {
  id: number | string;
  displayName: string;
  openid: string | null;
  roles: string | StaffRole[];
  status: 'active' | 'disabled';
  orgUnitId: number | string | null;
  orgPath: string | null;
  volunteerStatus: string | null;
  sessionEnded: number | string | null;
}

export interface LoadedPerson {
  user: UserRecord;
  volunteer: VolunteerRecord | null;
  /** The volunteer's managing station, for display. */
  station?: OrgUnitRecord | null;
}

/** Loads the person behind a token on every request, so role or org changes apply at once. */
@Injectable()
export class ActorLoader implements ActorSource {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly users: UserQueries,
    private readonly volunteers: VolunteerQueries,
    private readonly org: OrgService,
  ) {
    this.exec = typeormExec(dataSource.manager);
  }

  private readonly exec: SqlExec;

  async loadPerson(userId: number): Promise<LoadedPerson | null> {
    const user = await this.users.findWithOrgUnit(userId);
    if (!user) return null;
    const volunteer = await this.volunteers.findByUserId(userId);
    const station = volunteer?.stationId ? await this.org.findById(volunteer.stationId) : null;
    return { user, volunteer, station };
  }

  /**
   * The actor behind a token, in one query: this runs on every authenticated request, so it
   * reads exactly the columns the guard needs instead of hydrating three entities.
   */
  async loadActor(userId: number, sid: string | null, ip: () => string | null): Promise<LoadedActor | null> {
    // straight to the driver's pool on MySQL (no query runner per request); see typeormExec
    const row = (await this.exec(ACTOR_SQL, [sid, userId])).rows[0] as unknown as ActorRow | undefined;
    if (!row) return null;
    const staffRoles = (typeof row.roles === 'string' ? JSON.parse(row.roles) : row.roles) as StaffRole[];
    const roles: Role[] = [...staffRoles];
    if (row.volunteerStatus === 'active') roles.push('volunteer');
    return {
      active: row.status === 'active',
      sessionEnded: row.sessionEnded !== null && Number(row.sessionEnded) === 1,
      actor: {
        userId: Number(row.id),
        displayName: row.displayName,
        openid: row.openid,
        staffRoles,
        roles,
        orgUnitId: row.orgUnitId === null ? null : Number(row.orgUnitId),
        orgPath: row.orgPath,
        isStaff: staffRoles.length > 0,
        // read only when something is audited: the peer address costs a system call per connection
        get ip() {
          return ip();
        },
      },
    };
  }

  toActor({ user, volunteer }: LoadedPerson, ip: string | null): Actor {
    const roles: Role[] = [...user.roles];
    if (volunteer?.status === 'active') roles.push('volunteer');
    return {
      userId: user.id,
      displayName: personName(user, volunteer),
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
