import { Injectable } from '@nestjs/common';
import { maskPersonName } from '@jianghuai/shared';
import { OrgService } from '../org/org.service.js';
import { UserQueries } from '../users/user-queries.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';

/** Names staff see beside orders: the volunteer masked (张*), the pickup station, the staff member who handed over. */
export interface OrderNames {
  volunteer: (userId: number) => string;
  org: (orgUnitId: number | null) => string | null;
  staff: (userId: number | null) => string | null;
}

/** Looks the names for a batch of orders up in three reads, through the owners' query classes. */
@Injectable()
export class MallOrderNames {
  constructor(
    private readonly volunteers: VolunteerQueries,
    private readonly users: UserQueries,
    private readonly org: OrgService,
  ) {}

  async forOrders(
    orders: readonly { userId: number; pickupStationId: number | null; verifiedByUserId: number | null }[],
    extraOrgIds: readonly number[] = [],
  ): Promise<OrderNames> {
    const userIds = [...new Set(orders.map((o) => o.userId))];
    const staffIds = [...new Set(orders.map((o) => o.verifiedByUserId).filter((x): x is number => x !== null))];
    const orgIds = [
      ...new Set([...orders.map((o) => o.pickupStationId).filter((x): x is number => x !== null), ...extraOrgIds]),
    ];
    const [vols, users, units] = await Promise.all([
      this.volunteers.findByUserIds(userIds),
      this.users.findByIds([...new Set([...userIds, ...staffIds])], { id: true, displayName: true }),
      this.org.findByIds(orgIds),
    ]);
    const volName = new Map(vols.map((v) => [v.userId, v.name]));
    const userName = new Map(users.map((u) => [u.id, u.displayName]));
    const orgName = new Map(units.map((u) => [u.id, u.name]));
    return {
      volunteer: (userId) => maskPersonName(volName.get(userId) || userName.get(userId)),
      org: (id) => (id === null ? null : (orgName.get(id) ?? null)),
      staff: (id) => (id === null ? null : (userName.get(id) ?? null)),
    };
  }
}
