import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager, type FindOptionsSelect } from 'typeorm';
import type { StaffRole } from '@jianghuai/shared';
import { User } from './user.entity.js';

/** A user row as other modules see it (they read and write the users table only through this module). */
export type UserRecord = User;

/** Reads of the users table for other modules; pass a transaction's manager to read inside it. */
@Injectable()
export class UserQueries {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.ds.manager).getRepository(User);
  }

  findById(id: number, manager?: EntityManager): Promise<UserRecord | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** With the user's org unit loaded (`orgUnit`). */
  findWithOrgUnit(id: number): Promise<UserRecord | null> {
    return this.repo().findOne({ where: { id }, relations: { orgUnit: true } });
  }

  findByIds(ids: readonly number[], select?: FindOptionsSelect<User>): Promise<UserRecord[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo().find({ where: { id: In([...ids]) }, ...(select ? { select } : {}) });
  }

  /** The staff at an org unit who hold a role. */
  withRoleAt(orgUnitId: number, role: StaffRole): Promise<UserRecord[]> {
    return this.repo()
      .createQueryBuilder('u')
      .where('u.orgUnitId = :sid AND u.roles LIKE :role', { sid: orgUnitId, role: `%"${role}"%` })
      .getMany();
  }

  /** The active staff at an org unit who hold any of these roles (who may act there, e.g. the reviewers of a stage). */
  activeWithAnyRoleAt(orgUnitId: number, roles: readonly StaffRole[]): Promise<UserRecord[]> {
    if (roles.length === 0) return Promise.resolve([]);
    const qb = this.repo()
      .createQueryBuilder('u')
      .where("u.orgUnitId = :unit AND u.status = 'active'", { unit: orgUnitId });
    qb.andWhere(`(${roles.map((_, i) => `u.roles LIKE :role${i}`).join(' OR ')})`);
    qb.setParameters(Object.fromEntries(roles.map((r, i) => [`role${i}`, `%"${r}"%`])));
    return qb.orderBy('u.id', 'ASC').getMany();
  }

  /** The users placed at any of these org units. */
  findAtOrgUnits(orgUnitIds: readonly number[], select?: FindOptionsSelect<User>): Promise<UserRecord[]> {
    if (orgUnitIds.length === 0) return Promise.resolve([]);
    return this.repo().find({ where: { orgUnitId: In([...orgUnitIds]) }, ...(select ? { select } : {}) });
  }
}
