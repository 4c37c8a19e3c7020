import type { DataSource } from 'typeorm';
import { RefreshToken } from './refresh-token.entity.js';
import { SessionsService } from './sessions.service.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';

describe(SessionsService.name, () => {
  let ds: DataSource;
  const sut = new SessionsService();
  const clock = clockAt('2026-11-30T16:30:00Z');
  const token = (userId: number, n: string, revokedAt: Date | null = null) => ({
    userId,
    familyId: `family-${n}`,
    tokenHash: `hash-${n}`.padEnd(64, '0'),
    expiresAt: new Date('2026-12-30T00:00:00Z'),
    rotatedAt: null,
    revokedAt,
    createdAt: clock.now(),
  });

  beforeAll(async () => {
    ds = await unitDataSource();
  });
  afterAll(() => ds.destroy());

  it("ends every live login of the user in the caller's transaction, leaves earlier revocations and other users alone", async () => {
    const earlier = new Date('2026-11-01T00:00:00Z');
    await ds
      .getRepository(RefreshToken)
      .insert([token(1, 'a'), token(1, 'b'), token(1, 'old', earlier), token(2, 'c')]);
    const at = clock.now();
    const ended = await ds.transaction((m) => sut.endAll(m, 1, at));
    expect(ended).toBe(2);
    const rows = await ds.getRepository(RefreshToken).find({ order: { id: 'ASC' } });
    expect(rows.map((r) => [r.userId, r.revokedAt?.toISOString() ?? null])).toEqual([
      [1, at.toISOString()],
      [1, at.toISOString()],
      [1, earlier.toISOString()],
      [2, null],
    ]);
    // a rolled-back caller ends nothing
    await ds
      .transaction(async (m) => {
        await sut.endAll(m, 2, clock.now());
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect((await ds.getRepository(RefreshToken).findOneByOrFail({ userId: 2 })).revokedAt).toBeNull();
  });
});
