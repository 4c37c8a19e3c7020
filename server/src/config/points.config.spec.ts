import { readArea } from './config-area.js';
import { pointsConfig } from './points.config.js';

describe('points config', () => {
  it('POINTS_EXPIRY: none by default, end-of-second-year on request, anything else refused by name', () => {
    expect(readArea(pointsConfig.read, {})).toEqual({ expiry: 'none' });
    expect(readArea(pointsConfig.read, { POINTS_EXPIRY: 'end-of-second-year' })).toEqual({
      expiry: 'end-of-second-year',
    });
    expect(() => readArea(pointsConfig.read, { POINTS_EXPIRY: '2y' })).toThrow(/POINTS_EXPIRY/);
  });
});
