import { describe, expect, it, vi } from 'vitest';
import {
  alertDraftProblem,
  alertFigures,
  alertTargetOf,
  EMPTY_ALERT_DRAFT,
  onlyUnitOf,
  radiusLabel,
  readShare,
} from '../../src/logic/alerts';

const draft = (over: Partial<typeof EMPTY_ALERT_DRAFT> = {}) => ({
  ...EMPTY_ALERT_DRAFT,
  title: '暴雨预警',
  text: '请注意低洼地段',
  ...over,
});

describe('the warning form', () => {
  it('aims at the chosen unit, or at a typed point with its radius', () => {
    expect(alertTargetOf(draft())).toBeNull();
    expect(alertTargetOf(draft({ kind: 'community', unitId: 7 }))).toEqual({ kind: 'community', id: 7 });
    expect(alertTargetOf(draft({ kind: 'radius', lat: '31.6518', lng: '118.4876', radiusM: 1000 }))).toEqual({
      kind: 'radius',
      lat: 31.6518,
      lng: 118.4876,
      radiusM: 1000,
    });
    expect(alertTargetOf(draft({ kind: 'radius', lat: '北纬', lng: '118' }))).toBeNull();
    expect(alertTargetOf(draft({ kind: 'radius', lat: '91', lng: '118' }))).toBeNull();
    expect(alertTargetOf(draft({ kind: 'radius', lat: '31', lng: '118', radiusM: 50 }))).toBeNull();
  });

  it('says in words what is missing', () => {
    expect(alertDraftProblem(draft({ title: '' }))).toContain('标题');
    expect(alertDraftProblem(draft({ text: 'x'.repeat(501), unitId: 1 }))).toContain('最多 500 字');
    expect(alertDraftProblem(draft())).toBe('请选择发给哪个单位或队伍');
    expect(alertDraftProblem(draft({ kind: 'radius' }))).toContain('纬度和经度');
    expect(alertDraftProblem(draft({ unitId: 3 }))).toBeNull();
  });

  it('shows distances and figures in words', () => {
    expect(radiusLabel(500)).toBe('500 米');
    expect(radiusLabel(2000)).toBe('2 公里');
    expect(readShare(3, 10)).toBe('已读 3 / 10（30%）');
    expect(readShare(0, 0)).toBe('已读 0 / 0（0%）');
    const counts = { recipients: 10, read: 3, pushed: 2, smsSent: 4, smsPending: 0, smsFailed: 1 };
    expect(alertFigures(counts).map((f) => `${f.label}${f.value}`)).toEqual([
      '已发送10',
      '已读3',
      '微信推送送达2',
      '短信已发4',
      '短信未发出1',
    ]);
  });
});

describe('message links', () => {
  it('the pages a warning’s and a bulletin’s messages open are pages of app.config', async () => {
    const g = globalThis as unknown as { defineAppConfig?: (c: unknown) => unknown };
    const before = g.defineAppConfig;
    g.defineAppConfig = (c) => c;
    try {
      vi.resetModules();
      const config = (await import('../../src/app.config')).default as unknown as {
        subPackages: { root: string; pages: string[] }[];
      };
      const pages = config.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`));
      // the server's links: alerts/detail/index?id=<id> and alerts/bulletin/index?id=<id>
      expect(pages).toEqual(expect.arrayContaining(['alerts/detail/index', 'alerts/bulletin/index']));
    } finally {
      g.defineAppConfig = before;
    }
  });
});

describe('onlyUnitOf', () => {
  const targets = {
    stations: [{ id: 3 }],
    communities: [{ id: 7 }, { id: 8 }],
    teams: [] as { id: number }[],
  };
  it('chooses the one unit of a kind in scope, and nothing when there are several, none, or a radius', () => {
    expect(onlyUnitOf('station', targets)).toBe(3);
    expect(onlyUnitOf('community', targets)).toBeNull();
    expect(onlyUnitOf('team', targets)).toBeNull();
    expect(onlyUnitOf('radius', targets)).toBeNull();
  });
});
