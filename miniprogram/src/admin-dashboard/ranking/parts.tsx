import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import {
  RANKING_TITLE_MAX,
  RESPONSE_SPEED_UNAVAILABLE,
  type RankingCell,
  type RankingResponse,
  type RankingRow,
} from '@jianghuai/shared';
import { BigButton } from '../../components/BigButton';
import { DateTimeField } from '../../components/DateTimeField';
import { InlineError } from '../../components/States';
import { pctText, rankChange, rankingProblem, responseSpeedText } from '../../logic/dashboard';
import { HttpError, NETWORK_ERROR_MESSAGE } from '../../services/http';
import { exportRanking, publishRanking } from '../../services/reports';
import { Section } from '../components/Figures';

const message = (e: unknown) => (e instanceof HttpError ? e.message : NETWORK_ERROR_MESSAGE);

/** 第 2 名 ↑1 (上升 1 位): the rank and how it moved since the previous publication, in words too. */
function RankText({ cell, testId }: { cell: RankingCell; testId?: string }) {
  if (cell.rank === null) return <Text className="jh-muted">未排名</Text>;
  const change = rankChange(cell.rank, cell.previousRank);
  return (
    <Text data-testid={testId}>
      第 {cell.rank} 名 <Text className={`jh-dash-${change.tone}`}>{`${change.arrow} ${change.text}`}</Text>
    </Text>
  );
}

function metricLine(label: string, value: string, cell: RankingCell) {
  return (
    <Text className="jh-row-card__line">
      {label}：{value}（{cell.rank === null ? '未排名' : `第 ${cell.rank} 名`}）
    </Text>
  );
}

function UnitRow({ r, speedOpen }: { r: RankingRow; speedOpen: boolean }) {
  return (
    <View
      className={`jh-row-card${r.isOwn ? ' jh-dash-figure--ok' : ''}`}
      data-testid="ranking-row"
      data-name={r.orgName}
    >
      <Text className="jh-row-card__title">
        {r.orgName}
        {r.isOwn ? '（本单位）' : ''}
      </Text>
      <Text className="jh-row-card__line">
        综合：
        <RankText cell={r.overall} testId="ranking-overall" />
      </Text>
      {metricLine('入会率', pctText(r.joinRate.value), r.joinRate)}
      {metricLine('每周巡逻达标', pctText(r.weeklyRule.value), r.weeklyRule)}
      {metricLine('情报线索', `${r.tips.value ?? 0} 条`, r.tips)}
      {speedOpen ? (
        metricLine('召集响应速度', responseSpeedText(r.responseSpeed.value), r.responseSpeed)
      ) : (
        <Text className="jh-row-card__line">召集响应速度：{RESPONSE_SPEED_UNAVAILABLE}</Text>
      )}
    </View>
  );
}

/** One published ranking: branches, then stations, each in overall order with the change since the previous one. */
export function RankingView({ r }: { r: RankingResponse }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      await exportRanking(r.id, `${r.title}.xlsx`);
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View data-testid="ranking-view">
      <Text className="jh-title" data-testid="ranking-title">
        {r.title}
      </Text>
      <Text className="jh-block jh-muted">
        {r.periodStart} 至 {r.periodEnd} · {r.publishedByName} 发布
      </Text>
      <Text className="jh-block jh-muted">
        {r.previousTitle ? `与上期（${r.previousTitle}）相比` : '首次发布，没有上期排名'}
      </Text>
      {r.note ? <Text className="jh-block">{r.note}</Text> : null}
      {r.branches.length ? (
        <Section title="分局排名" testId="ranking-branches">
          {r.branches.map((row) => (
            <UnitRow key={row.orgId} r={row} speedOpen={r.responseSpeedAvailable} />
          ))}
        </Section>
      ) : null}
      <Section title="派出所排名" testId="ranking-stations">
        {r.stations.map((row) => (
          <UnitRow key={row.orgId} r={row} speedOpen={r.responseSpeedAvailable} />
        ))}
      </Section>
      <InlineError message={error} testId="ranking-export-error" />
      <BigButton kind="secondary" onClick={() => void download()} loading={busy} testId="ranking-export">
        导出 Excel
      </BigButton>
    </View>
  );
}

/** The city publishes a ranking for a period; the figures are taken as of its last day. */
export function PublishForm({ today, onPublished }: { today: string; onPublished: (r: RankingResponse) => void }) {
  const [title, setTitle] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const publish = async () => {
    const problem = rankingProblem(title, start, end, today);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      const r = await publishRanking({ title: title.trim(), periodStart: start, periodEnd: end });
      void Taro.showToast({ title: '已发布', icon: 'success' });
      onPublished(r);
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title="发布晒比通报" testId="ranking-publish">
      <Text className="jh-field__label">标题</Text>
      <Input
        className="jh-input jh-dash-input"
        value={title}
        maxlength={RANKING_TITLE_MAX}
        placeholder="如：第48周晒比通报"
        onInput={(e) => setTitle(e.detail.value)}
        data-testid="ranking-publish-title"
      />
      <DateTimeField label="统计开始日期" date={start} onChange={(v) => setStart(v.date)} testId="ranking-start" />
      <DateTimeField label="统计截止日期" date={end} onChange={(v) => setEnd(v.date)} testId="ranking-end" />
      <InlineError message={error} testId="ranking-publish-error" />
      <BigButton onClick={() => void publish()} loading={busy} loadingText="正在发布…" testId="ranking-publish-go">
        发布
      </BigButton>
    </Section>
  );
}
