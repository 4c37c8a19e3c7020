import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ActivityStatus, WeeklyRuleResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { Chips } from '../../components/activity/Chips';
import { PagedListView } from '../../components/PagedListView';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { PAGES, pageUrl } from '../../logic/routes';
import { canPublishActivities, statusFilterFrom } from '../../logic/activity-admin';
import { useSession } from '../../hooks/useSession';
import { adminListActivities, weeklyRule } from '../../services/activities-admin';
import { StaffActivitySummary } from '../shared';
import '../../components/activity/activity.css';
import '../../admin/admin.css';

type StatusFilter = 'all' | ActivityStatus;
const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'draft', label: '草稿' },
  { value: 'published', label: '报名中' },
  { value: 'ongoing', label: '进行中' },
  { value: 'finished', label: '待确认出勤' },
  { value: 'settled', label: '已结算' },
  { value: 'cancelled', label: '已取消' },
];

function WeeklyRuleNote() {
  const [rule, setRule] = useState<WeeklyRuleResponse | null>(null);
  useEffect(() => {
    weeklyRule().then(setRule, () => setRule(null));
  }, []);
  if (!rule) return null;
  return (
    <View
      className={`jh-status-box${rule.belowCount ? ' jh-status-box--wait' : ' jh-status-box--ok'}`}
      data-testid="weekly-rule"
    >
      <Text className="jh-block" style={{ fontWeight: 700 }}>
        本周巡逻防范活动（{rule.week}）
      </Text>
      <Text className="jh-block">
        {rule.belowCount
          ? `${rule.belowCount} 个派出所本周还没有开展：${rule.stations
              .filter((s) => s.belowRule)
              .map((s) => s.name)
              .slice(0, 5)
              .join('、')}`
          : '所有派出所本周都已开展，达到每周至少一次的要求。'}
      </Text>
    </View>
  );
}

export default function AdminActivityListPage() {
  const router = useRouter();
  const [status, setStatus] = useState<StatusFilter>(() => statusFilterFrom(router.params.status));
  const session = useSession();
  const publisher = canPublishActivities(session.status === 'signedIn' ? session.me : null);
  const fetchPage = useCallback(
    (page: number) => adminListActivities({ page, pageSize: PAGE_SIZE, status: status === 'all' ? undefined : status }),
    [status],
  );
  const list = usePagedList(fetchPage, status, { reloadOnShow: true });

  return (
    <Screen testId="admin-activities">
      {publisher ? (
        <BigButton onClick={() => void Taro.navigateTo({ url: PAGES.adminActivityEdit })} testId="new-activity">
          ＋ 新建活动
        </BigButton>
      ) : null}
      <BigButton
        kind="secondary"
        onClick={() => void Taro.navigateTo({ url: PAGES.adminProposals })}
        testId="open-proposals"
      >
        活动提议审核
      </BigButton>
      <View className="jh-row-buttons">
        <BigButton
          kind="secondary"
          onClick={() => void Taro.navigateTo({ url: PAGES.adminPoints })}
          testId="open-admin-points"
        >
          积分发放
        </BigButton>
        <BigButton
          kind="secondary"
          onClick={() => void Taro.navigateTo({ url: PAGES.adminInsurance })}
          testId="open-insurance"
        >
          保险保单
        </BigButton>
      </View>
      <View style={{ marginTop: '16px' }}>
        <WeeklyRuleNote />
      </View>
      <Chips options={STATUS_OPTIONS} value={status} onChange={setStatus} testId="status-filter" />
      <PagedListView
        list={list}
        testId="admin-activity-list"
        emptyText={publisher ? '没有这类活动。点上面“新建活动”发布一个。' : '辖区内没有这类活动。'}
        countLabel={(total) => `共 ${total} 个活动`}
        renderItem={(a) => (
          <View
            key={a.id}
            className="jh-act-card"
            data-testid="admin-activity-item"
            data-activity-id={a.id}
            onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.adminActivityDetail, { id: a.id }) })}
          >
            <StaffActivitySummary a={a} />
            <Text className="jh-act-card__open">管理 ›</Text>
          </View>
        )}
      />
    </Screen>
  );
}
