import type { DataSource } from 'typeorm';
import { AuditLog } from '../../../test/unit/rows.js';
import { staffActor } from '../../../test/unit/actors.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { orgTree, unitAudit, type UnitTree } from '../../../test/unit/factories.js';
import { TargetQueries } from './target-queries.js';
import { TargetsService, validTargetValue } from './targets.service.js';

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code: string }) => e.code,
  );

describe(TargetsService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  const clock = clockAt('2026-11-30T15:30:00Z');
  const sut = () => new TargetsService(ds, unitAudit(ds, clock), clock, new TargetQueries(ds));

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
  });
  afterAll(() => ds.destroy());

  it('answers the defaults while the city has set nothing', async () => {
    const all = await sut().current();
    expect(all.map((t) => [t.key, t.value, t.dueDate, t.isDefault])).toEqual([
      ['volunteers_total', 10000, '2022-06-30', true],
      ['join_rate_security_company', 80, '2022-05-15', true],
      ['join_rate_self_employed', 60, '2022-05-15', true],
      ['join_rate_property', 60, '2022-05-15', true],
      ['certified_coverage', 100, '2022-06-10', true],
      ['active_team_per_station', 1, null, true],
      ['weekly_patrols', 1, null, true],
    ]);
    expect(await sut().history('volunteers_total')).toEqual([]);
  });

  it('appends a row per change: the newest is in force, the older ones are the history, each audited', async () => {
    const city = staffActor('city_officer', org.city, 3);
    await sut().set(city, { key: 'volunteers_total', value: 12000, dueDate: '2027-06-30', note: '市局通知' });
    const now = await sut().set(city, { key: 'volunteers_total', value: 15000, dueDate: '2027-12-31' });
    expect(now).toMatchObject({ value: 15000, dueDate: '2027-12-31', isDefault: false, setByName: city.displayName });
    const history = await sut().history('volunteers_total');
    expect(history.map((h) => [h.value, h.note])).toEqual([
      [15000, null],
      [12000, '市局通知'],
    ]);
    const others = (await sut().current()).filter((t) => t.key !== 'volunteers_total');
    expect(others.every((t) => t.isDefault)).toBe(true);
    const audits = await ds.getRepository(AuditLog).find({ where: { action: 'target.set' }, order: { id: 'ASC' } });
    expect(audits.map((a) => a.after)).toEqual([
      { value: 12000, dueDate: '2027-06-30', note: '市局通知' },
      { value: 15000, dueDate: '2027-12-31', note: null },
    ]);
    expect(audits[0].before).toEqual({ value: 10000, dueDate: '2022-06-30', isDefault: true });
  });

  it('refuses a value that does not fit the target and an unknown key', async () => {
    const city = staffActor('city_officer', org.city, 3);
    expect(await code(sut().set(city, { key: 'join_rate_property', value: 100.5, dueDate: null }))).toBe(
      'TARGET_VALUE_INVALID',
    );
    expect(await code(sut().set(city, { key: 'weekly_patrols', value: 1.5, dueDate: null }))).toBe(
      'TARGET_VALUE_INVALID',
    );
    expect(await code(sut().history('nope'))).toBe('TARGET_KEY_UNKNOWN');
    expect(validTargetValue('join_rate_property', 62.5)).toBe(true);
    expect(validTargetValue('join_rate_property', 62.55)).toBe(false);
    expect(validTargetValue('volunteers_total', -1)).toBe(false);
    expect(validTargetValue('volunteers_total', 2_000_000)).toBe(false);
  });
});
