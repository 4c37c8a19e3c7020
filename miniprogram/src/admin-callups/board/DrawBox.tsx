import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import {
  DRAW_STATUS_LABELS,
  SKILLS,
  VOLUNTEER_TIER_LABELS,
  VOLUNTEER_TIERS,
  type Skill,
  type VolunteerTier,
} from '@jianghuai/shared';
import { BigButton } from '../../components/BigButton';
import { Chips } from '../../components/activity/Chips';
import { ErrorState, InlineError, LoadingState } from '../../components/States';
import { errorText, useResource } from '../../hooks/useResource';
import { branchOptions } from '../../logic/callups';
import { formatDateTime } from '../../logic/format';
import { fetchAllStations } from '../../services/enrolment-admin';
import { adminCallup, askDraw } from '../../services/callups';
import { Field } from '../new/Parts';

interface DrawForm {
  branchId: number | null;
  count: string;
  skill: string;
  tier: string;
}

/** The request's fields: the branch, how many, an optional skill and tier. */
function DrawFields({
  branches,
  form,
  set,
}: {
  branches: { id: number; label: string }[];
  form: DrawForm;
  set: (patch: Partial<DrawForm>) => void;
}) {
  return (
    <View>
      <Text className="jh-field__label jh-block">向哪个分局抽调</Text>
      <Chips
        options={branches.map((b) => ({ value: b.id, label: b.label }))}
        value={form.branchId}
        onChange={(branchId) => set({ branchId })}
        testId="draw-branch"
      />
      <Field
        label="抽调人数"
        value={form.count}
        digit
        max={3}
        onInput={(count) => set({ count })}
        testId="draw-count"
      />
      <Text className="jh-field__label jh-block">需要的技能（可不选）</Text>
      <Chips
        options={[{ value: '', label: '不限' }, ...SKILLS.map((s) => ({ value: s as string, label: s }))]}
        value={form.skill}
        onChange={(skill) => set({ skill })}
        testId="draw-skill"
      />
      <Text className="jh-field__label jh-block">层级（可不选）</Text>
      <Chips
        options={[
          { value: '', label: '不限' },
          ...VOLUNTEER_TIERS.map((t) => ({ value: t as string, label: VOLUNTEER_TIER_LABELS[t] })),
        ]}
        value={form.tier}
        onChange={(tier) => set({ tier })}
        testId="draw-tier"
      />
    </View>
  );
}

/** 抽调: ask another branch for N volunteers of its talent pool, and the draws asked so far with their answers. */
export function DrawBox({ callupId, ownBranchId }: { callupId: number; ownBranchId: number | null }) {
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<DrawForm>({ branchId: null, count: '5', skill: '', tier: '' });
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const data = useResource(
    useCallback(async () => {
      const [stations, callup] = await Promise.all([fetchAllStations(), adminCallup(callupId)]);
      return { branches: branchOptions(stations, ownBranchId), draws: callup.draws };
    }, [callupId, ownBranchId]),
    `draws:${callupId}`,
  );
  const send = async () => {
    const n = Number(form.count);
    if (!form.branchId) return setError('请选择向哪个分局抽调');
    if (!Number.isInteger(n) || n < 1 || n > 200) return setError('抽调人数请填 1–200');
    setSending(true);
    setError(null);
    try {
      await askDraw(callupId, {
        branchId: form.branchId,
        count: n,
        ...(form.skill ? { skills: [form.skill as Skill] } : {}),
        ...(form.tier ? { tier: form.tier as VolunteerTier } : {}),
      });
      setOpen(false);
      void data.refresh();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setSending(false);
    }
  };
  if (data.status === 'loading') return <LoadingState text="正在读取抽调情况…" />;
  if (data.status === 'error') return <ErrorState message={data.error} onRetry={data.reload} />;
  return (
    <View className="jh-card" data-testid="callup-draws">
      <Text className="jh-section-title jh-block">跨区抽调</Text>
      {data.data.draws.map((d) => (
        <Text key={d.id} className="jh-cu-line" data-testid="callup-draw-row">
          {d.branchName}：请求 {d.count} 人 · {DRAW_STATUS_LABELS[d.status]}
          {d.declineReason ? `（${d.declineReason}）` : ''} ·{' '}
          <Text className="jh-time">{formatDateTime(d.createdAt)}</Text>
        </Text>
      ))}
      {open ? (
        <View>
          <DrawFields branches={data.data.branches} form={form} set={(p) => setForm((f) => ({ ...f, ...p }))} />
          <InlineError message={error} testId="draw-error" />
          <BigButton onClick={() => void send()} loading={sending} loadingText="正在发送…" testId="draw-send">
            发送抽调请求
          </BigButton>
        </View>
      ) : (
        <BigButton kind="secondary" onClick={() => setOpen(true)} testId="draw-open">
          向其他分局抽调
        </BigButton>
      )}
    </View>
  );
}
