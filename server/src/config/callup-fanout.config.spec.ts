import { ConfigError, readArea } from './config-area.js';
import { callupFanoutConfig } from './callup-fanout.config.js';

describe('callupFanoutConfig', () => {
  it('defaults: workers on, a look each second, batches of 100, 8 pushes in flight, a 60 s lease', () => {
    expect(readArea(callupFanoutConfig.read, {})).toEqual({
      workers: true,
      pollMs: 1000,
      batch: 100,
      concurrency: 8,
      leaseSeconds: 60,
    });
  });

  it('reads its variables and names a bad one', () => {
    expect(
      readArea(callupFanoutConfig.read, {
        CALLUP_FANOUT_WORKERS: 'off',
        CALLUP_FANOUT_POLL_MS: '250',
        CALLUP_FANOUT_BATCH: '400',
        CALLUP_FANOUT_CONCURRENCY: '16',
        CALLUP_FANOUT_LEASE_SECONDS: '30',
      }),
    ).toEqual({ workers: false, pollMs: 250, batch: 400, concurrency: 16, leaseSeconds: 30 });
    expect(() => readArea(callupFanoutConfig.read, { CALLUP_FANOUT_WORKERS: 'maybe' })).toThrow(ConfigError);
    expect(() => readArea(callupFanoutConfig.read, { CALLUP_FANOUT_BATCH: '401' })).toThrow(/CALLUP_FANOUT_BATCH/);
  });
});
