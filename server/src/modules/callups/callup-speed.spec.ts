import { nearestRank, secondsBetween, speedOf } from './callup-speed.js';

describe('callup speed figures', () => {
  it('takes the nearest rank: the lower middle for an even count, the 9th of 10 for p90', () => {
    expect(nearestRank([10, 20, 30, 40], 0.5)).toBe(20);
    expect(nearestRank([10, 20, 30], 0.5)).toBe(20);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(nearestRank([5], 0.9)).toBe(5);
    expect(nearestRank([], 0.5)).toBeNull();
  });

  it('sorts before ranking and counts whole seconds', () => {
    expect(speedOf([300, 60, 120], [600])).toEqual({
      acceptMedianS: 120,
      acceptP90S: 300,
      arriveMedianS: 600,
      arriveP90S: 600,
    });
    const t = new Date('2026-11-30T08:00:00Z');
    expect(secondsBetween(t, new Date('2026-11-30T08:01:30.400Z'))).toBe(90);
    expect(secondsBetween(t, new Date('2026-11-30T07:59:00Z'))).toBe(0);
  });
});
