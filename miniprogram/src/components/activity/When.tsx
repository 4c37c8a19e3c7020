import { Fragment } from 'react';
import { Text, View } from '@tarojs/components';
import { dayHeading, whenParts } from '../../logic/activity-days';

/** `12月3日 周四 09:00–11:00`: the page may wrap between the date and the time, never inside either. */
export function When({ startAt, endAt, today }: { startAt: string; endAt: string; today: string }) {
  const parts = whenParts(startAt, endAt, today);
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {i ? ' ' : null}
          <Text className="jh-time" data-testid="when-part">
            {p}
          </Text>
        </Fragment>
      ))}
    </>
  );
}

/** The heading above one day's activities (今天 · 11月30日 周一). */
export function DayHeading({ day, today }: { day: string; today: string }) {
  return (
    <View className="jh-day-heading" data-testid="day-heading" data-day={day}>
      <Text className="jh-time">{dayHeading(day, today)}</Text>
    </View>
  );
}
