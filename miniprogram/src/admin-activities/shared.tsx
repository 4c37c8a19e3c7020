import { Text, View } from '@tarojs/components';
import { ACTIVITY_STATUS_LABELS, type ActivityResponse } from '@jianghuai/shared';
import { formatTimeRange } from '../logic/activities';

/** One activity in a staff list: what, when, where, how full, in which state. */
export function StaffActivitySummary({ a }: { a: ActivityResponse }) {
  return (
    <View>
      <Text className="jh-act-card__title">{a.title}</Text>
      <Text
        className={`jh-badge${a.status === 'cancelled' ? ' jh-badge--off' : a.status === 'draft' ? ' jh-badge--wait' : ''}`}
        data-testid="admin-activity-status"
      >
        {ACTIVITY_STATUS_LABELS[a.status]}
      </Text>
      {a.proposal ? <Text className="jh-badge jh-badge--wait">提议 · {a.proposal.proposedBy}</Text> : null}
      <Text className="jh-act-card__line">
        {a.typeLabel} · {a.orgUnit.name}
      </Text>
      <Text className="jh-act-card__line">
        时间：<Text className="jh-time">{formatTimeRange(a.startAt, a.endAt)}</Text>
      </Text>
      <Text className="jh-act-card__line">地点：{a.location.address}</Text>
      <Text className="jh-act-card__line">
        已报名 {a.confirmedCount} / {a.capacity} 人{a.waitlistCount ? `，候补 ${a.waitlistCount} 人` : ''}
      </Text>
    </View>
  );
}
