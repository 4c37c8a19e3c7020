import type { DataSource } from 'typeorm';
import { authConfig } from '../../config/auth.config.js';
import { readArea } from '../../config/config-area.js';
import { LoginBrakeService, type BrakeAttempt } from './login-brake.service.js';
import { clearTables, clockAt, unitDataSource } from '../../../test/unit/unit-db.js';

const T0 = Date.parse('2026-11-30T15:59:00Z');
const auth = readArea(authConfig.read, {
  PASSWORD_MAX_FAILURES: '5',
  PASSWORD_LOCK_MINUTES: '15',
  LOGIN_ACCOUNT_BRAKE_ADDRESSES: '3',
});

describe('LoginBrakeService', () => {
  let ds: DataSource;
  /** The brake as it answers `ms` after T0 (every instance shares the rows). */
  const brakeAt = (ms = 0) => new LoginBrakeService(auth, ds, clockAt(new Date(T0 + ms).toISOString()));
  const attempt = (address: string, username = 'admin'): BrakeAttempt => ({ route: 'staff-login', username, address });
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => 'allowed',
      (e: { code: string; details: { retryAfterSeconds: number } }) => `${e.code} ${e.details.retryAfterSeconds}s`,
    );

  beforeAll(async () => {
    ds = await unitDataSource();
  });
  beforeEach(() => clearTables(ds));
  afterAll(() => ds.destroy());

  it('lets the first failures through, then makes the address wait 1 s, 2 s … per account', async () => {
    const brake = brakeAt();
    for (let i = 0; i < 5; i++) await brake.claim(attempt('10.0.0.1'));
    expect(await refusal(brake.claim(attempt('10.0.0.1')))).toBe('RATE_LIMITED 1s');
    // another account from the same address is not braked
    expect(await refusal(brake.claim(attempt('10.0.0.1', 'other')))).toBe('allowed');
    await brakeAt(1_900).claim(attempt('10.0.0.1'));
    expect(await refusal(brakeAt(1_950).claim(attempt('10.0.0.1')))).toBe('RATE_LIMITED 2s');
  });

  it('one account however it is typed: case and spaces around the name share the brake', async () => {
    const brake = brakeAt();
    for (const name of ['Admin', ' admin', 'ADMIN ', 'admin', 'aDmin']) await brake.claim(attempt('10.0.0.1', name));
    expect(await refusal(brake.claim(attempt('10.0.0.1', 'admin')))).toBe('RATE_LIMITED 1s');
  });

  it('a success starts the address afresh, and a quiet spell as long as the cap forgives', async () => {
    const brake = brakeAt();
    for (let i = 0; i < 4; i++) await brake.claim(attempt('10.0.0.1'));
    await brake.succeeded(attempt('10.0.0.1'));
    for (let i = 0; i < 5; i++) await brake.claim(attempt('10.0.0.1'));
    expect(await refusal(brake.claim(attempt('10.0.0.1')))).toBe('RATE_LIMITED 1s');
    const later = brakeAt(16 * 60_000);
    for (let i = 0; i < 5; i++) await later.claim(attempt('10.0.0.1'));
    expect(await refusal(later.claim(attempt('10.0.0.1')))).toBe('RATE_LIMITED 1s');
  });

  it('failures from many addresses slow down new addresses on the account, not its known address', async () => {
    const brake = brakeAt();
    await brake.claim(attempt('10.0.0.9'));
    await brake.succeeded(attempt('10.0.0.9'));
    // one address alone never sets off the account brake
    for (let i = 0; i < 4; i++) await brake.claim(attempt('10.0.0.1'));
    expect(await refusal(brake.claim(attempt('10.0.0.2')))).toBe('allowed');
    await brake.claim(attempt('10.0.0.3'));
    // three failing addresses within a quarter of an hour
    expect(await refusal(brakeAt(100).claim(attempt('10.0.0.4')))).toBe('RATE_LIMITED 1s');
    expect(await refusal(brakeAt(100).claim(attempt('10.0.0.9')))).toBe('allowed');
    // the window passes
    expect(await refusal(brakeAt(16 * 60_000).claim(attempt('10.0.0.4')))).toBe('allowed');
  });
});
