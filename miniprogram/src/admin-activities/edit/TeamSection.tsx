import { useCallback } from 'react';
import { Text } from '@tarojs/components';
import { Choice } from '../../components/Choice';
import { useResource } from '../../hooks/useResource';
import { listTeams } from '../../services/teams-admin';

/** Limits an activity (new, draft or open for sign-up) to one team of the station: its members and leader only. */
export function TeamSection({ teamId, onChange }: { teamId: number | null; onChange: (id: number | null) => void }) {
  const fetcher = useCallback(() => listTeams({ page: 1, pageSize: 100 }), []);
  const teams = useResource(fetcher, 'activity-teams');
  if (teams.status === 'loading') return <Text className="jh-block jh-muted">正在加载队伍…</Text>;
  if (teams.status === 'error') return <Text className="jh-block jh-muted">队伍暂时无法加载：{teams.error}</Text>;
  if (!teams.data.items.length) return null;
  return (
    <>
      <Text className="jh-field__label">面向队伍</Text>
      <Choice
        selected={!teamId}
        onTap={() => onChange(null)}
        title="不限队伍"
        hint="符合条件的义警都可报名"
        testId="form-team-none"
      />
      {teams.data.items.map((t) => (
        <Choice
          key={t.id}
          selected={teamId === t.id}
          onTap={() => onChange(t.id)}
          title={t.name}
          hint={`${t.kindLabel} · 只有本队队员和队长可报名`}
          testId="form-team"
        />
      ))}
    </>
  );
}
