import { useCallback } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import type { AdminTipResponse, OrgUnitNode } from '@jianghuai/shared';
import { BigButton } from '../../components/BigButton';
import { InlineError } from '../../components/States';
import { Chips } from '../../components/activity/Chips';
import { useResource } from '../../hooks/useResource';
import { formatDateTime } from '../../logic/format';
import { TIP_ACTION_LABELS, actionNeeds, allowedTipActions } from '../../logic/tips';
import { fetchOrgTree } from '../../services/enrolment-admin';
import { adminTips } from '../../services/tips';
import type { TipTriage } from './useTipTriage';

function findUnit(nodes: readonly OrgUnitNode[], id: number): OrgUnitNode | null {
  for (const n of nodes) {
    if (n.id === id) return n;
    const below = findUnit(n.children ?? [], id);
    if (below) return below;
  }
  return null;
}

/** 指派: the station itself or one of its communities. */
function UnitChoice({ t, x }: { t: AdminTipResponse; x: TipTriage }) {
  const tree = useResource(fetchOrgTree, 'tree');
  if (tree.status !== 'ready') return <Text className="jh-muted jh-block">{tree.error ?? '正在加载单位…'}</Text>;
  const station = findUnit(tree.data, t.orgUnitId);
  const units = station ? [station, ...(station.children ?? [])] : [];
  if (!units.length) return <Text className="jh-muted jh-block">没有可以指派的单位</Text>;
  return (
    <Chips
      options={units.map((u) => ({ value: u.id, label: u.name }))}
      value={x.choice}
      onChange={x.setChoice}
      testId="tip-assign-unit"
    />
  );
}

/** 重复线索: one of the station's recent tips, not this one nor a duplicate itself. */
function OriginalChoice({ t, x }: { t: AdminTipResponse; x: TipTriage }) {
  const recent = useResource(
    useCallback(() => adminTips({ stationId: t.orgUnitId, page: 1, pageSize: 20 }), [t.orgUnitId]),
    `recent:${t.orgUnitId}`,
  );
  if (recent.status !== 'ready')
    return <Text className="jh-muted jh-block">{recent.error ?? '正在加载近期线索…'}</Text>;
  const options = recent.data.items
    .filter((o) => o.id !== t.id && o.status !== 'duplicate')
    .map((o) => ({ value: o.id, label: `${formatDateTime(o.createdAt)} ${o.text.slice(0, 12)}` }));
  if (!options.length) return <Text className="jh-muted jh-block">本所近期没有其他线索</Text>;
  return <Chips options={options} value={x.choice} onChange={x.setChoice} testId="tip-original" />;
}

function OpenAction({ t, x }: { t: AdminTipResponse; x: TipTriage }) {
  if (!x.open) return null;
  const need = actionNeeds(x.open);
  return (
    <View className="jh-card" data-testid="tip-action-form">
      <Text className="jh-section-title jh-block">{TIP_ACTION_LABELS[x.open]}</Text>
      {need === 'result' || need === 'reason' ? (
        <Textarea
          className="jh-input jh-textarea"
          style={{ height: '120px', width: '100%', padding: '10px 14px' }}
          value={x.text}
          maxlength={500}
          placeholder={need === 'result' ? '处理结果（会告诉上报的义警）' : '不予采纳的原因（会告诉上报的义警）'}
          onInput={(e) => x.setText(e.detail.value)}
          data-testid="tip-action-text"
        />
      ) : null}
      {need === 'unit' ? <UnitChoice t={t} x={x} /> : null}
      {need === 'original' ? <OriginalChoice t={t} x={x} /> : null}
      <InlineError message={x.error} testId="tip-action-error" />
      <BigButton onClick={x.confirm} loading={x.busy === x.open} loadingText="正在提交…" testId="tip-action-confirm">
        确定{TIP_ACTION_LABELS[x.open]}
      </BigButton>
      <BigButton kind="secondary" onClick={x.cancel} testId="tip-action-cancel">
        先不{TIP_ACTION_LABELS[x.open]}
      </BigButton>
    </View>
  );
}

/** The buttons for the actions the tip's status allows (shared transition table), or the one being filled in. */
export function ActionPanel({ t, x }: { t: AdminTipResponse; x: TipTriage }) {
  if (x.open) return <OpenAction t={t} x={x} />;
  const actions = allowedTipActions(t.status);
  if (!actions.length) return <Text className="jh-muted jh-block">这条线索已处理完毕</Text>;
  return (
    <View data-testid="tip-actions">
      <InlineError message={x.error} testId="tip-action-error" />
      {actions.map((a) => (
        <BigButton
          key={a}
          kind={a === 'reject' || a === 'duplicate' ? 'secondary' : 'primary'}
          onClick={() => x.start(a)}
          loading={x.busy === a}
          loadingText="正在提交…"
          testId={`tip-action-${a}`}
        >
          {TIP_ACTION_LABELS[a]}
        </BigButton>
      ))}
    </View>
  );
}
