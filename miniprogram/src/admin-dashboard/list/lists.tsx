import { useCallback } from 'react';
import { Text, View } from '@tarojs/components';
import type {
  JoinRateRow,
  MissingGuardRow,
  OverdueApplicationRow,
  Page,
  StationWithoutTeamRow,
  WeeklyRuleStationRow,
} from '@jianghuai/shared';
import { BigButton } from '../../components/BigButton';
import { PagedListView } from '../../components/PagedListView';
import { openPage } from '../../hooks/navigate';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { formatDateTime } from '../../logic/format';
import { joinRowUrl, pctText, rateAgainstTarget } from '../../logic/dashboard';
import { PAGES, pageUrl } from '../../logic/routes';
import {
  certifiedMissingGuards,
  companyMissingGuards,
  joinRateRows,
  overdueApplications,
  stationsWithoutTeam,
  weeklyRuleStations,
} from '../../services/dashboard';
import { Verdict } from '../components/Figures';

function useList<T>(fetch: (q: { page: number; pageSize: number }) => Promise<Page<T>>, key: string) {
  return usePagedList(
    useCallback((page: number) => fetch({ page, pageSize: PAGE_SIZE }), [fetch]),
    key,
  );
}

/** Join rate of the units below (or a station's companies); a row opens the next level down. */
export function JoinList({ unitId, onTitle }: { unitId?: number; onTitle: (t: string) => void }) {
  const fetch = useCallback(
    async (q: { page: number; pageSize: number }) => {
      const page = await joinRateRows({ ...q, unitId });
      onTitle(`${page.unit.name} · 入会率`);
      return page;
    },
    [unitId, onTitle],
  );
  const list = useList<JoinRateRow>(fetch, `join:${unitId ?? ''}`);
  return (
    <View>
      <PagedListView
        list={list}
        testId="dash-join-list"
        emptyText="下面没有单位或保安单位。"
        countLabel={(n) => `共 ${n} 个，点一个查看下一级`}
        renderItem={(r) => (
          <View
            key={`${r.kind}-${r.id}`}
            className="jh-row-card"
            onClick={() => openPage(joinRowUrl(r))}
            data-testid="dash-join-row"
            data-name={r.name}
          >
            <Text className="jh-row-card__title">{r.name} ›</Text>
            <Text className="jh-row-card__line">
              {r.companyTypeLabel ? `${r.companyTypeLabel} · ` : ''}花名册 {r.rosterTotal} 人，已加入 {r.rosterJoined}{' '}
              人
            </Text>
            <Text className="jh-row-card__line" data-testid="dash-join-rate">
              入会率 {pctText(r.joinRate)}
              {r.targetPct !== null ? `（目标 ${r.targetPct}%）` : ''}
            </Text>
            {r.targetPct !== null ? <Verdict reading={rateAgainstTarget(r.joinRate, r.targetPct)} /> : null}
          </View>
        )}
      />
      {unitId ? (
        <BigButton
          kind="secondary"
          onClick={() => openPage(pageUrl(PAGES.dashboard, { unitId }))}
          testId="dash-join-open-unit"
        >
          查看该单位数据看板
        </BigButton>
      ) : null}
    </View>
  );
}

function GuardCard({ g }: { g: MissingGuardRow }) {
  return (
    <View key={g.rosterId} className="jh-row-card" data-testid="dash-missing-row">
      <Text className="jh-row-card__title" data-testid="dash-missing-name">
        {g.name}
        {g.hasCertificate ? '（持保安员证）' : ''}
      </Text>
      <Text className="jh-row-card__line">身份证 {g.idNumber}</Text>
      {g.phone ? <Text className="jh-row-card__line">电话 {g.phone}</Text> : null}
      <Text className="jh-row-card__line">{g.company.name}</Text>
    </View>
  );
}

