import { useCallback } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { InfoRow } from '../../components/Choice';
import { ErrorState, LoadingState } from '../../components/States';
import { NavigateButton } from '../../components/activity/NavigateButton';
import { ModeBadge } from '../../components/callups/ModeBadge';
import { useResource } from '../../hooks/useResource';
import { useNow } from '../../hooks/useNow';
import { countdownText, nextAction, RESULT_WORDS, STEP_WORDS } from '../../logic/callups';
import { formatDateTime } from '../../logic/format';
import { PAGES, pageUrl } from '../../logic/routes';
import { myCallup, type MyCallupDetail } from '../../services/callups';
import { ActionNotes, AnswerButtons, ArriveButtons, ReportButton } from './Actions';
import { useCallupActions } from './useCallupActions';
import '../../components/callups/callups.css';

/** What the guard filed, once filed. */
function MyReport({ c }: { c: MyCallupDetail }) {
  const me = c;
  if (me.myStatus !== 'reported') return null;
  return (
    <View className="jh-card" data-testid="callup-my-report">
      <Text className="jh-section-title jh-block">
        我的反馈（<Text className="jh-time">{formatDateTime(me.reportedAt ?? '')}</Text>）
      </Text>
      {me.reportText ? <Text className="jh-cu-body">{me.reportText}</Text> : null}
      {(me.reportItems ?? []).map((r) => (
        <Text key={r.itemId} className="jh-cu-line">
          {c.items.find((i) => i.id === r.itemId)?.label ?? r.itemId}：{RESULT_WORDS[r.result]}
          {r.note ? `（${r.note}）` : ''}
        </Text>
      ))}
      {me.pointsAwarded ? <Text className="jh-cu-strong">已获得 {me.pointsAwarded} 积分</Text> : null}
    </View>
  );
}

function Body({ c, onChanged }: { c: MyCallupDetail; onChanged: (next: MyCallupDetail) => void }) {
  const now = useNow(15_000);
  const a = useCallupActions(c.id, onChanged);
  const next = nextAction(c, now);
  return (
    <View>
      <View className={`jh-cu-row${c.mode === 'wartime' ? ' jh-cu-row--war' : ''}`}>
        <Text className="jh-cu-title" data-testid="callup-title">
          {c.title}
          <ModeBadge mode={c.mode} />
          {c.kind === 'verification' ? <Text className="jh-cu-badge">摸排</Text> : null}
        </Text>
        <Text className="jh-cu-strong" data-testid="callup-status">
          {STEP_WORDS[c.myStatus]}
        </Text>
        <Text className="jh-cu-body" data-testid="callup-task">
          {c.task}
        </Text>
      </View>
      <InfoRow label="集合地点" value={c.rally.address} testId="callup-rally" />
      <InfoRow
        label="截止时间"
        value={
          <Text>
            <Text className="jh-time">{formatDateTime(c.deadlineAt)}</Text>（
            {c.callupStatus === 'closed' ? '已结束' : countdownText(c.deadlineAt, now)}）
          </Text>
        }
        testId="callup-deadline"
      />
      <InfoRow
        label="发出单位"
        value={
          <Text>
            {c.unitName} · <Text className="jh-time">{formatDateTime(c.createdAt)}</Text>
          </Text>
        }
      />
      {c.items.length ? (
        <InfoRow label="摸排对象" value={c.items.map((i) => i.label).join('、')} testId="callup-items" />
      ) : null}
      <ActionNotes a={a} />
      {next === 'answer' ? <AnswerButtons a={a} /> : null}
      {next === 'arrive' ? <ArriveButtons a={a} /> : null}
      {next === 'report' ? <ReportButton id={c.id} /> : null}
      {next === 'closed' ? (
        <Text className="jh-block jh-notice" data-testid="callup-closed">
          这条指令已截止或已结束，不需要再回复。
        </Text>
      ) : null}
      {c.canShowQr && c.callupStatus === 'open' ? (
        <BigButton
          kind="secondary"
          onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.leaderCallupQr, { id: c.id }) })}
          testId="callup-leader-qr"
        >
          我是队长：出示到达码
        </BigButton>
      ) : null}
      <MyReport c={c} />
      <NavigateButton title={c.title} location={c.rally} />
    </View>
  );
}

/** One call-up for the guard: what, where, until when, then the one next step in a big button. */
export default function MyCallupPage() {
  const id = Number(useRouter().params.id);
  const callup = useResource(
    useCallback(() => myCallup(id), [id]),
    `my-callup:${id}`,
  );
  usePullDownRefresh(() => void callup.refresh().finally(() => Taro.stopPullDownRefresh()));
  // back from the report page: show the report
  useDidShow(() => {
    if (callup.status === 'ready') void callup.refresh();
  });
  return (
    <Screen testId="my-callup">
      {callup.status === 'loading' ? <LoadingState /> : null}
      {callup.status === 'error' ? <ErrorState message={callup.error} onRetry={callup.reload} /> : null}
      {callup.status === 'ready' ? <Body c={callup.data} onChanged={callup.replace} /> : null}
    </Screen>
  );
}
