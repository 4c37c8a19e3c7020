import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import {
  ACTIVITY_MODE_LABELS,
  ACTIVITY_MODES,
  ACTIVITY_TYPE_LABELS,
  ACTIVITY_TYPES,
  DEFAULT_HIGH_RISK_TYPES,
} from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { ErrorState, InlineError, LoadingState } from '../../components/States';
import { Chips } from '../../components/activity/Chips';
import type { ActivityForm } from '../../logic/activity-form';
import { PAGES, pageUrl } from '../../logic/routes';
import { readPosition } from '../../hooks/useLocation';
import { useActivityForm } from '../useActivityForm';
import '../../components/activity/activity.css';

const isWeapp = process.env.TARO_ENV === 'weapp';
type Key = keyof ActivityForm;

export default function ActivityEditPage() {
  const id = Number(useRouter().params.id) || null;
  const f = useActivityForm(id);
  const { form, errors } = f;

  if (f.phase.kind === 'loading')
    return (
      <Screen>
        <LoadingState text="正在加载活动…" />
      </Screen>
    );
  if (f.phase.kind === 'loadFailed')
    return (
      <Screen>
        <ErrorState message={f.phase.message} onRetry={() => void f.retry()} />
      </Screen>
    );

  const field = (
    key: Key,
    label: string,
    opts: { placeholder?: string; type?: 'text' | 'digit' | 'number'; hint?: string } = {},
  ) => (
    <View className="jh-field">
      <Text className="jh-field__label">{label}</Text>
      <Input
        className="jh-input"
        value={String(form[key])}
        type={opts.type ?? 'text'}
        placeholder={opts.placeholder}
        onInput={(e) => f.update(key, e.detail.value as never)}
        data-testid={`form-${key}`}
      />
      {opts.hint ? <Text className="jh-block jh-muted">{opts.hint}</Text> : null}
      {errors[key] ? (
        <Text className="jh-field__error" data-testid={`form-${key}-error`}>
          {errors[key]}
        </Text>
      ) : null}
    </View>
  );

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
      void Taro.showToast({ title: '没能获取位置，请直接填写坐标', icon: 'none', duration: 3000 });
    }
  };

  const save = async (publish: boolean) => {
    const saved = await f.submit(publish);
    if (!saved) return;
    void Taro.showToast({ title: publish ? '已发布' : '已保存', icon: 'none', duration: 2000 });
    void Taro.redirectTo({ url: pageUrl(PAGES.adminActivityDetail, { id: saved.id }) });
  };

  const editingPublished = !!f.activity && f.activity.status !== 'draft';

  return (
    <Screen testId="activity-form">
      <Text className="jh-title">{id ? '修改活动' : '新建活动'}</Text>
      {f.restoredAt !== null ? (
        <View className="jh-notice" style={{ marginBottom: '16px' }} data-testid="draft-restored">
          <Text className="jh-block">已恢复您{f.restoredAt ? `在 ${f.restoredAt} ` : ''}没有保存完的内容。</Text>
          <BigButton kind="secondary" onClick={f.discardDraft} testId="discard-draft">
            不要了，重新填写
          </BigButton>
        </View>
      ) : null}
      {editingPublished ? (
        <Text className="jh-block jh-notice" style={{ marginBottom: '16px' }}>
          活动已发布：改动时间或地点后，已报名的人会收到通知。
        </Text>
      ) : null}

      {field('title', '活动名称', { placeholder: '例如：平湖小区夜间巡逻' })}
      <Text className="jh-field__label">活动类型</Text>
      <Chips
        options={ACTIVITY_TYPES.map((t) => ({ value: t, label: ACTIVITY_TYPE_LABELS[t] }))}
        value={form.type}
        onChange={(v) => f.update('type', v)}
        testId="form-type"
      />
      {DEFAULT_HIGH_RISK_TYPES.includes(form.type) ? (
        <Text className="jh-block jh-muted">此类活动为高风险：报名者须有有效意外保险并签署服务协议。</Text>
      ) : null}

      <Text className="jh-section-title">地点</Text>
      {field('address', '地址', { placeholder: '例如：平湖小区北门' })}
      {isWeapp ? (
        <BigButton kind="secondary" onClick={() => void pickOnMap()} testId="pick-on-map">
          在地图上选点
        </BigButton>
      ) : null}
      <BigButton kind="secondary" onClick={() => void fillFromMyPosition()} testId="use-my-position">
        用我现在的位置
      </BigButton>
      <View style={{ marginTop: '16px' }} />
      {field('lat', '纬度', { placeholder: '例如 31.670500', type: 'digit' })}
      {field('lng', '经度', { placeholder: '例如 118.506500', type: 'digit' })}
      {field('radiusM', '签到范围（米）', { type: 'number', hint: '在这个距离以内才能定位签到，一般 300 米' })}

      <Text className="jh-section-title">时间</Text>
      {field('startDate', '开始日期', { placeholder: '2026-12-01' })}
      {field('startTime', '开始时间', { placeholder: '09:00' })}
      {field('endDate', '结束日期', { placeholder: '2026-12-01' })}
      {field('endTime', '结束时间', { placeholder: '11:00' })}

      <Text className="jh-section-title">人数和积分</Text>
      {field('capacity', '名额（人）', { type: 'number' })}
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
      {field('pointsAmount', form.pointsRule === 'per_hour' ? '每小时积分' : '每次积分', { type: 'number' })}
      <Text className="jh-field__label">模式</Text>
      <Chips
        options={ACTIVITY_MODES.map((m) => ({ value: m, label: ACTIVITY_MODE_LABELS[m] }))}
        value={form.mode}
        onChange={(v) => f.update('mode', v)}
        testId="form-mode"
      />
      {form.mode === 'wartime' ? <Text className="jh-block jh-muted">战时积分加倍。</Text> : null}
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

      <View className="jh-field">
        <Text className="jh-field__label">活动说明（选填）</Text>
        <Textarea
          className="jh-textarea"
          value={form.description}
          maxlength={2000}
          placeholder="集合地点、着装、注意事项"
          onInput={(e) => f.update('description', e.detail.value)}
          data-testid="form-description"
        />
        {errors.description ? <Text className="jh-field__error">{errors.description}</Text> : null}
      </View>

      <InlineError message={f.submitError} testId="form-error" />
      {!editingPublished ? (
        <BigButton
          onClick={() => void save(true)}
          loading={f.saving === 'publish'}
          loadingText="正在发布…"
          disabled={!!f.saving}
          testId="form-publish"
        >
          保存并发布
        </BigButton>
      ) : null}
      <BigButton
        kind="secondary"
        onClick={() => void save(false)}
        loading={f.saving === 'draft'}
        loadingText="正在保存…"
        disabled={!!f.saving}
        testId="form-save"
      >
        {editingPublished ? '保存修改' : '只保存草稿'}
      </BigButton>
    </Screen>
  );
}
