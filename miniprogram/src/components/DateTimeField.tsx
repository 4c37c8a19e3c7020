import { Picker, Text, View } from '@tarojs/components';
import { BigButton } from './BigButton';

export interface DateTimeValue {
  /** YYYY-MM-DD (Shanghai), '' when not chosen. */
  date: string;
  /** HH:MM, '' when not chosen. */
  time: string;
}

/**
 * A date, and a time unless `time` is left out, chosen with the system pickers (never typed): in WeChat the native
 * wheel, in the H5 build Taro's sliding sheet. An optional one (a deadline) says what empty means and can be
 * cleared. Test ids: `<testId>Date`, `<testId>Time`, `<testId>Date-clear` and the error `<testId>Time-error`
 * (`<testId>Date-error` for a date alone).
 */
export function DateTimeField({
  label,
  date,
  time,
  onChange,
  optional,
  error,
  testId,
  fallback,
}: {
  label: string;
  date: string;
  /** Left out for a date alone (e.g. the days a policy covers). */
  time?: string;
  onChange: (next: DateTimeValue) => void;
  /** Shown when nothing is chosen, e.g. 不设（到开始时间为止）; the field may be cleared. */
  optional?: string;
  error?: string | null;
  testId: string;
  /** Where the pickers open when nothing is chosen yet. */
  fallback?: DateTimeValue;
}) {
  const withTime = time !== undefined;
  const now = { date, time: time ?? '' };
  const empty = !date && !time;
  return (
    <View className="jh-field">
      <Text className="jh-field__label">{label}</Text>
      {optional && empty ? <Text className="jh-block jh-muted">{optional}</Text> : null}
      <View className="jh-actions">
        <Picker
          mode="date"
          value={date || fallback?.date || ''}
          onChange={(e) => onChange({ ...now, date: e.detail.value })}
        >
          <View
            className="jh-input"
            style={{ lineHeight: '56px', marginRight: '8px', minWidth: '150px' }}
            data-testid={`${testId}Date`}
          >
            {date || '选择日期'}
          </View>
        </Picker>
        {withTime ? (
          <Picker
            mode="time"
            value={time || fallback?.time || '09:00'}
            onChange={(e) => onChange({ ...now, time: e.detail.value })}
          >
            <View className="jh-input" style={{ lineHeight: '56px', minWidth: '100px' }} data-testid={`${testId}Time`}>
              {time || '选择时间'}
            </View>
          </Picker>
        ) : null}
      </View>
      {optional && !empty ? (
        <BigButton kind="secondary" onClick={() => onChange({ date: '', time: '' })} testId={`${testId}Date-clear`}>
          不设{label}
        </BigButton>
      ) : null}
      {error ? (
        <Text className="jh-field__error" data-testid={`${testId}${withTime ? 'Time' : 'Date'}-error`}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}
