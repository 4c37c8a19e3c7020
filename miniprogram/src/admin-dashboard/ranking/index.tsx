import { useCallback, useState } from 'react';
import { View } from '@tarojs/components';
import { businessDate, hasPermission, isStaffRole, type RankingResponse } from '@jianghuai/shared';
import { Chips } from '../../components/activity/Chips';
import { Screen } from '../../components/Screen';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { useResource } from '../../hooks/useResource';
import { useSession } from '../../hooks/useSession';
import { HttpError } from '../../services/http';
import { latestRanking, ranking, rankings } from '../../services/reports';
import { PublishForm, RankingView } from './parts';
import '../../components/activity/activity.css';
import '../../admin/admin.css';
import '../dashboard.css';

/** The newest ranking (none before the first: null), or the one chosen. */
async function load(id: number | null): Promise<RankingResponse | null> {
  try {
    return id ? await ranking(id) : await latestRanking();
  } catch (e) {
    if (!id && e instanceof HttpError && e.status === 404) return null;
    throw e;
  }
}

/** 晒比通报: the published rankings (newest first, earlier ones a tap away); the city publishes a new one. */
export default function RankingPage() {
  const [chosen, setChosen] = useState<number | null>(null);
  const current = useResource(
    useCallback(() => load(chosen), [chosen]),
    `ranking:${chosen ?? 'latest'}`,
  );
  const history = useResource(
    useCallback(() => rankings({ page: 1, pageSize: 8 }), []),
    'rankings',
  );
  const session = useSession();
  const roles = session.status === 'signedIn' ? session.me.roles.filter(isStaffRole) : [];
  const published = (r: RankingResponse) => {
    current.replace(r);
    void history.refresh();
  };
  return (
    <Screen testId="dash-ranking">
      {history.status === 'ready' && history.data.items.length > 1 ? (
        <Chips
          options={history.data.items.map((h) => ({ value: h.id, label: h.title }))}
          value={current.status === 'ready' && current.data ? current.data.id : null}
          onChange={(id) => setChosen(id)}
          testId="ranking-history"
        />
      ) : null}
      {current.status === 'loading' ? <LoadingState /> : null}
      {current.status === 'error' ? <ErrorState message={current.error} onRetry={current.reload} /> : null}
      {current.status === 'ready' && current.data ? <RankingView r={current.data} /> : null}
      {current.status === 'ready' && !current.data ? <EmptyState text="市局还没有发布晒比通报。" /> : null}
      <View>
        {hasPermission(roles, 'reports.manage') ? (
          <PublishForm today={businessDate(new Date())} onPublished={published} />
        ) : null}
      </View>
    </Screen>
  );
}
