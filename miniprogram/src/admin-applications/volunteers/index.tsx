import { useCallback, useState } from 'react';
import { Button, Input, View } from '@tarojs/components';
import { VOLUNTEER_STATUS_LABELS, type VolunteerStatus } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { PagedListView } from '../../components/PagedListView';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { listVolunteers } from '../../services/enrolment-admin';
import { VolunteerRow } from '../VolunteerRow';
import { IncomingTransfers } from '../IncomingTransfers';
import { useSession } from '../../hooks/useSession';
import '../../admin/admin.css';
import '../../components/enrolment.css';

const STATUSES: VolunteerStatus[] = ['active', 'suspended', 'revoked'];

export default function VolunteersPage() {
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<VolunteerStatus | undefined>();
  const fetchPage = useCallback(
    (page: number) => listVolunteers({ q: q || undefined, status, page, pageSize: PAGE_SIZE }),
    [q, status],
  );
  const list = usePagedList(fetchPage, `${q}|${status}`);
  const session = useSession();
  const canAccept =
    session.status === 'signedIn' && session.me.roles.some((r) => r === 'branch_officer' || r === 'city_officer');
  return (
    <Screen testId="volunteers">
      {canAccept ? <IncomingTransfers /> : null}
      <View className="jh-search">
        <Input
          className="jh-input"
          value={draft}
          placeholder="姓名或义警编号"
          confirmType="search"
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={() => setQ(draft.trim())}
          data-testid="volunteer-search-input"
        />
        <Button
          className="jh-btn jh-btn--primary"
          onClick={() => setQ(draft.trim())}
          data-testid="volunteer-search-submit"
        >
          搜索
        </Button>
      </View>
      <View className="jh-filter">
        <View
          className={`jh-filter__item${!status ? ' jh-filter__item--on' : ''}`}
          onClick={() => setStatus(undefined)}
        >
          全部
        </View>
        {STATUSES.map((s) => (
          <View
            key={s}
            className={`jh-filter__item${status === s ? ' jh-filter__item--on' : ''}`}
            onClick={() => setStatus(s)}
            data-testid={`volunteer-status-${s}`}
          >
            {status === s ? '● ' : ''}
            {VOLUNTEER_STATUS_LABELS[s]}
          </View>
        ))}
      </View>
      <PagedListView
        list={list}
        testId="volunteer-list"
        emptyText={q ? `没有找到“${q}”。` : '范围内还没有义警。'}
        countLabel={(total) => `共 ${total} 人`}
        renderItem={(v) => <VolunteerRow key={v.id} v={v} />}
      />
    </Screen>
  );
}