/** The roster guards of one company (or, certified, of a unit) who have not joined; masked. */
export function MissingList({
  companyId,
  unitId,
  onTitle,
}: {
  companyId?: number;
  unitId?: number;
  onTitle: (t: string) => void;
}) {
  const fetch = useCallback(
    async (q: { page: number; pageSize: number }) => {
      const page = companyId
        ? await companyMissingGuards(companyId, q)
        : await certifiedMissingGuards({ ...q, unitId });
      if (companyId && page.items[0]) onTitle(`${page.items[0].company.name} · 未加入的保安`);
      return page;
    },
    [companyId, unitId, onTitle],
  );
  const list = useList<MissingGuardRow>(fetch, `missing:${companyId ?? ''}:${unitId ?? ''}`);
  return (
    <PagedListView
      list={list}
      testId="dash-missing-list"
      emptyText="花名册上的保安都已加入。"
      countLabel={(n) => `还有 ${n} 人未加入`}
      renderItem={(g) => <GuardCard key={g.rosterId} g={g} />}
    />
  );
}

export function NoTeamList({ unitId }: { unitId?: number }) {
  const fetch = useCallback((q: { page: number; pageSize: number }) => stationsWithoutTeam({ ...q, unitId }), [unitId]);
  const list = useList<StationWithoutTeamRow>(fetch, `no-team:${unitId ?? ''}`);
  return (
    <PagedListView
      list={list}
      testId="dash-no-team-list"
      emptyText="每个派出所都有活跃队伍。"
      countLabel={(n) => `${n} 个派出所没有活跃队伍`}
      renderItem={(s) => (
        <View key={s.stationId} className="jh-row-card" data-testid="dash-no-team-row">
          <Text className="jh-row-card__title">{s.name}</Text>
          <Text className="jh-row-card__line">
            {s.branch ? `${s.branch.name} · ` : ''}
            {s.teams ? `有 ${s.teams} 支队伍，都不活跃` : '还没有队伍'}
          </Text>
        </View>
      )}
    />
  );
}

export function WeeklyList({ unitId }: { unitId?: number }) {
  const fetch = useCallback((q: { page: number; pageSize: number }) => weeklyRuleStations({ ...q, unitId }), [unitId]);
  const list = useList<WeeklyRuleStationRow>(fetch, `weekly:${unitId ?? ''}`);
  return (
    <PagedListView
      list={list}
      testId="dash-weekly-list"
      emptyText="下面没有派出所。"
      countLabel={(n) => `共 ${n} 个派出所`}
      renderItem={(s) => (
        <View key={s.stationId} className="jh-row-card" data-testid="dash-weekly-station">
          <Text className="jh-row-card__title">{s.name}</Text>
          <Text className="jh-row-card__line">
            本周 {s.thisWeek} 次 · {s.thisWeekMet ? '已达标' : '未达标'}
          </Text>
          <Text className="jh-row-card__line">近 8 周达标 {s.weeksMet} 周</Text>
          <Text className="jh-row-card__line">
            {s.weeks.map((w) => `${w.week.slice(-3)} ${w.met ? '✓' : '✗'}${w.count}`).join('  ')}
          </Text>
        </View>
      )}
    />
  );
}

export function OverdueList({ unitId }: { unitId?: number }) {
  const fetch = useCallback((q: { page: number; pageSize: number }) => overdueApplications({ ...q, unitId }), [unitId]);
  const list = useList<OverdueApplicationRow>(fetch, `overdue:${unitId ?? ''}`);
  return (
    <PagedListView
      list={list}
      testId="dash-overdue-list"
      emptyText="没有超时未审的申请。"
      countLabel={(n) => `${n} 份申请已超过审核时限`}
      renderItem={(a) => (
        <View
          key={a.id}
          className="jh-row-card"
          onClick={() => openPage(pageUrl(PAGES.adminReviewDetail, { id: a.id }))}
          data-testid="dash-overdue-row"
        >
          <Text className="jh-row-card__title">
            {a.name} · {a.statusLabel} ›
          </Text>
          <Text className="jh-row-card__line">{a.org.name}</Text>
          <Text className="jh-row-card__line">
            提交于 <Text className="jh-time">{formatDateTime(a.submittedAt)}</Text>，已超时 {a.overdueDays} 天
          </Text>
        </View>
      )}
    />
  );
}
