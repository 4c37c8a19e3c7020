import { Fragment, useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  ACTIVITY_TYPE_LABELS,
  ACTIVITY_TYPES,
  addCalendarDays,
  businessDate,
  type ActivityResponse,
  type ActivityType,
  type MySignupResponse,
} from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { InlineError } from '../../components/States';
import { Chips } from '../../components/activity/Chips';
import { SignupStatus } from '../../components/activity/SignupStatus';
import { PagedListView } from '../../components/PagedListView';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { useLocation, type Position } from '../../hooks/useLocation';
import { useSignup } from '../../hooks/useSignup';
import { session } from '../../hooks/useSession';
import {
  activityListButtons,
  DEFAULT_FILTERS,
  filtersKey,
  formatDistance,
  isLiveSignup,
  listQueryFor,
  placesWording,
  pointsWording,
  type ListFilters,
} from '../../logic/activities';
import { PAGES, pageUrl } from '../../logic/routes';
import { getActivity, listActivities } from '../../services/activities';
import { activityAfterSignup } from '../../logic/activity-hints';
import { LocationNote } from '../../components/activity/LocationNote';
import { DayHeading, When } from '../../components/activity/When';
import { dateRange, groupByDay } from '../../logic/activity-days';
import { DateBar } from '../../components/activity/DateBar';
import '../../components/activity/activity.css';

const TYPE_OPTIONS = [
  { value: 'all', label: '全部类型' },
  ...ACTIVITY_TYPES.map((t) => ({ value: t, label: ACTIVITY_TYPE_LABELS[t] })),
] as const;
const NEAR_OPTIONS: { value: number; label: string }[] = [
  { value: 0, label: '不限距离' },
  { value: 3, label: '3 公里内' },
  { value: 10, label: '10 公里内' },
];

function ActivityCard({
  a,
  today,
  busy,
  error,
  onSignUp,
}: {
  a: ActivityResponse;
  today: string;
  busy: boolean;
  error: string | null;
  onSignUp: () => void;
}) {
  const open = () => void Taro.navigateTo({ url: pageUrl(PAGES.activityDetail, { id: a.id }) });
  const live = isLiveSignup(a.mySignup);
  return (
    <View className="jh-act-card" data-testid="activity-item" data-activity-id={a.id}>
      <View onClick={open} data-testid={`activity-open-${a.id}`}>
        <Text className="jh-act-card__title">{a.title}</Text>
        <Text className="jh-act-card__line">
          {a.typeLabel} · {a.orgUnit.name}
        </Text>
        <Text className="jh-act-card__line" data-testid="activity-when">
          时间：
          <When startAt={a.startAt} endAt={a.endAt} today={today} />
        </Text>
        <Text className="jh-act-card__line">
          地点：{a.location.address}
          {a.distanceM !== null ? `（距您 ${formatDistance(a.distanceM)}）` : ''}
        </Text>
        <Text className="jh-act-card__line">{placesWording(a)}</Text>
        <Text className="jh-act-card__line">{pointsWording(a)}</Text>
      </View>
      {live && a.mySignup ? <SignupStatus signup={a.mySignup} compact /> : null}
      <InlineError message={error} testId="signup-error" />
      {!live && a.status === 'published' ? (
        <BigButton onClick={onSignUp} loading={busy} loadingText="正在报名…" testId={`signup-${a.id}`}>
          {a.placesLeft > 0 ? '报名' : '名额已满，排队候补'}
        </BigButton>
      ) : null}
      <Text className="jh-act-card__open" onClick={open}>
        查看详情和导航 ›
      </Text>
    </View>
  );
}

/** The toast after signing up: on the waitlist, waiting for the officer, or done. */
function signedUpText(s: MySignupResponse): string {
  if (s.status === 'waitlisted') return `已排队候补第 ${s.waitlistPosition ?? ''} 位`;
  return s.status === 'pending' ? '已提交，等待民警确认' : '报名成功';
}

/** 筛选 and 我的活动 side by side, then 提议活动 — each only for whom it serves (activityListButtons). */
function TopButtons({ showFilters, toggleFilters }: { showFilters: boolean; toggleFilters: () => void }) {
  const me = session.get();
  const show = activityListButtons(me.status === 'signedIn' ? me.me : null);
  return (
    <>
      <View className="jh-row-buttons">
        <BigButton kind="secondary" onClick={toggleFilters} testId="toggle-filters">
          {showFilters ? '收起筛选' : '筛选'}
        </BigButton>
        {show.myActivities ? (
          <BigButton
            kind="secondary"
            onClick={() => void Taro.navigateTo({ url: PAGES.myActivities })}
            testId="open-my-activities"
          >
            我的活动
          </BigButton>
        ) : null}
      </View>
      {show.propose ? (
        <BigButton
          kind="secondary"
          onClick={() => void Taro.navigateTo({ url: PAGES.proposalNew })}
          testId="open-propose"
        >
          提议活动
        </BigButton>
      ) : null}
    </>
  );
}

