import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { VOLUNTEER_STATUS_LABELS, VOLUNTEER_TIER_LABELS, type VolunteerListItem } from '@jianghuai/shared';
import { starsLabel } from '../logic/enrolment-view';
import { formatDateTime } from '../logic/format';
import { PAGES, pageUrl } from '../logic/routes';

/** One volunteer in the archive list and the talent pool; tap opens the editable record. */
export function VolunteerRow({ v }: { v: VolunteerListItem }) {
  return (
    <View
      className="jh-row-card"
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.adminVolunteer, { id: v.id }) })}
      data-testid="volunteer-item"
    >
      <Text className="jh-row-card__title">
        {v.name} · {v.memberNo}
      </Text>
      <Text className="jh-row-card__line">
        {v.station?.name ?? '待分配'} · {VOLUNTEER_TIER_LABELS[v.tier]} · {starsLabel(v.starLevel)}
      </Text>
      <Text className="jh-row-card__line">
        技能：{v.skills.length ? v.skills.map((s) => s.name).join('、') : '未登记'}
      </Text>
      <Text className="jh-row-card__line">
        手机：{v.phoneMasked ?? '—'} · 最近履职：{v.lastDutyAt ? formatDateTime(v.lastDutyAt).slice(0, 10) : '无'}
      </Text>
      <Text className={`jh-badge jh-badge--${v.available ? 'green' : 'warn'}`}>
        {VOLUNTEER_STATUS_LABELS[v.status]}
        {v.available ? ' · 可调用' : ' · 暂不可调用'}
      </Text>
    </View>
  );
}
