import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { ACTIVITY_MODE_LABELS, ACTIVITY_MODES } from '@jianghuai/shared';
import { BigButton } from '../../components/BigButton';
import { Chips } from '../../components/activity/Chips';
import type { ActivityForm } from '../../logic/activity-form';
import { readPosition } from '../../hooks/useLocation';
import type { ActivityFormState } from '../useActivityForm';
import { DateTimeField } from './DateTimeField';
import { PlaceSearch } from './PlaceSearch';

const isWeapp = process.env.TARO_ENV === 'weapp';

/** One labelled input of the activity form, with its hint and its error. */
export function TextField({
  f,
  name,
  label,
  placeholder,
  type,
  hint,
}: {
  f: ActivityFormState;
  name: keyof ActivityForm;
  label: string;
  placeholder?: string;
  type?: 'text' | 'digit' | 'number';
  hint?: string;
}) {
  return (
    <View className="jh-field">
      <Text className="jh-field__label">{label}</Text>
      <Input
        className="jh-input"
        value={String(f.form[name])}
        type={type ?? 'text'}
        placeholder={placeholder}
        onInput={(e) => f.update(name, e.detail.value as never)}
        data-testid={`form-${name}`}
      />
      {hint ? <Text className="jh-block jh-muted">{hint}</Text> : null}
      {f.errors[name] ? (
        <Text className="jh-field__error" data-testid={`form-${name}-error`}>
          {f.errors[name]}
        </Text>
      ) : null}
    </View>
  );
}

/** 在地图上选点 (WeChat only) and 用我现在的位置: both fill the coordinates, the map also an empty address. */
function PositionButtons({ f }: { f: ActivityFormState }) {
  const { form } = f;
  const pickOnMap = async () => {
    try {
      const lat = Number(form.lat);
      const res = await Taro.chooseLocation(
        Number.isFinite(lat) && form.lat ? { latitude: lat, longitude: Number(form.lng) } : {},
      );
      f.update('lat', res.latitude.toFixed(6));
      f.update('lng', res.longitude.toFixed(6));
      if (!form.address.trim()) f.update('address', [res.address, res.name].filter(Boolean).join(' '));
    } catch {
      // Closed the map without choosing: nothing changes.
    }
  };
  const fillFromMyPosition = async () => {
    try {
      const p = await readPosition();
      f.update('lat', p.lat.toFixed(6));
      f.update('lng', p.lng.toFixed(6));
    } catch {
      void Taro.showToast({ title: '没能获取位置，请从已知地点中选或手动输入坐标', icon: 'none', duration: 3000 });
    }
  };
  return (
    <>
      {isWeapp ? (
        <BigButton kind="secondary" onClick={() => void pickOnMap()} testId="pick-on-map">
          在地图上选点
        </BigButton>
      ) : null}
      <BigButton kind="secondary" onClick={() => void fillFromMyPosition()} testId="use-my-position">
        用我现在的位置
      </BigButton>
    </>
  );
}

/**
 * 地点: the address and its point — on the map (WeChat), from the known places of the officer's scope (H5),
 * or the officer's own position; typing coordinates is the last resort behind 手动输入坐标.
 */
export function PlaceSection({ f }: { f: ActivityFormState }) {
  const { form } = f;
  const [manual, setManual] = useState(false);
  const located = !!form.lat.trim() && !!form.lng.trim();
  const showCoords = manual || !!f.errors.lat || !!f.errors.lng;
  return (
    <>
      <Text className="jh-section-title">地点</Text>
      <TextField f={f} name="address" label="地址" placeholder="例如：平湖小区北门" />
      {isWeapp ? null : (
        <PlaceSearch
          onPick={(p) => {
            f.update('address', p.address === p.name ? p.name : `${p.name} ${p.address}`.slice(0, 200));
            f.update('lat', p.lat.toFixed(6));
            f.update('lng', p.lng.toFixed(6));
          }}
        />
      )}
      <Text className="jh-block" data-testid="form-position">
        {located ? `已定位：纬度 ${form.lat}，经度 ${form.lng}` : '还没有定位：请选一个地点'}
      </Text>
      <PositionButtons f={f} />
      {showCoords ? (
        <>
          <TextField f={f} name="lat" label="纬度" placeholder="例如 31.670500" type="digit" />
          <TextField f={f} name="lng" label="经度" placeholder="例如 118.506500" type="digit" />
        </>
      ) : (
        <BigButton kind="secondary" onClick={() => setManual(true)} testId="manual-coords">
          手动输入坐标
        </BigButton>
      )}
      <View style={{ marginTop: '16px' }} />
      <TextField
        f={f}
        name="radiusM"
        label="签到范围（米）"
        type="number"
        hint="在这个距离以内才能定位签到，一般 300 米"
      />
    </>
  );
}

/** 时间: start and end, each a date and a time from the pickers. */
export function TimeSection({ f }: { f: ActivityFormState }) {
  return (
    <>
      <Text className="jh-section-title">时间</Text>
      <DateTimeField f={f} label="开始" dateKey="startDate" timeKey="startTime" />
      <DateTimeField f={f} label="结束" dateKey="endDate" timeKey="endTime" />
    </>
  );
}

/** 人数和积分: capacity, how points are counted, the mode, how sign-ups are accepted and the insurance rule. */
export function PointsSection({ f, editingPublished }: { f: ActivityFormState; editingPublished: boolean }) {
  const { form } = f;
  return (
    <>
      <Text className="jh-section-title">人数和积分</Text>
      <TextField f={f} name="capacity" label="名额（人）" type="number" />
      <Text className="jh-field__label">积分计算</Text>
      <Chips
        options={[
          { value: 'per_activity', label: '按次' },
          { value: 'per_hour', label: '按小时' },
        ]}
        value={form.pointsRule}
        onChange={(v) => f.update('pointsRule', v)}
        testId="form-pointsRule"
      />
      <TextField
        f={f}
        name="pointsAmount"
        label={form.pointsRule === 'per_hour' ? '每小时积分' : '每次积分'}
        type="number"
      />
      <Text className="jh-field__label">模式</Text>
      <Chips
        options={ACTIVITY_MODES.map((m) => ({ value: m, label: ACTIVITY_MODE_LABELS[m] }))}
        value={form.mode}
        onChange={(v) => f.update('mode', v)}
        testId="form-mode"
      />
      {form.mode === 'wartime' ? <Text className="jh-block jh-muted">战时积分加倍。</Text> : null}
      <SignupRules f={f} editingPublished={editingPublished} />
    </>
  );
}

/** 报名方式 (fixed once published) and 是否要求意外保险. */
function SignupRules({ f, editingPublished }: { f: ActivityFormState; editingPublished: boolean }) {
  const { form } = f;
  return (
    <>
      <Text className="jh-field__label">报名方式</Text>
      {editingPublished ? (
        <Text className="jh-block">{form.signupMode === 'instant' ? '报名即成功' : '民警确认'}（发布后不能更改）</Text>
      ) : (
        <Chips
          options={[
            { value: 'instant', label: '报名即成功' },
            { value: 'officer_confirmed', label: '民警确认' },
          ]}
          value={form.signupMode}
          onChange={(v) => f.update('signupMode', v)}
          testId="form-signupMode"
        />
      )}
      <Text className="jh-field__label">是否要求意外保险</Text>
      <Chips
        options={[
          { value: 'no', label: '不要求' },
          { value: 'yes', label: '要求' },
        ]}
        value={form.requiresInsurance ? 'yes' : 'no'}
        onChange={(v) => f.update('requiresInsurance', v === 'yes')}
        testId="form-insurance"
      />
    </>
  );
}
