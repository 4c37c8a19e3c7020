import { useCallback, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { OCCUPATION_LABELS, type ApplicationResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { PagedListView } from '../../components/PagedListView';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import {
  QUEUE_STAGE_LABELS,
  queueBadges,
  statusLabel,
  waitingLabel,
  type QueueStage,
} from '../../logic/enrolment-view';
import { PAGES, pageUrl } from '../../logic/routes';
import { listApplications } from '../../services/enrolment-admin';
import { FilterChip } from '../FilterChip';
import '../../admin/admin.css';
import '../../components/enrolment.css';

const STAGES: QueueStage[] = ['review', 'approval', 'decided'];

function Row({ app }: { app: ApplicationResponse }) {
  const where = app.company
    ? `${app.company.name}${app.site ? ` · ${app.site.name}` : ''}`
    : OCCUPATION_LABELS[app.occupation];
  return (
    <View
      className="jh-row-card"
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.adminReviewDetail, { id: app.id }) })}
      data-testid="review-item"
    >
      <Text className="jh-row-card__title">
        {app.name}（{app.sex === 'male' ? '男' : '女'}，{app.birthDate.slice(0, 4)} 年生）
      </Text>
      <Text className="jh-row-card__line">身份证号：{app.idNumberMasked}</Text>
      <Text className="jh-row-card__line">{where}</Text>
      <Text className="jh-row-card__line">
        {app.station.name} · {app.stage ? waitingLabel(app.submittedAt) : statusLabel(app.status)}
      </Text>
      <View>
        {queueBadges(app).map((b) => (
          <Text key={b.text} className={`jh-badge jh-badge--${b.kind}`} data-testid={`badge-${b.kind}`}>
            {b.text}
          </Text>
        ))}
      </View>
    </View>
  );
}

/** 申请人姓名 search: applied on 搜索 or the keyboard's search key, not on every keystroke. */
function SearchBox({ onSearch }: { onSearch: (q: string) => void }) {
  const [draft, setDraft] = useState('');
  return (
    <View className="jh-search">
      <Input
        className="jh-input"
        value={draft}
        placeholder="申请人姓名"
        confirmType="search"
        onInput={(e) => setDraft(e.detail.value)}
        onConfirm={() => onSearch(draft.trim())}
        data-testid="review-search-input"
      />
      <Button
        className="jh-btn jh-btn--primary"
        onClick={() => onSearch(draft.trim())}
        data-testid="review-search-submit"
      >
        搜索
      </Button>
    </View>
  );
}

/** A count that goes up each time the page is shown again (coming back from a detail), not on the first show. */
function useReturns(): number {
  const [shown, setShown] = useState(0);
  const firstShow = useRef(true);
  useDidShow(() => {
    // The first show is the mount, which loads already; later ones are coming back from a detail.
    if (firstShow.current) firstShow.current = false;
    else setShown((n) => n + 1);
  });
  return shown;
}

export default function ReviewQueuePage() {
  const router = useRouter();
  const initial = (STAGES as string[]).includes(router.params?.stage ?? '')
    ? (router.params.stage as QueueStage)
    : 'review';
  const [stage, setStage] = useState<QueueStage>(initial);
  const [overdue, setOverdue] = useState(false);
  const [green, setGreen] = useState(false);
  const [q, setQ] = useState('');
  // Coming back from a decision: the queue shows what is still waiting.
  const shown = useReturns();

  const fetchPage = useCallback(
    (page: number) =>
      listApplications({
        stage,
        overdue: overdue || undefined,
        green: green || undefined,
        q: q || undefined,
        page,
        pageSize: PAGE_SIZE,
      }),
    [stage, overdue, green, q],
  );
  const list = usePagedList(fetchPage, `${stage}|${overdue}|${green}|${q}|${shown}`);

  return (
    <Screen testId="review-queue">
      <View className="jh-filter">
        {STAGES.map((s) => (
          <FilterChip
            key={s}
            on={stage === s}
            mark="● "
            label={QUEUE_STAGE_LABELS[s]}
            onTap={() => setStage(s)}
            testId={`stage-${s}`}
          />
        ))}
        <FilterChip on={overdue} label="只看超时" onTap={() => setOverdue(!overdue)} testId="filter-overdue" />
        <FilterChip on={green} label="只看绿色通道" onTap={() => setGreen(!green)} testId="filter-green" />
      </View>
      <SearchBox onSearch={setQ} />
      <PagedListView
        list={list}
        testId="review-list"
        emptyText={stage === 'decided' ? '还没有办结的申请。' : '没有等待处理的申请。'}
        countLabel={(total) => `${QUEUE_STAGE_LABELS[stage]}：共 ${total} 份（先提交的在前）`}
        renderItem={(app) => <Row key={app.id} app={app} />}
      />
    </Screen>
  );
}
