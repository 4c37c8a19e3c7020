import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Screen } from '../../components/Screen';
import { PagedListView } from '../../components/PagedListView';
import { ModeBadge } from '../../components/callups/ModeBadge';
import { usePagedList } from '../../hooks/usePagedList';
import { useNow } from '../../hooks/useNow';
import { countdownText, isOpenNow, sortMine, STEP_WORDS } from '../../logic/callups';
import { formatDateTime } from '../../logic/format';
import { PAGES, pageUrl } from '../../logic/routes';
import { myCallups, type MyCallupItem } from '../../services/callups';
import '../../components/callups/callups.css';

function Row({ c, now }: { c: MyCallupItem; now: number }) {
  const open = isOpenNow(c, now);
  return (
    <View
      className={`jh-cu-row${open ? ' jh-cu-row--open' : ''}${c.mode === 'wartime' ? ' jh-cu-row--war' : ''}`}
      data-testid="my-callup-row"
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.myCallup, { id: c.id }) })}
    >
      <Text className="jh-cu-title">
        {c.title}
        <ModeBadge mode={c.mode} />
      </Text>
      <Text className="jh-cu-strong" data-testid="my-callup-status">
        {STEP_WORDS[c.myStatus]}
      </Text>
      <Text className="jh-cu-line">
        {open ? countdownText(c.deadlineAt, now) : c.callupStatus === 'closed' ? '已结束' : '已截止'} · 截止{' '}
        <Text className="jh-time">{formatDateTime(c.deadlineAt)}</Text>
      </Text>
      <Text className="jh-cu-line">{c.unitName} 发出</Text>
    </View>
  );
}

/** 我的调度指令: open ones first with the time left, each with where the guard stands in words. */
export default function MyCallupsPage() {
  const now = useNow(30_000);
  const list = usePagedList(
    useCallback((page: number) => myCallups(page, 50), []),
    'my-callups',
    { reloadOnShow: true },
  );
  const sorted = { ...list, items: sortMine(list.items, now) };
  return (
    <Screen testId="my-callups">
      <PagedListView
        list={sorted}
        testId="my-callup-list"
        emptyText="现在没有派给您的调度指令。有新指令时会发消息、微信提醒和短信。"
        countLabel={(total) => `共 ${total} 条指令`}
        renderItem={(c) => <Row key={c.id} c={c} now={now} />}
      />
    </Screen>
  );
}
