import type { DataSource } from 'typeorm';
import { clockAt, errorCode as code, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createUser, createVolunteer, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { createCallup, unitCallupBoard } from '../../../test/unit/factories-callups.js';
import { CallupBoardService } from './callup-board.service.js';
import { CallupRecipient } from './entities/callup-recipient.entity.js';

describe(CallupBoardService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  // 07:30 on 1 December in Shanghai, still 30 November in UTC
  const clock = clockAt('2026-11-30T23:30:00Z');
  const sut = () => unitCallupBoard(ds, clock);

  const people = async (n: number, station = org.stationA) => {
    const out = [];
    for (let i = 0; i < n; i++) {
      const u = await createUser(ds, clock.now());
      const v = await createVolunteer(ds, clock.now(), u, station);
      out.push({ volunteerId: v.id, userId: u.id, stationId: station.id });
    }
    return out;
  };
  const progress = (sentAt: Date, id: number, acceptS: number | null, arriveS: number | null = null) =>
    ds.getRepository(CallupRecipient).update(id, {
      status: arriveS !== null ? 'arrived' : acceptS !== null ? 'accepted' : 'asked',
      acceptedAt: acceptS === null ? null : new Date(sentAt.getTime() + acceptS * 1000),
      arrivedAt: arriveS === null ? null : new Date(sentAt.getTime() + arriveS * 1000),
    });

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
  });
  afterAll(() => ds.destroy());

  it('counts exactly and takes the nearest-rank median and p90 from the sending time', async () => {
    const sentAt = new Date(clock.nowMs() - 3600_000);
    const { callup, recipients: r } = await createCallup(ds, org.stationA, sentAt, await people(4));
    await progress(sentAt, r[0].id, 40, 400);
    await progress(sentAt, r[1].id, 10);
    await progress(sentAt, r[2].id, 20, 100);
    const board = await sut().board(staffActor('branch_officer', org.branchA), callup.id);
    expect(board.counts).toMatchObject({ asked: 4, accepted: 3, declined: 0, arrived: 2, reported: 0 });
    expect(board.speed).toEqual({ acceptMedianS: 20, acceptP90S: 40, arriveMedianS: 100, arriveP90S: 400 });
    expect(board.people.map((p) => p.recipientId)).toEqual([r[0].id, r[2].id, r[1].id, r[3].id]);
    expect(await code(sut().board(staffActor('station_officer', org.stationB), callup.id))).toBe('NOT_FOUND');
    expect(await code(sut().board(staffActor('community_officer', org.communityA), callup.id))).toBe('NOT_FOUND');
  });

  it('speed per station counts call-ups sent on the Shanghai dates asked, not the UTC ones', async () => {
    // 00:10 on 1 December in Shanghai is 16:10 on 30 November in UTC
    const early = new Date('2026-11-30T16:10:00Z');
    const a = await createCallup(ds, org.branchA, early, await people(1));
    await progress(early, a.recipients[0].id, 30, 90);
    const eve = new Date('2026-11-30T15:50:00Z'); // 23:50 on 30 November in Shanghai
    const b = await createCallup(ds, org.branchA, eve, await people(1));
    await progress(eve, b.recipients[0].id, 5);
    const city = staffActor('city_officer', org.city);
    const res = await sut().speedByUnit(city, { from: '2026-12-01', to: '2026-12-01', level: 'station' });
    expect(res.rows.find((row) => row.orgId === org.stationA.id)).toMatchObject({
      callups: 2, // the call-up above of an hour ago is on 1 December too
      acceptMedianS: 20,
    });
    const nov = await sut().speedByUnit(city, { from: '2026-11-30', to: '2026-11-30', level: 'branch' });
    expect(nov.rows.find((row) => row.orgId === org.branchA.id)).toMatchObject({
      callups: 1,
      acceptMedianS: 5,
      arriveMedianS: null,
    });
    const station = await sut().speedByUnit(staffActor('station_officer', org.stationB), {});
    expect(station).toMatchObject({ from: '2026-11-02', to: '2026-12-01', level: 'station' });
    expect(station.rows.map((row) => row.orgId)).toEqual([org.stationB.id]);
  });
});
