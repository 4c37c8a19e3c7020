import { useCallback } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { TeamResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { PagedListView } from '../../components/PagedListView';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { PAGES, pageUrl } from '../../logic/routes';
import { TEAM_RULE_TEXT, teamStateLine } from '../../logic/team-form';
import { listTeams } from '../../services/teams-admin';
import '../../admin/admin.css';
import '../../components/enrolment.css';

function TeamRow({ t }: { t: TeamResponse }) {
  return (
    <View
      className="jh-row-card"
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.adminTeamEdit, { id: t.id }) })}
      data-testid="team-item"
      data-team-id={t.id}
    >
      <Text className="jh-row-card__title">
        {t.name}{' '}
        <Text className={`jh-badge ${t.active ? 'jh-badge--green' : 'jh-badge--warn'}`}>
          {t.active ? '活跃' : '未活跃'}
        </Text>
      </Text>
      <Text className="jh-row-card__line">
        {t.kindLabel} · {t.station.name} · {t.community?.name ?? t.areaText ?? ''}
      </Text>
      <Text className="jh-row-card__line">
        队长：{t.leader?.name ?? '未指定'} · 队员 {t.memberCount} 人
      </Text>
      <Text className="jh-row-card__line" data-testid="team-state">
        {teamStateLine(t)}
      </Text>
    </View>
  );
}

/** The teams in the viewer's scope with whether each is active and why not; a tap opens the team to edit. */
export default function TeamsPage() {
  const fetchPage = useCallback((page: number) => listTeams({ page, pageSize: PAGE_SIZE }), []);
  const list = usePagedList(fetchPage, 'teams', { reloadOnShow: true });
  return (
    <Screen testId="admin-teams">
      <Text className="jh-title">队伍管理</Text>
      <Text className="jh-block jh-muted">{TEAM_RULE_TEXT}</Text>
      <BigButton onClick={() => void Taro.navigateTo({ url: PAGES.adminTeamEdit })} testId="new-team">
        ＋ 新建队伍
      </BigButton>
      <PagedListView
        list={list}
        testId="team-list"
        emptyText="还没有队伍。点上面“新建队伍”添加。"
        countLabel={(total) => `共 ${total} 支队伍`}
        renderItem={(t) => <TeamRow key={t.id} t={t} />}
      />
    </Screen>
  );
}
