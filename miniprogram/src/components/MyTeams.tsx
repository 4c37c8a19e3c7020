import { useCallback } from 'react';
import { Text, View } from '@tarojs/components';
import { InfoRow } from './Choice';
import { useResource } from '../hooks/useResource';
import { getMyTeams } from '../services/teams';

/** The volunteer's teams on the 义警证: name, kind and leader (or that they lead it); nothing while loading. */
export function MyTeams() {
  const fetcher = useCallback(() => getMyTeams(), []);
  const teams = useResource(fetcher, 'my-teams');
  if (teams.status === 'loading') return null;
  if (teams.status === 'error') return <Text className="jh-block jh-muted">所在队伍暂时无法显示：{teams.error}</Text>;
  return (
    <View className="jh-card" data-testid="card-my-teams">
      {teams.data.length === 0 ? <InfoRow label="所在队伍" value="尚未加入队伍" /> : null}
      {teams.data.map((t) => (
        <InfoRow
          key={t.id}
          label="所在队伍"
          value={`${t.name}（${t.kindLabel}）· ${t.isLeader ? '本人任队长' : `队长 ${t.leaderName ?? '未指定'}`}`}
        />
      ))}
    </View>
  );
}
