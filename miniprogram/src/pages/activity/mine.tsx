import { Fragment, useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ACTIVITY_STATUS_LABELS, businessDate, type MyActivityResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { SignupStatus } from '../../components/activity/SignupStatus';
import { PagedListView } from '../../components/PagedListView';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { formatMinutes } from '../../logic/activities';
import { dateRange, groupByDay, mineInDayOrder, type DateChoice } from '../../logic/activity-days';
import { DateBar } from '../../components/activity/DateBar';
import { DayHeading, When } from '../../components/activity/When';
import { PAGES, pageUrl } from '../../logic/routes';
import { myActivities } from '../../services/activities';
import '../../components/activity/activity.css';

function MineRow({ m, today }: { m: MyActivityResponse; today: string }) {
  return (
    <View
      className="jh-act-card"
      data-testid="my-activity-item"
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.activityDetail, { id: m.activity.id }) })}
    >
      <Text className="jh-act-card__title">{m.activity.title}</Text>
      <Text className="jh-act-card__line" data-testid="activity-when">
        时间：
        <When startAt={m.activity.startAt} endAt={m.activity.endAt} today={today} />（
        {ACTIVITY_STATUS_LABELS[m.activity.status]}）
      </Text>
      <Text className="jh-act-card__line">地点：{m.activity.address}</Text>
      {m.confirmedMinutes !== null ? (
        <Text className="jh-act-card__line">确认时长：{formatMinutes(m.confirmedMinutes)}</Text>
      ) : null}
      <SignupStatus signup={m} />
      <Text className="jh-act-card__open">查看详情 ›</Text>
    </View>
  );
}

export default function MyActivitiesPage() {
  const [filter, setFilter] = useState<{ date: DateChoice; day: string | null }>({ date: 'all', day: null });
  const fetchPage = useCallback(
    (page: number) =>
      myActivities({ page, pageSize: PAGE_SIZE, ...dateRange(filter.date, businessDate(new Date()), filter.day) }),
    [filter],
  );
  const list = usePagedList(fetchPage, `mine:${filter.date}:${filter.day ?? ''}`, { reloadOnShow: true });
  // Coming ones first (soonest first), then the finished ones (latest first), under a heading per day.
  const now = new Date();
  const today = businessDate(now);
  const startOf = (m: MyActivityResponse) => m.activity.startAt;
  const ordered = mineInDayOrder(list.items, startOf, (m) => m.activity.endAt, now);
  const groups = groupByDay(ordered, startOf, today, dateRange(filter.date, today, filter.day)?.from);
  const firstOfDay = new Map(groups.map((g) => [g.items[0], g.day] as const));
  return (
    <Screen testId="my-activities">
      <DateBar
        date={filter.date}
        day={filter.day}
        onChange={(date, day) => setFilter({ date, day })}
        today={today}
        offered={today}
      />
      <PagedListView
        list={{ ...list, items: groups.flatMap((g) => g.items) }}
        testId="my-activity-list"
        emptyText={
          filter.date === 'all'
            ? '您还没有报名活动。回到首页点“活动报名”看看有哪些活动。'
            : '这段日期您没有报名的活动。点上面的“全部日期”看看其他日子。'
        }
        countLabel={(total) => `共 ${total} 条报名记录`}
        renderItem={(m) => {
          const day = firstOfDay.get(m);
          return (
            <Fragment key={m.id}>
              {day ? <DayHeading day={day} today={today} /> : null}
              <MineRow m={m} today={today} />
            </Fragment>
          );
        }}
      />
    </Screen>
  );
}
