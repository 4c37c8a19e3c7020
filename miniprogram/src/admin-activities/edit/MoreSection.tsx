import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import {
  RISK_LEVEL_LABELS,
  RISK_LEVELS,
  SKILLS,
  VOLUNTEER_TIER_LABELS,
  VOLUNTEER_TIERS,
  type Skill,
  type VolunteerTier,
} from '@jianghuai/shared';
import { BigButton } from '../../components/BigButton';
import { Chips } from '../../components/activity/Chips';
import { FilterChip } from '../../admin-applications/FilterChip';
import { effectiveRisk, hasMoreRequirements } from '../../logic/activity-form';
import type { ActivityFormState } from '../useActivityForm';
import { DateTimeField } from './DateTimeField';
import { TextField } from './fields';

/** Tap to add or remove: several may be on at once. */
function MultiChips<T extends string>({
  options,
  value,
  onChange,
  testId,
}: {
  options: readonly { value: T; label: string }[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  testId: string;
}) {
  const toggle = (v: T) => onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v]);
  return (
    <View className="jh-filter" data-testid={testId}>
      {options.map((o) => (
        <FilterChip
          key={o.value}
          on={value.includes(o.value)}
          label={o.label}
          onTap={() => toggle(o.value)}
          testId={`${testId}-${o.value}`}
        />
      ))}
    </View>
  );
}

/** Who may sign up: skills (all needed), tiers (any of), an age range; and the risk level. */
function Requirements({ f }: { f: ActivityFormState }) {
  const { form } = f;
  return (
    <>
      <Text className="jh-field__label">需要的技能（可多选，须全部具备）</Text>
      <MultiChips<Skill>
        options={SKILLS.map((s) => ({ value: s, label: s }))}
        value={form.skills}
        onChange={(v) => f.update('skills', v)}
        testId="form-skills"
      />
      <Text className="jh-field__label">面向的义警层级（不选即不限）</Text>
      <MultiChips<VolunteerTier>
        options={VOLUNTEER_TIERS.map((t) => ({ value: t, label: VOLUNTEER_TIER_LABELS[t] }))}
        value={form.tiers}
        onChange={(v) => f.update('tiers', v)}
        testId="form-tiers"
      />
      <TextField f={f} name="minAge" label="最小年龄（岁，选填）" type="number" placeholder="不限" />
      <TextField f={f} name="maxAge" label="最大年龄（岁，选填）" type="number" placeholder="不限" />
      <Text className="jh-field__label">风险等级</Text>
      <Chips
        options={RISK_LEVELS.map((r) => ({ value: r, label: RISK_LEVEL_LABELS[r] }))}
        value={effectiveRisk(form)}
        onChange={(v) => f.update('riskLevel', v)}
        testId="form-riskLevel"
      />
      {effectiveRisk(form) === 'high' ? (
        <Text className="jh-block jh-muted">高风险：报名者须有有效意外保险并签署服务协议。</Text>
      ) : null}
    </>
  );
}

/**
 * 更多要求（选填）: the fields most activities leave alone — requirements, risk level, deadlines and the
 * minimum headcount — folded away so the common case stays short; open when anything in it is set.
 */
export function MoreSection({ f }: { f: ActivityFormState }) {
  const [open, setOpen] = useState(() => hasMoreRequirements(f.form));
  const problem = ['minAge', 'maxAge', 'signupDeadlineTime', 'cancelDeadlineTime', 'minHeadcount'].some(
    (k) => f.errors[k as keyof typeof f.errors],
  );
  const start = { date: f.form.startDate, time: f.form.startTime };
  if (!open && !problem)
    return (
      <BigButton kind="secondary" onClick={() => setOpen(true)} testId="form-more">
        ＋ 更多要求（选填）：技能、层级、年龄、截止时间
      </BigButton>
    );
  return (
    <View data-testid="form-more-section">
      <Text className="jh-section-title">更多要求（选填）</Text>
      <Requirements f={f} />
      <DateTimeField
        f={f}
        label="报名截止"
        dateKey="signupDeadlineDate"
        timeKey="signupDeadlineTime"
        optional="不设：到开始时间为止都可报名"
        fallback={start}
      />
      <DateTimeField
        f={f}
        label="取消报名截止"
        dateKey="cancelDeadlineDate"
        timeKey="cancelDeadlineTime"
        optional="不设：开始前都可取消报名"
        fallback={start}
      />
      <TextField
        f={f}
        name="minHeadcount"
        label="最少人数（选填）"
        type="number"
        placeholder="不限"
        hint="到报名截止仍不足这个人数时，会提醒您"
      />
    </View>
  );
}
