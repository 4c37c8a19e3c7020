import { describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { AUDIT_ACTION_LABELS, JOB_NAMES } from '@jianghuai/shared';
import { addMonths, buildExemption, quickMonthsLabel, recheckLine } from '../../src/logic/volunteer-edit';
import { buildEquipment, equipmentChanged, equipmentRowsOf } from '../../src/logic/company-edit';
import { JOB_LABELS, jobResultLine, lastRunLine, runningElsewhere } from '../../src/logic/jobs';
import { auditActionLabel, auditTargetLabel } from '../../src/admin/audit-labels';
import { staffTilesFor } from '../../src/logic/home';
import { useResource } from '../../src/hooks/useResource';

describe('特殊情况 (exemption) form', () => {
  const today = '2026-11-29';
  it('needs a reason of at least 2 characters and an end date today or later', () => {
    expect(buildExemption({ reason: ' 病', endsOn: '2026-12-31' }, today)).toMatchObject({
      ok: false,
      field: 'reason',
    });
    expect(buildExemption({ reason: '因病住院', endsOn: '' }, today)).toMatchObject({
      ok: false,
      field: 'endsOn',
      message: '请选择截止日期',
    });
    expect(buildExemption({ reason: '因病住院', endsOn: '2026-11-28' }, today)).toMatchObject({
      ok: false,
      field: 'endsOn',
      message: '截止日期不能早于今天',
    });
    expect(buildExemption({ reason: '  因病住院 ', endsOn: today }, today)).toEqual({
      ok: true,
      body: { reason: '因病住院', endsOn: today },
    });
  });

  it('quick end dates add whole months, ending on the last day of a shorter month', () => {
    expect(addMonths('2026-11-29', 1)).toBe('2026-12-29');
    expect(addMonths('2026-11-29', 3)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-12-31', 12)).toBe('2027-12-31');
    expect([1, 3, 12].map(quickMonthsLabel)).toEqual(['1 个月', '3 个月', '1 年']);
  });

  it('the re-check line says when it was last run and whether it is overdue', () => {
    expect(recheckLine({ criminalCheckedAt: null, criminalCheckDueOn: null }, '2026-11-29')).toBe('还没有核查记录');
    expect(
      recheckLine({ criminalCheckedAt: '2026-01-10T02:00:00.000Z', criminalCheckDueOn: '2027-01-10' }, '2026-11-29'),
    ).toBe('上次核查 2026-01-10；下次复核 2027-01-10 前');
    expect(
      recheckLine({ criminalCheckedAt: '2025-01-10T02:00:00.000Z', criminalCheckDueOn: '2026-01-10' }, '2026-11-29'),
    ).toBe('上次核查 2025-01-10；已于 2026-01-10 到期，请尽快复核');
  });
});

describe('company equipment rows', () => {
  it('round-trips the saved counts and ignores blank rows', () => {
    const rows = equipmentRowsOf({ 防暴盾牌: 10, 对讲机: 4 });
    expect(rows).toEqual([
      { name: '防暴盾牌', count: '10' },
      { name: '对讲机', count: '4' },
    ]);
    expect(buildEquipment([...rows, { name: ' ', count: '' }])).toEqual({
      ok: true,
      equipment: { 防暴盾牌: 10, 对讲机: 4 },
    });
  });

  it('refuses what the server refuses, pointing at the row', () => {
    expect(buildEquipment([{ name: '', count: '3' }])).toEqual({ ok: false, row: 0, message: '请填写装备名称' });
    expect(
      buildEquipment([
        { name: '盾牌', count: '2' },
        { name: '盾牌 ', count: '1' },
      ]),
    ).toMatchObject({ ok: false, row: 1 });
    expect(buildEquipment([{ name: '盾牌', count: '-1' }])).toMatchObject({
      ok: false,
      row: 0,
      message: '“盾牌”的数量应为 0 到 100000 的整数',
    });
    expect(buildEquipment([{ name: '盾牌', count: '100001' }])).toMatchObject({ ok: false, row: 0 });
    expect(buildEquipment([{ name: '盾牌', count: '1.5' }])).toMatchObject({ ok: false, row: 0 });
    expect(buildEquipment([{ name: '超'.repeat(21), count: '1' }])).toMatchObject({
      ok: false,
      message: '装备名称最多 20 个字',
    });
    const many = Array.from({ length: 31 }, (_, i) => ({ name: `装备${i}`, count: '1' }));
    expect(buildEquipment(many)).toMatchObject({ ok: false, row: 30, message: '最多登记 30 种装备' });
    expect(buildEquipment([{ name: '盾牌', count: '0' }])).toEqual({ ok: true, equipment: { 盾牌: 0 } });
  });

  it('knows when nothing changed', () => {
    expect(equipmentChanged({ 盾牌: 2 }, { 盾牌: 2 })).toBe(false);
    expect(equipmentChanged({ 盾牌: 2 }, { 盾牌: 3 })).toBe(true);
    expect(equipmentChanged({ 盾牌: 2 }, {})).toBe(true);
    expect(equipmentChanged({}, { 盾牌: 0 })).toBe(true);
  });
});

describe('scheduled jobs page', () => {
  it('every job has a Chinese title', () => {
    for (const name of JOB_NAMES) expect(JOB_LABELS[name].title).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('says in words what a run changed', () => {
    expect(jobResultLine({ revoked: 2, warned: 5 })).toBe('注销 2 人，提醒 5 人');
    expect(jobResultLine({})).toBe('无需处理');
    expect(lastRunLine({ lastRunAt: null, lastResult: null })).toBe('还没有运行过');
    expect(lastRunLine({ lastRunAt: '2026-11-29T01:05:00.000Z', lastResult: { regraded: 3 } })).toBe(
      '上次运行 2026-11-29 09:05：星级变动 3 人',
    );
  });

  it('a lease still running elsewhere is shown as running', () => {
    const now = Date.parse('2026-11-29T01:00:00Z');
    expect(runningElsewhere({ leaseUntil: '2026-11-29T01:01:00Z' }, now)).toBe(true);
    expect(runningElsewhere({ leaseUntil: '2026-11-29T00:59:00Z' }, now)).toBe(false);
    expect(runningElsewhere({ leaseUntil: null }, now)).toBe(false);
  });

  it('the system administrator gets the 定时任务 tile', () => {
    expect(staffTilesFor(['sysadmin']).find((t) => t.key === 'jobs')?.target).toEqual({
      kind: 'page',
      url: '/admin/jobs/index',
    });
    expect(staffTilesFor(['station_officer']).some((t) => t.key === 'jobs')).toBe(false);
  });
});

describe('audit log words', () => {
  it('every action the server can record reads as Chinese, unknown codes as they are', () => {
    for (const action of Object.keys(AUDIT_ACTION_LABELS)) expect(auditActionLabel(action)).toMatch(/^[\u4e00-\u9fa5]/);
    expect(auditActionLabel('company.site.delete')).toBe('删除驻勤点');
    expect(auditTargetLabel('service_site')).toBe('驻勤点');
    expect(auditActionLabel('something.new')).toBe('something.new');
  });
});

describe('useResource.refresh', () => {
  it('keeps the data on screen while it reloads, then shows the new data', async () => {
    let n = 0;
    let release: () => void = () => undefined;
    const fetcher = vi.fn(() => {
      n += 1;
      const value = n;
      return value === 1 ? Promise.resolve(value) : new Promise<number>((resolve) => (release = () => resolve(value)));
    });
    const { result } = renderHook(() => useResource(fetcher, 'k'));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current.data).toBe(1);
    let done: Promise<void> = Promise.resolve();
    act(() => {
      done = result.current.refresh();
    });
    expect(result.current).toMatchObject({ status: 'ready', data: 1 });
    await act(async () => {
      release();
      await done;
    });
    expect(result.current).toMatchObject({ status: 'ready', data: 2 });
  });
});
