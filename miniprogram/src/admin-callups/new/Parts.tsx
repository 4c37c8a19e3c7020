import { Input, Text, Textarea, View } from '@tarojs/components';
import {
  CALLUP_MODE_LABELS,
  CALLUP_MODES,
  SKILLS,
  VOLUNTEER_TIER_LABELS,
  VOLUNTEER_TIERS,
  type CallupMode,
} from '@jianghuai/shared';
import { BigButton } from '../../components/BigButton';
import { Choice } from '../../components/Choice';
import { Chips } from '../../components/activity/Chips';
import { radiusLabel } from '../../logic/alerts';
import { CALLUP_RADIUS_CHOICES, DEADLINE_CHOICES, minutesLabel, previewLine } from '../../logic/callups';
import type { CallupForm } from './useCallupForm';

const isWeapp = process.env.TARO_ENV === 'weapp';

/** Several of a set, each a big chip; tapping again removes it. */
function MultiChips<T extends string>({
  options,
  value,
  onChange,
  testId,
}: {
  options: readonly { value: T; label: string }[];
  value: readonly T[];
  onChange: (next: T[]) => void;
  testId: string;
}) {
  return (
    <View className="jh-chips" data-testid={testId}>
      {options.map((o) => {
        const on = value.includes(o.value);
        return (
          <View
            key={o.value}
            className={`jh-chip${on ? ' jh-chip--on' : ''}`}
            onClick={() => onChange(on ? value.filter((v) => v !== o.value) : [...value, o.value])}
            data-testid={`${testId}-${o.value}`}
          >
            {on ? '✓ ' : ''}
            {o.label}
          </View>
        );
      })}
    </View>
  );
}

export function Field({
  label,
  value,
  onInput,
  testId,
  max,
  digit,
  multiline,
}: {
  label: string;
  value: string;
  onInput: (v: string) => void;
  testId: string;
  max?: number;
  digit?: boolean;
  multiline?: boolean;
}) {
  return (
    <View>
      <Text className="jh-field__label jh-block">{label}</Text>
      {multiline ? (
        <Textarea
          className="jh-cu-input jh-cu-textarea"
          value={value}
          maxlength={max ?? 1000}
          onInput={(e) => onInput(e.detail.value)}
          data-testid={testId}
        />
      ) : (
        <Input
          className="jh-cu-input"
          type={digit ? 'digit' : 'text'}
          value={value}
          maxlength={max ?? 200}
          onInput={(e) => onInput(e.detail.value)}
          data-testid={testId}
        />
      )}
    </View>
  );
}

/** 派给谁: the unit, a team of a station, skills, tiers, a radius around a point, how many are wanted. */
export function TargetFields({ f }: { f: CallupForm }) {
  const d = f.draft;
  return (
    <View>
      <Text className="jh-section-title jh-block">派给哪个单位</Text>
      {f.unitList.map((u) => (
        <Choice
          key={u.id}
          selected={d.unitId === u.id}
          onTap={() => f.update({ unitId: u.id, teamId: null })}
          title={u.name}
          hint={u.hint}
          testId={`callup-unit-${u.name}`}
        />
      ))}
      {f.teams.length ? (
        <View>
          <Text className="jh-field__label jh-block">只派某支队伍（可不选）</Text>
          <Chips
            options={[{ value: 0, label: '不限' }, ...f.teams.map((t) => ({ value: t.id, label: t.name }))]}
            value={d.teamId ?? 0}
            onChange={(v) => f.update({ teamId: v || null })}
            testId="callup-team"
          />
        </View>
      ) : null}
      <Text className="jh-field__label jh-block">需要的技能（都要具备，可不选）</Text>
      <MultiChips
        options={SKILLS.map((s) => ({ value: s, label: s }))}
        value={d.skills}
        onChange={(skills) => f.update({ skills })}
        testId="callup-skill"
      />
      <Text className="jh-field__label jh-block">义警层级（可不选）</Text>
      <MultiChips
        options={VOLUNTEER_TIERS.map((t) => ({ value: t, label: VOLUNTEER_TIER_LABELS[t] }))}
        value={d.tiers}
        onChange={(tiers) => f.update({ tiers })}
        testId="callup-tier"
      />
      <RadiusFields f={f} />
      <Field
        label="需要人数（可不填，符合条件的都会通知）"
        value={d.wanted}
        digit
        max={4}
        onInput={(wanted) => f.update({ wanted })}
        testId="callup-wanted"
      />
    </View>
  );
}

