import { mondayOf, ruleWeeks, SummaryIndex, weekOfDay, weekRowOf, type CounterRow, type UnitNode } from './summary.js';

const units: UnitNode[] = [
  { id: 1, name: '市局', level: 'city', parentId: null, path: '/1/' },
  { id: 2, name: '分局', level: 'branch', parentId: 1, path: '/1/2/' },
  { id: 3, name: '派出所', level: 'station', parentId: 2, path: '/1/2/3/' },
  { id: 4, name: '社区', level: 'community', parentId: 3, path: '/1/2/3/4/' },
  { id: 5, name: '另一分局', level: 'branch', parentId: 1, path: '/1/5/' },
  { id: 6, name: '另一所', level: 'station', parentId: 5, path: '/1/5/6/' },
];
const row = (kind: CounterRow['kind'], refId: number, value: number, day = '', dim = ''): CounterRow => ({
  kind,
  refId,
  dim,
  day,
  value,
});

describe(SummaryIndex.name, () => {
  it('ISO weeks of Shanghai business days: Sunday closes the week, Monday opens the next, across a year end', () => {
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(weekOfDay('2026-11-29')).toBe('2026-W48');
    expect(weekOfDay('2026-11-30')).toBe('2026-W49');
    expect(weekOfDay('2027-01-01')).toBe('2026-W53');
    const weeks = ruleWeeks('2026-12-02', 8);
    expect(weeks.thisWeek).toBe('2026-W49');
    expect(weeks.weeks).toEqual(['W41', 'W42', 'W43', 'W44', 'W45', 'W46', 'W47', 'W48'].map((w) => `2026-${w}`));
    expect(weeks.from).toBe('2026-10-05');
  });

  it('sums a unit’s subtree, and volunteers as of a day are now minus joined after plus left after', () => {
    const sut = new SummaryIndex(units, [
      row('vol', 3, 10, '', 'core'),
      row('vol', 6, 4, '', 'basic'),
      row('joined', 3, 2, '2026-11-30'),
      row('joined', 3, 1, '2026-11-20'),
      row('left', 3, 1, '2026-11-30'),
    ]);
    expect(sut.sum('vol', '/1/')).toBe(14);
    expect(sut.sum('vol', '/1/2/')).toBe(10);
    expect(sut.sum('vol', '/1/', (r) => r.dim === 'basic')).toBe(4);
    expect(sut.volunteersAt('/1/2/', null)).toBe(10);
    expect(sut.volunteersAt('/1/2/', '2026-11-29')).toBe(10 - 2 + 1);
    expect(sut.volunteersAt('/1/2/', '2026-11-19')).toBe(10 - 3 + 1);
    expect(sut.stationsUnder('/1/').map((s) => s.id)).toEqual([3, 6]);
  });

  it('counts a community’s patrols for its station, by week; a branch’s own activity counts for no station', () => {
    const sut = new SummaryIndex(units, [
      row('patrols', 3, 1, '2026-11-29'),
      row('patrols', 4, 2, '2026-11-29'),
      row('patrols', 4, 1, '2026-11-30'),
      row('patrols', 2, 5, '2026-11-30'),
    ]);
    expect([...sut.patrolWeeks(3)]).toEqual([
      ['2026-W48', 3],
      ['2026-W49', 1],
    ]);
    expect(sut.patrolWeeks(6).size).toBe(0);
    expect(sut.stationOf(4)).toBe(3);
    expect(sut.stationOf(2)).toBeNull();
  });

  it('a day row adds to the row of its ISO week (the Monday, Shanghai business days); current and day-only kinds add none', () => {
    expect(weekRowOf(row('joined', 3, 2, '2026-11-29'))).toEqual(row('joined_wk', 3, 2, '2026-11-23'));
    expect(weekRowOf(row('patrols', 4, 1, '2026-11-30'))).toEqual(row('patrols_wk', 4, 1, '2026-11-30'));
    expect(weekRowOf(row('tips_day', 3, 5, '2027-01-03'))).toEqual(row('tips_wk', 3, 5, '2026-12-28'));
    expect(weekRowOf(row('left', 6, 1, '2026-12-06'))?.day).toBe('2026-11-30');
    expect(weekRowOf(row('attendance', 3, 9, '2026-11-29'))).toBeNull();
    expect(weekRowOf(row('vol', 3, 9, '', 'core'))).toBeNull();
  });
});
