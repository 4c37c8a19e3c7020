import { Picker, Text, View } from '@tarojs/components';
import { BigButton } from '../../components/BigButton';
import type { ActivityForm } from '../../logic/activity-form';
import type { ActivityFormState } from '../useActivityForm';

type DateKey = 'startDate' | 'endDate' | 'signupDeadlineDate' | 'cancelDeadlineDate';
type TimeKey = 'startTime' | 'endTime' | 'signupDeadlineTime' | 'cancelDeadlineTime';

/**
 * A date and a time chosen with the system pickers (never typed): in WeChat the native wheel, in the H5
 * build Taro's sliding sheet. An optional one (a deadline) says what empty means and can be cleared.
 */
export function DateTimeField({
  f,
  label,
  dateKey,
  timeKey,
  optional,
  fallback,
}: {
  f: ActivityFormState;
  label: string;
  dateKey: DateKey;
  timeKey: TimeKey;
  /** Shown when nothing is chosen, e.g. 不设（到开始时间为止）; the field may be cleared. */
  optional?: string;
  /** Where the pickers open when nothing is chosen yet. */
  fallback?: { date: string; time: string };
}) {
  const date = f.form[dateKey];
  const time = f.form[timeKey];
  const error = f.errors[timeKey] ?? f.errors[dateKey];
  const set = (key: keyof ActivityForm, value: string) => f.update(key, value as never);
  return (
    <View className="jh-field">
      <Text className="jh-field__label">{label}</Text>
      {optional && !date && !time ? <Text className="jh-block jh-muted">{optional}</Text> : null}
      <View className="jh-actions">
        <Picker mode="date" value={date || fallback?.date || ''} onChange={(e) => set(dateKey, e.detail.value)}>
          <View
            className="jh-input"
            style={{ lineHeight: '56px', marginRight: '8px', minWidth: '150px' }}
            data-testid={`form-${dateKey}`}
          >
            {date || '选择日期'}
          </View>
        </Picker>
        <Picker mode="time" value={time || fallback?.time || '09:00'} onChange={(e) => set(timeKey, e.detail.value)}>
          <View className="jh-input" style={{ lineHeight: '56px', minWidth: '100px' }} data-testid={`form-${timeKey}`}>
            {time || '选择时间'}
          </View>
        </Picker>
      </View>
      {optional && (date || time) ? (
        <BigButton
          kind="secondary"
          onClick={() => {
            set(dateKey, '');
            set(timeKey, '');
          }}
          testId={`form-${dateKey}-clear`}
        >
          不设{label}
        </BigButton>
      ) : null}
      {error ? (
        <Text className="jh-field__error" data-testid={`form-${timeKey}-error`}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}
