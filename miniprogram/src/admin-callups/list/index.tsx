import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CALLUP_KIND_LABELS, CALLUP_STATUS_LABELS, type CallupSummary } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { PagedListView } from '../../components/PagedListView';
import { ModeBadge } from '../../components/callups/ModeBadge';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { formatDateTime } from '../../logic/format';
import { PAGES, pageUrl } from '../../logic/routes';
import { adminCallups } from '../../services/callups';
import '../../components/callups/callups.css';

function Row({ c }: { c: CallupSummary }) {
  const n = c.counts;
  return (
    <View
      className={`jh-cu-row${c.status === 'open' ? ' jh-cu-row--open' : ''}${c.mode === 'wartime' ? ' jh-cu-row--war' : ''}`}
      data-testid="admin-callup-row"
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.adminCallupBoard, { id: c.id }) })}
    >
      <Text className="jh-cu-title">
        {c.title}
        <ModeBadge mode={c.mode} />
      </Text>
      <Text className="jh-cu-line">
        {CALLUP_STATUS_LABELS[c.status]} · {CALLUP_KIND_LABELS[c.kind]} · 派给{c.targetName}
      </Text>
      <Text className="jh-cu-strong" data-testid="admin-callup-counts">
        通知 {n.asked} · 接受 {n.accepted} · 到达 {n.arrived} · 反馈 {n.reported}
        {c.wanted ? ` · 需要 ${c.wanted} 人` : ''}
      </Text>
      <Text className="jh-cu-line">
        {c.unitName} · 截止 <Text className="jh-time">{formatDateTime(c.deadlineAt)}</Text>
      </Text>
    </View>
  );
}

/** The call-ups of the officer's scope, newest first, each with its figures; 发布指令 and 预案 on top. */
export default function AdminCallupsPage() {
  const list = usePagedList(
    useCallback((page: number) => adminCallups(page, PAGE_SIZE), []),
    'admin-callups',
    { reloadOnShow: true },
  );
  return (
    <Screen testId="admin-callups">
      <BigButton onClick={() => void Taro.navigateTo({ url: PAGES.adminCallupNew })} testId="admin-callup-new">
        发布指令
      </BigButton>
      <BigButton
        kind="secondary"
        onClick={() => void Taro.navigateTo({ url: PAGES.adminCallupPlans })}
        testId="admin-callup-plans"
      >
        预案（一键启动）
      </BigButton>
      <PagedListView
        list={list}
        testId="admin-callup-list"
        emptyText="还没有调度指令。需要义警到场时，点上方“发布指令”或从预案一键启动。"
        countLabel={(total) => `共 ${total} 条指令`}
        renderItem={(c) => <Row key={c.id} c={c} />}
      />
    </Screen>
  );
}
