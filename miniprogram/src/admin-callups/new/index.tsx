import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CALLUP_KIND_LABELS, CALLUP_KINDS, CALLUP_TASK_MAX, CALLUP_TITLE_MAX } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { Chips } from '../../components/activity/Chips';
import { ErrorState, InlineError, LoadingState } from '../../components/States';
import { ensurePrivacy } from '../../services/privacy';
import { Field, PreviewAndMode, RallyFields, TargetFields } from './Parts';
import { useCallupForm, type CallupForm, type FormPurpose } from './useCallupForm';
import '../../components/enrolment.css';
import '../../components/activity/activity.css';
import '../../components/callups/callups.css';

const SUBMIT: Record<FormPurpose, [string, string]> = {
  send: ['发布指令', '正在发布…'],
  launch: ['确认启动预案', '正在启动…'],
  plan: ['保存预案', '正在保存…'],
  planEdit: ['保存修改', '正在保存…'],
};

function WhatFields({ f }: { f: CallupForm }) {
  const d = f.draft;
  return (
    <View>
      {f.purpose.startsWith('plan') ? (
        <Field
          label="预案名称"
          value={d.planName}
          max={40}
          onInput={(planName) => f.update({ planName })}
          testId="callup-plan-name"
        />
      ) : null}
      <Text className="jh-field__label jh-block">指令类型</Text>
      <Chips
        options={CALLUP_KINDS.map((k) => ({ value: k, label: CALLUP_KIND_LABELS[k] }))}
        value={d.kind}
        onChange={(kind) => f.update({ kind })}
        testId="callup-kind"
      />
      <Field
        label="标题"
        value={d.title}
        max={CALLUP_TITLE_MAX}
        onInput={(title) => f.update({ title })}
        testId="callup-title"
      />
      <Field
        label={`任务内容（${d.task.length}/${CALLUP_TASK_MAX}）`}
        value={d.task}
        max={CALLUP_TASK_MAX}
        multiline
        onInput={(task) => f.update({ task })}
        testId="callup-task"
      />
      {d.kind === 'verification' ? (
        <Field
          label="摸排对象（重点人、事、物、单位，一行一项）"
          value={d.items}
          multiline
          onInput={(items) => f.update({ items })}
          testId="callup-items"
        />
      ) : null}
    </View>
  );
}

/** 发布指令 (also: a plan's launch after changes, and a plan's own form): what, to whom, where, until when. */
export default function NewCallupPage() {
  const f = useCallupForm();
  const pickOnMap = async () => {
    try {
      await ensurePrivacy('location');
      const res = await Taro.chooseLocation({});
      f.update({
        rallyAddress: f.draft.rallyAddress || res.address || res.name,
        rallyLat: res.latitude.toFixed(6),
        rallyLng: res.longitude.toFixed(6),
      });
    } catch {
      // closing the map is not a failure
    }
  };
  if (f.units.status !== 'ready')
    return (
      <Screen testId="callup-new">
        {f.units.status === 'loading' ? (
          <LoadingState />
        ) : (
          <ErrorState message={f.units.error} onRetry={f.units.reload} />
        )}
      </Screen>
    );
  const [label, busy] = SUBMIT[f.purpose];
  return (
    <Screen testId="callup-new">
      {f.purpose === 'launch' ? (
        <Text className="jh-notice jh-block">按预案填好了，核对或修改后点最下方“确认启动预案”。</Text>
      ) : null}
      <WhatFields f={f} />
      <TargetFields f={f} />
      <RallyFields f={f} pickOnMap={() => void pickOnMap()} />
      {f.purpose.startsWith('plan') ? null : <PreviewAndMode f={f} />}
      <InlineError message={f.error} testId="callup-error" />
      <BigButton onClick={() => void f.submit()} loading={f.sending} loadingText={busy} testId="callup-send">
        {label}
      </BigButton>
    </Screen>
  );
}
