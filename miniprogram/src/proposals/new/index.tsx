import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { ACTIVITY_TYPE_LABELS, ACTIVITY_TYPES } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { InlineError } from '../../components/States';
import { Chips } from '../../components/activity/Chips';
import { DateTimeField } from '../../components/DateTimeField';
import { firstError, type ActivityForm, type FormErrors } from '../../logic/activity-form';
import {
  emptyProposalForm,
  PROPOSAL_DRAFT_KEY,
  proposalPlaceView,
  toProposalInput,
  validateProposalForm,
} from '../../logic/proposal-form';
import { PAGES } from '../../logic/routes';
import { readPosition } from '../../hooks/useLocation';
import { messageOf } from '../../hooks/useSignup';
import { proposeActivity } from '../../services/proposals';
import '../../components/activity/activity.css';

const isWeapp = process.env.TARO_ENV === 'weapp';
type Key = keyof ActivityForm;

/** What was typed survives a dropped network or a closed app until the server has it. */
function loadSaved(): ActivityForm {
  const base = emptyProposalForm(new Date());
  try {
    const raw = Taro.getStorageSync(PROPOSAL_DRAFT_KEY) as Partial<ActivityForm> | '';
    if (!raw || typeof raw !== 'object') return base;
    const form = { ...base } as Record<string, unknown>;
    for (const key of Object.keys(base) as Key[]) if (typeof raw[key] === typeof base[key]) form[key] = raw[key];
    return form as unknown as ActivityForm;
  } catch {
    return base;
  }
}

type Update = <K extends Key>(key: K, value: ActivityForm[K]) => void;
/** What every field needs: the form, its complaints, and how to change it. */
interface Bind {
  form: ActivityForm;
  errors: FormErrors;
  update: Update;
}

/** One labelled input with its complaint under it. */
function Field({
  k,
  label,
  placeholder,
  type = 'text',
  form,
  errors,
  update,
}: Bind & { k: Key; label: string; placeholder?: string; type?: 'text' | 'digit' | 'number' }) {
  return (
    <View className="jh-field">
      <Text className="jh-field__label">{label}</Text>
      <Input
        className="jh-input"
        value={String(form[k])}
        type={type}
        placeholder={placeholder}
        onInput={(e) => update(k, e.detail.value as never)}
        data-testid={`proposal-${k}`}
      />
      {errors[k] ? (
        <Text className="jh-field__error" data-testid={`proposal-${k}-error`}>
          {errors[k]}
        </Text>
      ) : null}
    </View>
  );
}

/** The form kept on this phone as it is typed, checked and sent to the station. */
function useProposalForm() {
  const [form, setForm] = useState<ActivityForm>(loadSaved);
  const [errors, setErrors] = useState<FormErrors>({});
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  function update<K extends Key>(key: K, value: ActivityForm[K]) {
    setForm((prev) => {
      const next = { ...prev, [key]: value };
      try {
        Taro.setStorageSync(PROPOSAL_DRAFT_KEY, next);
      } catch {
        // Storage full: the form still works.
      }
      return next;
    });
    setErrors((prev) => (prev[key] ? { ...prev, [key]: undefined } : prev));
  }

  const submit = async () => {
    const found = validateProposalForm(form, new Date());
    setErrors(found);
    const problem = firstError(found);
    if (problem) return setSubmitError(problem);
    setSubmitError(null);
    setSending(true);
    try {
      await proposeActivity(toProposalInput(form));
      try {
        Taro.removeStorageSync(PROPOSAL_DRAFT_KEY);
      } catch {
        // nothing to do
      }
      void Taro.showToast({ title: '已提交，等待派出所审核', icon: 'none', duration: 3000 });
      void Taro.redirectTo({ url: PAGES.myProposals });
    } catch (caught) {
      setSubmitError(`${messageOf(caught)}。已填写的内容保存在本机，可以稍后再提交。`);
    } finally {
      setSending(false);
    }
  };

  return { bind: { form, errors, update }, submitError, sending, submit };
}

/** 在地图上选点 (WeChat only) and 用我现在的位置: both fill the point, the map also an empty address. */
function PositionButtons({ form, update }: Bind) {
  const [locating, setLocating] = useState(false);
  const fillMyPosition = async () => {
    setLocating(true);
    try {
      const p = await readPosition();
      update('lat', p.lat.toFixed(6));
      update('lng', p.lng.toFixed(6));
    } catch {
      const where = isWeapp ? '或在地图上选点' : '或到活动地点再点';
      void Taro.showToast({ title: `没能获取位置，请允许定位后再试，${where}`, icon: 'none', duration: 3000 });
    } finally {
      setLocating(false);
    }
  };
  const pickOnMap = async () => {
    try {
      const lat = Number(form.lat);
      const res = await Taro.chooseLocation(
        form.lat.trim() && Number.isFinite(lat) ? { latitude: lat, longitude: Number(form.lng) } : {},
      );
      update('lat', res.latitude.toFixed(6));
      update('lng', res.longitude.toFixed(6));
      if (!form.address.trim()) update('address', [res.address, res.name].filter(Boolean).join(' '));
    } catch {
      // Closed the map without choosing.
    }
  };
  return (
    <>
      {isWeapp ? (
        <BigButton kind="secondary" onClick={() => void pickOnMap()} testId="proposal-pick-on-map">
          在地图上选点
        </BigButton>
      ) : null}
      <BigButton
        kind="secondary"
        onClick={() => void fillMyPosition()}
        loading={locating}
        loadingText="正在获取位置…"
        testId="proposal-use-my-position"
      >
        用我现在的位置
      </BigButton>
    </>
  );
}

