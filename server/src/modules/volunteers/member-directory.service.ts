import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { UserQueries } from '../users/user-queries.js';
import { Volunteer } from './volunteer.entity.js';
import { personName } from '../users/person-name.js';

/**
 * Members' names for other modules' lists (sign-ups, attendance, points): the real name from the
 * volunteer archive (set from the application at approval), not the WeChat account's placeholder.
 * The real name is not masked: staff and the member themselves see it, like on the ID card.
 */
@Injectable()
export class MemberDirectory {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly users: UserQueries,
  ) {}

  /** Shown name by user id; users without a row are left out. */
  async namesByUserId(userIds: readonly number[]): Promise<Map<number, string>> {
    const ids = [...new Set(userIds)];
    if (!ids.length) return new Map();
    const [users, vols] = await Promise.all([
      this.users.findByIds(ids, { id: true, displayName: true, username: true }),
      this.ds
        .getRepository(Volunteer)
        .find({ where: { userId: In(ids) }, select: { id: true, userId: true, name: true } }),
    ]);
    const vol = new Map(vols.map((v) => [v.userId, v]));
    return new Map(users.map((u) => [u.id, personName(u, vol.get(u.id) ?? null)]));
  }
}