function RadiusFields({ f }: { f: CallupForm }) {
  const d = f.draft;
  return (
    <View>
      <Text className="jh-field__label jh-block">范围（按义警最近签到地点，没有则按居住社区）</Text>
      <Chips
        options={CALLUP_RADIUS_CHOICES.map((r) => ({ value: r, label: r ? `周边 ${radiusLabel(r)}` : '不限' }))}
        value={d.radiusM}
        onChange={(radiusM) => f.update({ radiusM })}
        testId="callup-radius"
      />
      {d.radiusM > 0 ? (
        <View>
          <BigButton kind="secondary" onClick={() => void f.locate('centre')} testId="callup-centre-me">
            {d.centreLat ? '已用我的位置为中心（点此重新定位）' : '以我的位置为中心'}
          </BigButton>
          <PointFields
            label="中心"
            lat={d.centreLat}
            lng={d.centreLng}
            onLat={(centreLat) => f.update({ centreLat })}
            onLng={(centreLng) => f.update({ centreLng })}
            testId="callup-centre"
          />
        </View>
      ) : null}
    </View>
  );
}

/** 集合地点: the address, and its point from the officer's position (or the map in WeChat) or typed. */
export function RallyFields({ f, pickOnMap }: { f: CallupForm; pickOnMap: () => void }) {
  const d = f.draft;
  return (
    <View>
      <Field
        label="集合地点"
        value={d.rallyAddress}
        onInput={(rallyAddress) => f.update({ rallyAddress })}
        testId="callup-rally-address"
      />
      <BigButton kind="secondary" onClick={() => void f.locate('rally')} testId="callup-rally-me">
        {d.rallyLat ? '已用我的位置（点此重新定位）' : '集合点就在我这里'}
      </BigButton>
      {isWeapp ? (
        <BigButton kind="secondary" onClick={pickOnMap} testId="callup-rally-map">
          在地图上选集合点
        </BigButton>
      ) : null}
      <PointFields
        label="集合点"
        lat={d.rallyLat}
        lng={d.rallyLng}
        onLat={(rallyLat) => f.update({ rallyLat })}
        onLng={(rallyLng) => f.update({ rallyLng })}
        testId="callup-rally"
      />
      <Text className="jh-field__label jh-block">截止时间（发出后）</Text>
      <Chips
        options={DEADLINE_CHOICES.map((m) => ({ value: m, label: minutesLabel(m) }))}
        value={d.deadlineMinutes}
        onChange={(deadlineMinutes) => f.update({ deadlineMinutes })}
        testId="callup-deadline"
      />
    </View>
  );
}

/** The preview line, the mode it takes (defaulted by the server, changeable) and any war-time over the area. */
export function PreviewAndMode({ f }: { f: CallupForm }) {
  const p = f.preview;
  const mode: CallupMode | null = f.draft.mode ?? (p.status === 'ready' ? p.mode : null);
  return (
    <View className="jh-card" data-testid="callup-preview">
      <Text className="jh-cu-title" data-testid="callup-preview-line">
        {p.status === 'idle'
          ? '选好单位后，这里显示会通知多少人'
          : p.status === 'loading'
            ? '正在统计…'
            : p.status === 'error'
              ? p.message
              : previewLine(p)}
      </Text>
      {p.status === 'ready' && p.wartime ? (
        <Text className="jh-cu-banner" data-testid="callup-preview-wartime">
          该区域处于战时状态（{p.wartime.reason}），由{p.wartime.leadUnitName}统一调度
        </Text>
      ) : null}
      {p.status === 'ready' && p.unified ? (
        <Text className="jh-inline-error jh-block">
          战时统一调度：本单位不能向该区域发指令，请联系{p.wartime?.leadUnitName}。
        </Text>
      ) : null}
      <Text className="jh-field__label jh-block">
        模式：{mode ? CALLUP_MODE_LABELS[mode] : '—'}
        {f.draft.mode ? '（已手动选择）' : '（按本单位层级默认）'}
      </Text>
      <Chips
        options={CALLUP_MODES.map((m) => ({ value: m, label: CALLUP_MODE_LABELS[m] }))}
        value={mode}
        onChange={(m) => f.update({ mode: m })}
        testId="callup-mode"
      />
    </View>
  );
}

/** A point typed as two numbers (纬度, 经度): what is left when neither the position nor the map is at hand. */
function PointFields(props: {
  label: string;
  lat: string;
  lng: string;
  onLat: (lat: string) => void;
  onLng: (lng: string) => void;
  testId: string;
}) {
  return (
    <View>
      <Field
        label={`${props.label}纬度`}
        value={props.lat}
        digit
        onInput={props.onLat}
        testId={`${props.testId}-lat`}
      />
      <Field
        label={`${props.label}经度`}
        value={props.lng}
        digit
        onInput={props.onLng}
        testId={`${props.testId}-lng`}
      />
    </View>
  );
}
