import { ConfigError, readArea } from './config-area.js';
import { callupsConfig } from './callups.config.js';

const load = (env: Record<string, string>) => readArea(callupsConfig.read, env);

describe('callupsConfig', () => {
  it('credits 10 points, rotates the rally code every 30 s and lists 500 people on a board unless set', () => {
    expect(load({})).toMatchObject({ points: 10, qrSlotSeconds: 30, boardPeopleLimit: 500 });
    expect(load({ CALLUP_POINTS: '15', CALLUP_QR_SLOT_SECONDS: '20', CALLUP_BOARD_PEOPLE_LIMIT: '100' })).toMatchObject(
      { points: 15, qrSlotSeconds: 20, boardPeopleLimit: 100 },
    );
  });

  it('keys the rally code apart from the check-in code and from another secret', () => {
    const a = load({ JWT_SECRET: 'x'.repeat(40) }).qrSecret;
    expect(load({ JWT_SECRET: 'x'.repeat(40) }).qrSecret.equals(a)).toBe(true);
    expect(load({ JWT_SECRET: 'y'.repeat(40) }).qrSecret.equals(a)).toBe(false);
    expect(load({ JWT_SECRET: 'x'.repeat(40), CALLUP_QR_SECRET: 'z'.repeat(40) }).qrSecret.equals(a)).toBe(false);
  });

  it('names a value out of range', () => {
    for (const [name, bad] of [
      ['CALLUP_POINTS', '-1'],
      ['CALLUP_QR_SLOT_SECONDS', '1'],
      ['CALLUP_BOARD_PEOPLE_LIMIT', 'lots'],
    ]) {
      try {
        load({ [name]: bad });
        throw new Error('accepted');
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        expect((e as ConfigError).problems.join()).toContain(name);
      }
    }
  });
});
