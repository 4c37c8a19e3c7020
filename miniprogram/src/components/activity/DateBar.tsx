import { Picker, View } from '@tarojs/components';
import { pickedDayLabel, type DateChoice } from '../../logic/activity-days';

const OPTIONS: { value: Exclude<DateChoice, 'day'>; label: string }[] = [
  { value: 'all', label: '全部日期' },
  { value: 'today', label: '今天' },
  { value: 'week', label: '本周' },
];

/**
 * The date filter, always in sight above an activity list: 全部 / 今天 / 本周 as one tap each, and
 * 选日期 opening the date picker (it offers `offered`; never before `earliest` when given). The page
 * sends the chosen range to the server as from/to (logic/activity-days.ts › dateRange).
 */
export function DateBar({
  date,
  day,
  onChange,
  today,
  offered,
  earliest,
}: {
  date: DateChoice;
  day: string | null | undefined;
  onChange: (date: DateChoice, day: string | null) => void;
  today: string;
  offered: string;
  earliest?: string;
}) {
  const picked = date === 'day' && !!day;
  return (
    <View className="jh-chips jh-date-bar" data-testid="filter-date">
      {OPTIONS.map((o) => (
        <View
          key={o.value}
          className={`jh-chip${o.value === date ? ' jh-chip--on' : ''}`}
          onClick={() => onChange(o.value, null)}
          data-testid={`filter-date-${o.value}`}
        >
          {o.value === date ? '✓ ' : ''}
          {o.label}
        </View>
      ))}
      <Picker
        mode="date"
        value={day ?? offered}
        start={earliest}
        onChange={(e) => onChange('day', String(e.detail.value))}
      >
        <View className={`jh-chip${picked ? ' jh-chip--on' : ''}`} data-testid="filter-date-day">
          {picked ? '✓ ' : ''}
          {pickedDayLabel(day, today)}
        </View>
      </Picker>
    </View>
  );
}
