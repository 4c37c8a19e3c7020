import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { StoredFile } from '../../../test/unit/rows.js';
import { Tip } from './entities/tip.entity.js';
import { TipsService } from './tips.service.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createUser, createVolunteer, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { unitTips } from '../../../test/unit/factories-tips.js';
import type { SubmitTipDto } from './tips.dto.js';

describe(TipsService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  let guard: Actor;
  let other: Actor;
  // 23:30 on 30 November in Shanghai
  const clock = clockAt('2026-11-30T15:30:00Z');
  const sut = () => unitTips(ds, clock);
  let n = 0;
  const dto = (over: Partial<SubmitTipDto> = {}): SubmitTipDto => ({
    clientRequestId: `unit-request-${++n}`,
    category: 'fire_hazard',
    text: '楼道里堆满了纸箱',
    ...over,
  });
  const actorOf = (userId: number): Actor => ({
    ...staffActor('station_officer', org.city, userId),
    staffRoles: [],
    roles: [],
    isStaff: false,
    orgUnitId: null,
    orgPath: null,
  });
  const file = async (ownerUserId: number, purpose = 'tip_photo') => {
    const id = `${String(++n).padStart(4, '0')}${'a'.repeat(28)}`;
    await ds.getRepository(StoredFile).insert({
      id,
      purpose,
      ownerUserId,
      mime: 'image/jpeg',
      sourceMime: 'image/jpeg',
      bytes: 10,
      width: 1,
      height: 1,
      sha256: 'x'.repeat(64),
      createdAt: clock.now(),
      attachedTo: null,
      deletedAt: null,
    } as never);
    return id;
  };

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    const at = clock.now();
    const u1 = await createUser(ds, at, { displayName: '张伟' });
    await createVolunteer(ds, at, u1, org.stationA);
    guard = actorOf(u1.id);
    other = actorOf((await createUser(ds, at)).id);
  });
  afterAll(() => ds.destroy());

  it('files the tip at the volunteer’s station with its photos, in the order sent', async () => {
    const [p1, p2] = [await file(guard.userId), await file(guard.userId)];
    const tip = await sut().submit(guard, dto({ photoIds: [p2, p1], urgency: 'urgent' }));
    expect(tip).toMatchObject({ status: 'submitted', urgency: 'urgent', stationName: '采石派出所' });
    expect(tip.photos.map((p) => p.fileId)).toEqual([p2, p1]);
    const row = await ds.getRepository(Tip).findOneByOrFail({ id: tip.id });
    expect(row).toMatchObject({ orgUnitId: org.stationA.id, orgPath: org.stationA.path, version: 1 });
    expect(row.occurredAt.getTime()).toBe(row.createdAt.getTime());
    expect((await ds.getRepository(StoredFile).findOneByOrFail({ id: p1 })).attachedTo).toBe(`tip:${tip.id}`);
  });

  it('returns the same tip for the same request id', async () => {
    const d = dto();
    const a = await sut().submit(guard, d);
    const b = await sut().submit(guard, { ...d, text: '改过的内容' });
    expect(b.id).toBe(a.id);
    expect(b.text).toBe('楼道里堆满了纸箱');
  });

  it('refuses someone else’s photo, another purpose and a non-volunteer, leaving nothing behind', async () => {
    const before = await ds.getRepository(Tip).count();
    expect(await code(sut().submit(guard, dto({ photoIds: [await file(other.userId)] })))).toBe('TIP_PHOTO_INVALID');
    expect(await code(sut().submit(guard, dto({ photoIds: [await file(guard.userId, 'personal')] })))).toBe(
      'TIP_PHOTO_INVALID',
    );
    expect(await code(sut().submit(other, dto()))).toBe('TIP_NOT_VOLUNTEER');
    expect(await code(sut().submit(guard, dto({ occurredAt: '2026-11-30T16:30:00Z' })))).toBe('TIP_OCCURRED_IN_FUTURE');
    expect(await ds.getRepository(Tip).count()).toBe(before);
  });

  it('shows a person only their own tips and threads, without internal notes', async () => {
    const tip = await sut().submit(guard, dto());
    expect(await code(sut().mine(other, tip.id))).toBe('NOT_FOUND');
    expect(await code(sut().myMessages(other, tip.id))).toBe('NOT_FOUND');
    const thread = await sut().postMine(guard, tip.id, { text: '补充：晚上九点左右' });
    expect(thread.map((m) => [m.author, m.fromStaff])).toEqual([['我', false]]);
    const page = await sut().listMine(guard, { page: 1, pageSize: 2 });
    expect(page.items[0].id).toBe(tip.id);
    expect(page.total).toBeGreaterThan(2);
    expect((await sut().listMine(other, { page: 1, pageSize: 20 })).total).toBe(0);
  });
});
