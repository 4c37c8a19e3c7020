import type { EntityManager } from 'typeorm';
import { MallProduct } from '../../modules/mall/entities/mall-product.entity.js';
import type { OrgUnit } from '../../modules/org/org-unit.entity.js';
import type { PointsLedgerService } from '../../modules/points/points-ledger.service.js';
import { User } from '../../modules/users/user.entity.js';
import { Volunteer } from '../../modules/volunteers/volunteer.entity.js';
import { sandboxOpenId } from '../../wechat-sandbox/sandbox-server.js';
import { DEMO_MALL_PRODUCTS, DEMO_MALL_STARTING_POINTS } from './demo-data.js';

/** The ledger's one way to change points; the seed credits through it like any other credit. */
export type DemoLedger = Pick<PointsLedgerService, 'post'>;

/**
 * The demo shop: the city's products on the shelf (picked up at the stations named), and 张伟's starting points,
 * credited through the points ledger (so the balance, the statement and the lots agree) without a message.
 */
export async function seedMallDemo(
  m: EntityManager,
  byCode: Map<string, OrgUnit>,
  ledger: DemoLedger | null,
  now: Date,
): Promise<void> {
  const city = byCode.get('MAS')!;
  const operator = await m.getRepository(User).findOneByOrFail({ username: 'mall' });
  for (const p of DEMO_MALL_PRODUCTS) {
    await m.getRepository(MallProduct).insert({
      name: p.name,
      category: p.category,
      description: p.description,
      imageIds: [],
      pointsPrice: p.pointsPrice,
      cashFen: p.cashFen,
      stock: p.stock,
      perPersonLimit: p.perPersonLimit,
      onShelf: true,
      pickupStationIds: p.pickupStationCodes.map((code) => byCode.get(code)!.id),
      delivery: false,
      orgUnitId: city.id,
      orgPath: city.path,
      createdByUserId: operator.id,
      createdAt: now,
      updatedAt: now,
    });
  }
  if (!ledger) return;
  const start = DEMO_MALL_STARTING_POINTS;
  const user = await m.getRepository(User).findOneByOrFail({ openid: sandboxOpenId(start.sandboxName) });
  const volunteer = await m.getRepository(Volunteer).findOneByOrFail({ userId: user.id });
  const org = byCode.get(start.orgCode)!;
  await ledger.post(m, {
    userId: user.id,
    volunteerId: volunteer.id,
    type: 'commendation',
    amount: start.amount,
    sourceType: 'demo',
    sourceId: 'mall-start',
    description: '演示积分：试用积分商城',
    idempotencyKey: `demo:mall-start:${user.id}`,
    awardingOrgId: org.id,
    awardingOrgPath: org.path,
    notify: false,
  });
}