/**
 * The address and its point — picked on the map (WeChat) or the phone's position — shown as 已定位 ✓; typing
 * coordinates is the last resort behind 手动输入坐标.
 */
function PlaceFields(bind: Bind) {
  const [manual, setManual] = useState(false);
  const view = proposalPlaceView(bind.form, bind.errors, manual);
  return (
    <>
      <Text className="jh-section-title">地点</Text>
      <Field k="address" label="地址" placeholder="例如：平湖小区北门" {...bind} />
      <Text className={`jh-block${view.located ? '' : ' jh-muted'}`} data-testid="proposal-position">
        {view.positionText}
      </Text>
      {view.positionError ? (
        <Text className="jh-field__error" data-testid="proposal-lat-error">
          {view.positionError}
        </Text>
      ) : null}
      <PositionButtons {...bind} />
      {view.showCoordinates ? (
        <>
          <Field k="lat" label="纬度" placeholder="例如 31.670500" type="digit" {...bind} />
          <Field k="lng" label="经度" placeholder="例如 118.506500" type="digit" {...bind} />
        </>
      ) : (
        <View className="jh-link" onClick={() => setManual(true)} data-testid="proposal-manual-coords">
          手动输入坐标
        </View>
      )}
    </>
  );
}

/** 开始 and 结束, each a date and a time from the pickers. */
function TimeFields({ form, errors, update }: Bind) {
  const pair = (label: string, d: 'startDate' | 'endDate', t: 'startTime' | 'endTime') => (
    <DateTimeField
      label={label}
      date={form[d]}
      time={form[t]}
      onChange={(next) => {
        if (next.date !== form[d]) update(d, next.date);
        if (next.time !== form[t]) update(t, next.time);
      }}
      error={errors[t] ?? errors[d]}
      testId={`proposal-${d.slice(0, -'Date'.length)}`}
    />
  );
  return (
    <>
      {pair('开始', 'startDate', 'startTime')}
      {pair('结束', 'endDate', 'endTime')}
    </>
  );
}

export default function ProposeActivityPage() {
  const { bind, submitError, sending, submit } = useProposalForm();
  const { form, errors, update } = bind;

  return (
    <Screen testId="proposal-form">
      <Text className="jh-title">提议一次义警活动</Text>
      <Text className="jh-block jh-muted">
        提交给您所属的派出所（单位管理员：本单位所属派出所）审核，通过后发布给义警报名（积分按提议活动的比例计算）。同一时间最多有
        3 条等待审核的提议。
      </Text>
      <BigButton
        kind="secondary"
        onClick={() => void Taro.navigateTo({ url: PAGES.myProposals })}
        testId="open-my-proposals"
      >
        查看我提议过的活动
      </BigButton>

      <View style={{ marginTop: '16px' }} />
      <Field k="title" label="活动名称" placeholder="例如：平湖小区夜间巡逻" {...bind} />
      <Text className="jh-field__label">活动类型</Text>
      <Chips
        options={ACTIVITY_TYPES.map((t) => ({ value: t, label: ACTIVITY_TYPE_LABELS[t] }))}
        value={form.type}
        onChange={(v) => update('type', v)}
        testId="proposal-type"
      />

      <PlaceFields {...bind} />

      <Text className="jh-section-title">时间和人数</Text>
      <TimeFields {...bind} />
      <Field k="capacity" label="需要多少人" type="number" {...bind} />

      <View className="jh-field">
        <Text className="jh-field__label">活动说明（选填）</Text>
        <Textarea
          className="jh-textarea"
          value={form.description}
          maxlength={2000}
          placeholder="做什么、在哪集合、注意事项"
          onInput={(e) => update('description', e.detail.value)}
          data-testid="proposal-description"
        />
        {errors.description ? <Text className="jh-field__error">{errors.description}</Text> : null}
      </View>

      <InlineError message={submitError} testId="proposal-error" />
      <BigButton onClick={() => void submit()} loading={sending} loadingText="正在提交…" testId="proposal-submit">
        提交给派出所审核
      </BigButton>
    </Screen>
  );
}
