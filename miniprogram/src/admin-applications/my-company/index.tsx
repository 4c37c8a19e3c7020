import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { COMPANY_TYPE_LABELS, type RosterGuardResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { NotReadyScreen } from '../../components/NotReadyScreen';
import { InfoRow } from '../../components/Choice';
import { PagedListView } from '../../components/PagedListView';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { useResource } from '../../hooks/useResource';
import { joinRateText } from '../../logic/enrolment-view';
import { fetchMyCompany, listMyCompanyGuards } from '../../services/enrolment-admin';
import '../../admin/admin.css';
import '../../components/enrolment.css';

type JoinedFilter = 'all' | 'joined' | 'not';
const FILTERS: { key: JoinedFilter; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'not', label: '未加入' },
  { key: 'joined', label: '已加入' },
];

function GuardRow({ guard }: { guard: RosterGuardResponse }) {
  return (
    <View className="jh-row-card" data-testid="guard-item">
      <Text className="jh-row-card__title">{guard.name}</Text>
      <Text className="jh-row-card__line">身份证号：{guard.idNumberMasked}</Text>
      <Text className="jh-row-card__line">
        保安员证：{guard.certified ? (guard.certificateNo ?? '持证') : '未持证'}
      </Text>
      <Text className={`jh-badge jh-badge--${guard.joined ? 'green' : 'warn'}`}>
        {guard.joined ? '✓ 已加入江淮义警' : '尚未加入'}
      </Text>
    </View>
  );
}

export default function MyCompanyPage() {
  const company = useResource(fetchMyCompany, 'mine');
  const [joined, setJoined] = useState<JoinedFilter>('all');
  const fetchPage = useCallback(
    (page: number) =>
      listMyCompanyGuards({ page, pageSize: PAGE_SIZE, joined: joined === 'all' ? undefined : joined === 'joined' }),
    [joined],
  );
  const list = usePagedList(fetchPage, joined);

  if (company.status !== 'ready') return <NotReadyScreen resource={company} testId="my-company" />;
  const c = company.data;
  const rate = joinRateText(c);
  return (
    <Screen testId="my-company">
      <View className="jh-card">
        <Text className="jh-title" data-testid="my-company-name">
          {c.company.name}
        </Text>
        <Text className="jh-muted jh-block">
          {COMPANY_TYPE_LABELS[c.company.type]} · {c.company.homeStation.name}
        </Text>
        <View className={`jh-status jh-status--${rate.met ? 'good' : 'waiting'}`} style={{ marginTop: '12px' }}>
          <Text className="jh-block" style={{ fontWeight: 700 }} data-testid="my-company-rate">
            {rate.text}
          </Text>
        </View>
        <InfoRow label="花名册人数" value={`${c.rosterSize} 人`} />
        <InfoRow label="持证人数" value={`${c.certifiedCount} 人`} />
        <InfoRow label="已加入义警" value={`${c.joinedCount} 人`} testId="my-company-joined" />
      </View>
      <View className="jh-filter">
        {FILTERS.map((f) => (
          <View
            key={f.key}
            className={`jh-filter__item${joined === f.key ? ' jh-filter__item--on' : ''}`}
            onClick={() => setJoined(f.key)}
            data-testid={`guards-${f.key}`}
          >
            {joined === f.key ? '● ' : ''}
            {f.label}
          </View>
        ))}
      </View>
      <PagedListView
        list={list}
        testId="guard-list"
        emptyText="没有符合条件的保安员。"
        countLabel={(total) => `共 ${total} 人`}
        renderItem={(g) => <GuardRow key={g.id} guard={g} />}
      />
    </Screen>
  );
}
