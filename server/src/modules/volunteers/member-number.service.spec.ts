import type { DataSource } from 'typeorm';
import { readArea } from '../../config/config-area.js';
import { enrolmentConfig } from '../../config/enrolment.config.js';
import { MemberNumberService } from './member-number.service.js';
import { clearTables, clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { createUser, createVolunteer } from '../../../test/unit/factories.js';

describe('MemberNumberService', () => {
  let ds: DataSource;
  const clock = clockAt('2026-12-31T15:30:00Z');
  const sut = new MemberNumberService(readArea(enrolmentConfig.read, { MEMBER_NO_PREFIX: 'MAS' }), clock);

  beforeAll(async () => {
    ds = await unitDataSource();
  });
  beforeEach(() => clearTables(ds));
  afterAll(() => ds.destroy());

  it('numbers by the Shanghai year: 15:30 UTC on 31 December is still 2026, 16:00 UTC is already 2027', async () => {
    await ds.transaction(async (m) => {
      expect(await sut.next(m, new Date('2026-12-31T15:30:00Z'))).toBe('MAS2026000001');
      expect(await sut.next(m, new Date('2026-12-31T16:00:00Z'))).toBe('MAS2027000001');
      expect(await sut.next(m, new Date('2026-12-31T15:59:00Z'))).toBe('MAS2026000002');
    });
  });

  it('the first number of a year follows numbers already handed out (imported or seeded)', async () => {
    const at = clock.now();
    await createVolunteer(ds, at, await createUser(ds, at), null, { memberNo: 'MAS2026000041' });
    await createVolunteer(ds, at, await createUser(ds, at), null, { memberNo: 'MAS2025000900' });
    await ds.transaction(async (m) => {
      expect(await sut.next(m, at)).toBe('MAS2026000042');
      expect(await sut.next(m, at)).toBe('MAS2026000043');
    });
  });

  it('each configured prefix keeps its own sequence, six digits wide', async () => {
    const other = new MemberNumberService(readArea(enrolmentConfig.read, { MEMBER_NO_PREFIX: 'HS' }), clock);
    const at = clock.now();
    const numbers = await ds.transaction(async (m) => [
      await sut.next(m, at),
      await other.next(m, at),
      await sut.next(m, at),
      await other.next(m, at),
    ]);
    expect(numbers).toEqual(['MAS2026000001', 'HS2026000001', 'MAS2026000002', 'HS2026000002']);
  });
});