/** Station, distance (asking for the position when needed) and type. */
function Filters({
  filters,
  set,
  position,
  locate,
}: {
  filters: ListFilters;
  set: (patch: Partial<ListFilters>) => void;
  position: Position | null;
  locate: () => Promise<unknown>;
}) {
  return (
    <View className="jh-card" data-testid="filters">
      <Text className="jh-filter-label">范围</Text>
      <Chips
        options={[
          { value: 'all', label: '所有派出所' },
          { value: 'mine', label: '只看本所' },
        ]}
        value={filters.myStation ? 'mine' : 'all'}
        onChange={(v) => set({ myStation: v === 'mine' })}
        testId="filter-station"
      />
      <Text className="jh-filter-label">距离{position ? '' : '（需要允许获取位置）'}</Text>
      <Chips
        options={NEAR_OPTIONS}
        value={filters.nearKm ?? 0}
        onChange={(km) => {
          if (km && !position) void locate();
          set({ nearKm: km || null });
        }}
        testId="filter-near"
      />
      <Text className="jh-filter-label">类型</Text>
      <Chips
        options={TYPE_OPTIONS}
        value={filters.type ?? 'all'}
        onChange={(t) => set({ type: t === 'all' ? null : (t as ActivityType) })}
        testId="filter-type"
      />
    </View>
  );
}

/**
 * The list for the filters (with distances once the position arrives), and signing up from it: the
 * person's sign-up and the server's fresh counts shown on the cards at once.
 */
function useActivityList(filters: ListFilters) {
  const { state: loc, locate, position } = useLocation();
  const [signups, setSignups] = useState<Record<number, MySignupResponse>>({});
  /** The server's copy of an activity fetched after signing up: the places count is never stale. */
  const [fresh, setFresh] = useState<Record<number, ActivityResponse>>({});
  const me = session.get();
  const stationId = me.status === 'signedIn' ? (me.me.volunteer?.stationId ?? null) : null;

  useEffect(() => {
    // Distances need the position; the list loads without it and gains them when it arrives.
    void locate();
  }, [locate]);

  const fetchPage = useCallback(
    (page: number) => listActivities(listQueryFor(filters, { now: new Date(), position, stationId }, page, PAGE_SIZE)),
    [filters, position, stationId],
  );
  const listKey = filtersKey(filters, position);
  const list = usePagedList(fetchPage, listKey);
  // a new list brings the server's counts itself
  useEffect(() => setFresh({}), [listKey]);
  const signup = useSignup((id, s) => {
    setSignups((prev) => ({ ...prev, [id]: s }));
    // At once: the place taken (or the waitlist grown); then the server's count, which others change too.
    setFresh((prev) => {
      const shown = prev[id] ?? list.items.find((a) => a.id === id);
      return shown ? { ...prev, [id]: activityAfterSignup(shown, s) } : prev;
    });
    void getActivity(id)
      .then((a) => setFresh((prev) => ({ ...prev, [id]: a })))
      .catch(() => undefined);
    void Taro.showToast({
      title: signedUpText(s),
      icon: 'none',
      duration: 3000,
    });
  });

  const withMine = {
    ...list,
    items: list.items.map((a) => {
      // the list's distance stays: the detail endpoint is asked without the position
      const shown = fresh[a.id] ? { ...fresh[a.id], distanceM: a.distanceM } : a;
      return signups[a.id] ? { ...shown, mySignup: signups[a.id] } : shown;
    }),
  };
  return { list: withMine, signup, loc, locate, position };
}

export default function ActivityListPage() {
  const [filters, setFilters] = useState<ListFilters>(DEFAULT_FILTERS);
  const [showFilters, setShowFilters] = useState(false);
  const { list: withMine, signup, loc, locate, position } = useActivityList(filters);
  const set = (patch: Partial<ListFilters>) => setFilters((f) => ({ ...f, ...patch }));
  // Headings by Shanghai day; one running since an earlier day stands under the first day shown.
  const today = businessDate(new Date());
  const floor = dateRange(filters.date, today, filters.day)?.from ?? today;
  const firstOfDay = new Map(
    groupByDay(withMine.items, (a) => a.startAt, today, floor).map((g) => [g.items[0], g.day] as const),
  );

  return (
    <Screen testId="activity-list">
      <TopButtons showFilters={showFilters} toggleFilters={() => setShowFilters((v) => !v)} />
      <DateBar
        date={filters.date}
        day={filters.day}
        onChange={(date, day) => set({ date, day })}
        today={today}
        offered={addCalendarDays(today, 1)}
        earliest={today}
      />
      <LocationNote state={loc} onRetry={() => void locate()} waitingText="正在获取您的位置，用来显示距离…" />
      {showFilters ? <Filters filters={filters} set={set} position={position} locate={locate} /> : null}
      <PagedListView
        list={withMine}
        testId="activities"
        emptyText={
          filters.date === 'all'
            ? '暂时没有可以报名的活动。可以换个筛选条件，或过几天再来看看。'
            : '这段日期没有可以报名的活动。点上面的“全部日期”看看其他日子。'
        }
        countLabel={(total) => `共 ${total} 个活动`}
        renderItem={(a) => {
          const day = firstOfDay.get(a);
          return (
            <Fragment key={a.id}>
              {day ? <DayHeading day={day} today={today} /> : null}
              <ActivityCard
                a={a}
                today={today}
                busy={signup.busyId === a.id}
                error={signup.error?.activityId === a.id ? signup.error.message : null}
                onSignUp={() => void signup.signUp(a.id)}
              />
            </Fragment>
          );
        }}
      />
    </Screen>
  );
}
