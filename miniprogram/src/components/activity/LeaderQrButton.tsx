import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import type { ActivityResponse, MyTeamSummary } from '@jianghuai/shared';
import { BigButton } from '../BigButton';
import { useResource } from '../../hooks/useResource';
import { PAGES, pageUrl } from '../../logic/routes';
import { getMyTeams } from '../../services/teams';

/** For an open activity of a team: its leader may show the rotating check-in code, as the officer does. */
export function LeaderQrButton({ a }: { a: ActivityResponse }) {
  const teamId = a.teamId;
  const fetcher = useCallback(() => (teamId ? getMyTeams() : Promise.resolve([] as MyTeamSummary[])), [teamId]);
  const teams = useResource(fetcher, String(teamId ?? 0));
  const leads = teams.status === 'ready' && teams.data.some((t) => t.id === teamId && t.isLeader);
  if (!leads || (a.status !== 'published' && a.status !== 'ongoing')) return null;
  return (
    <BigButton
      kind="secondary"
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.adminActivityQr, { id: a.id, leader: 1 }) })}
      testId="leader-show-qr"
    >
      出示签到码（队长）
    </BigButton>
  );
}
