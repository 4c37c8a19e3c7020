import { Input, Text, Textarea, View } from '@tarojs/components';
import { ALERT_TARGET_KINDS, ALERT_TARGET_LABELS, ALERT_TEXT_MAX, type AlertTargetsResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { Choice } from '../../components/Choice';
import { ErrorState, InlineError, LoadingState } from '../../components/States';
import { RADIUS_CHOICES, radiusLabel, type AlertDraft } from '../../logic/alerts';
import { useAlertForm } from './useAlertForm';
import '../../components/enrolment.css';
import '../../components/alerts/alerts.css';

const isWeapp = process.env.TARO_ENV === 'weapp';

/** The station, community or team to choose from, as big options. */
function UnitChoices({
  draft,
  targets,
  update,
}: {
  draft: AlertDraft;
  targets: AlertTargetsResponse;
  update: (p: Partial<AlertDraft>) => void;
}) {
  const options =
    draft.kind === 'station'
      ? targets.stations.map((s) => ({ id: s.id, title: s.name, hint: '' }))
      : draft.kind === 'community'
        ? targets.communities.map((c) => ({ id: c.id, title: c.name, hint: c.stationName }))
        : targets.teams.map((t) => ({ id: t.id, title: t.name, hint: t.stationName }));
  if (!options.length)
    return <Text className="jh-block">本单位及下级没有可选的{ALERT_TARGET_LABELS[draft.kind]}。</Text>;
  return (
    <View>
      <Text className="jh-section-title jh-block">选择{ALERT_TARGET_LABELS[draft.kind]}</Text>
      {options.map((o) => (
        <Choice
          key={o.id}
          selected={draft.unitId === o.id}
          onTap={() => update({ unitId: o.id })}
          title={o.title}
          hint={o.hint || undefined}
          testId={`alert-unit-${o.title}`}
        />
      ))}
    </View>
  );
}

function RadiusFields({ f }: { f: ReturnType<typeof useAlertForm> }) {
  return (
    <View>
      <BigButton kind="secondary" onClick={() => void f.locateMe()} testId="alert-locate-me">
        用我的位置
      </BigButton>
      {isWeapp ? (
        <BigButton kind="secondary" onClick={() => void f.pickOnMap()} testId="alert-pick-map">
          在地图上选点
        </BigButton>
      ) : null}
      <Text className="jh-block">纬度</Text>
      <Input
        className="jh-alert-input"
        type="digit"
        value={f.draft.lat}
        onInput={(e) => f.update({ lat: e.detail.value })}
        data-testid="alert-lat"
      />
      <Text className="jh-block">经度</Text>
      <Input
        className="jh-alert-input"
        type="digit"
        value={f.draft.lng}
        onInput={(e) => f.update({ lng: e.detail.value })}
        data-testid="alert-lng"
      />
      <Text className="jh-block">范围</Text>
      {RADIUS_CHOICES.map((r) => (
        <Choice
          key={r}
          selected={f.draft.radiusM === r}
          onTap={() => f.update({ radiusM: r })}
          title={`周边 ${radiusLabel(r)}`}
          testId={`alert-radius-${r}`}
        />
      ))}
    </View>
  );
}

function Preview({ f }: { f: ReturnType<typeof useAlertForm> }) {
  const p = f.preview;
  const text =
    p.status === 'idle'
      ? '选好对象后，这里显示会有多少名义警收到'
      : p.status === 'loading'
        ? '正在统计接收人数…'
        : p.status === 'error'
          ? p.message
          : `将发给 ${p.count} 名义警${f.draft.level === 'urgent' ? `，其中 ${p.withPhone} 人有手机号，会收到短信` : ''}`;
  return (
    <View className="jh-card" data-testid="alert-preview">
      <Text className="jh-alert-row__title">{text}</Text>
    </View>
  );
}

/** 发预警: what to say, how urgent, to whom (station, community, team or a radius around a point) and how many. */
export default function NewAlertPage() {
  const f = useAlertForm();
  if (f.targets.status === 'loading')
    return (
      <Screen testId="alert-new">
        <LoadingState />
      </Screen>
    );
  if (f.targets.status === 'error')
    return (
      <Screen testId="alert-new">
        <ErrorState message={f.targets.error} onRetry={f.targets.reload} />
      </Screen>
    );
  const d = f.draft;
  return (
    <Screen testId="alert-new">
      <Text className="jh-section-title jh-block">标题</Text>
      <Input
        className="jh-alert-input"
        value={d.title}
        maxlength={40}
        onInput={(e) => f.update({ title: e.detail.value })}
        data-testid="alert-title"
      />
      <Text className="jh-section-title jh-block">
        预警内容（{d.text.length}/{ALERT_TEXT_MAX}）
      </Text>
      <Textarea
        className="jh-alert-input jh-alert-textarea"
        value={d.text}
        maxlength={ALERT_TEXT_MAX}
        onInput={(e) => f.update({ text: e.detail.value })}
        data-testid="alert-text"
      />
      <Text className="jh-section-title jh-block">级别</Text>
      <Choice
        selected={d.level === 'normal'}
        onTap={() => f.update({ level: 'normal' })}
        title="一般"
        hint="发消息和微信提醒"
        testId="alert-level-normal"
      />
      <Choice
        selected={d.level === 'urgent'}
        onTap={() => f.update({ level: 'urgent' })}
        title="紧急"
        hint="另发短信到义警手机"
        testId="alert-level-urgent"
      />
      <Text className="jh-section-title jh-block">发给</Text>
      {ALERT_TARGET_KINDS.map((k) => (
        <Choice
          key={k}
          selected={d.kind === k}
          onTap={() => f.update({ kind: k, unitId: null })}
          title={ALERT_TARGET_LABELS[k]}
          testId={`alert-kind-${k}`}
        />
      ))}
      {d.kind === 'radius' ? (
        <RadiusFields f={f} />
      ) : (
        <UnitChoices draft={d} targets={f.targets.data} update={f.update} />
      )}
      <Preview f={f} />
      <InlineError message={f.error} testId="alert-error" />
      <BigButton onClick={() => void f.submit()} loading={f.sending} loadingText="正在发送…" testId="alert-send">
        发送预警
      </BigButton>
    </Screen>
  );
}
