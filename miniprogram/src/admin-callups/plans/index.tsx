import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CALLUP_KIND_LABELS, type CallupPlanResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { PagedListView } from '../../components/PagedListView';
import { InlineError } from '../../components/States';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { errorText } from '../../hooks/useResource';
import { minutesLabel } from '../../logic/callups';
import { PAGES, pageUrl } from '../../logic/routes';
import { newClientRequestId } from '../../logic/tips';
import { callupPlans, deletePlan, launchPlan } from '../../services/callups';
import '../../components/callups/callups.css';

function PlanCard({ p, onChanged }: { p: CallupPlanResponse; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const launch = async () => {
    const ok = await Taro.showModal({
      title: '一键启动',
      content: `按预案“${p.name}”立即向${p.targetName}发出指令，截止时间为 ${minutesLabel(p.deadlineMinutes)}后。`,
      confirmText: '启动',
    });
    if (!ok.confirm) return;
    setBusy(true);
    setError(null);
    try {
      const sent = await launchPlan(p.id, { requestId: newClientRequestId(new Date()).replace(/^tip-/, 'plan-') });
      void Taro.navigateTo({ url: pageUrl(PAGES.adminCallupBoard, { id: sent.id }) });
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    const ok = await Taro.showModal({ title: '删除预案', content: `删除预案“${p.name}”？`, confirmText: '删除' });
    if (!ok.confirm) return;
    try {
      await deletePlan(p.id);
      onChanged();
    } catch (caught) {
      setError(errorText(caught));
    }
  };
  const go = (query: Record<string, string | number>) =>
    void Taro.navigateTo({ url: pageUrl(PAGES.adminCallupNew, query) });
  return (
    <View className="jh-cu-row" data-testid="plan-card" data-plan-name={p.name}>
      <Text className="jh-cu-title">{p.name}</Text>
      <Text className="jh-cu-line">
        {CALLUP_KIND_LABELS[p.kind]} · 派给{p.targetName}
        {p.wanted ? ` · 需要 ${p.wanted} 人` : ''} · {minutesLabel(p.deadlineMinutes)}内
      </Text>
      <Text className="jh-cu-line">集合：{p.rally.address}</Text>
      <InlineError message={error} testId="plan-error" />
      <BigButton onClick={() => void launch()} loading={busy} loadingText="正在启动…" testId="plan-launch">
        一键启动
      </BigButton>
      <BigButton kind="secondary" onClick={() => go({ planId: p.id })} testId="plan-launch-edit">
        修改后启动
      </BigButton>
      <Text className="jh-cu-link" onClick={() => go({ planId: p.id, purpose: 'plan' })} data-testid="plan-edit">
        编辑预案
      </Text>
      <Text className="jh-cu-link" onClick={() => void remove()} data-testid="plan-delete">
        删除
      </Text>
    </View>
  );
}

/** 预案: saved call-ups of the officer's scope, each launched in one step (or after changes), edited or deleted. */
export default function CallupPlansPage() {
  const list = usePagedList(
    useCallback((page: number) => callupPlans(page, PAGE_SIZE), []),
    'callup-plans',
    { reloadOnShow: true },
  );
  return (
    <Screen testId="callup-plans">
      <BigButton
        kind="secondary"
        onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.adminCallupNew, { purpose: 'plan' }) })}
        testId="plan-new"
      >
        新建预案
      </BigButton>
      <PagedListView
        list={list}
        testId="plan-list"
        emptyText="还没有预案。把常用的集结、摸排任务存成预案，紧急时一键启动。"
        countLabel={(total) => `共 ${total} 个预案`}
        renderItem={(p) => <PlanCard key={p.id} p={p} onChanged={list.reload} />}
      />
    </Screen>
  );
}
