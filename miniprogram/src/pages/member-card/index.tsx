import { useCallback, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { VolunteerCardResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { ErrorState, LoadingState } from '../../components/States';
import { InfoRow } from '../../components/Choice';
import { withWholeDates } from '../../components/WholeDates';
import { inactivityWarning, lastDutyLabel, skillExpiryLabel, starsLabel } from '../../logic/enrolment-view';
import { formatDateTime } from '../../logic/format';
import { PAGES } from '../../logic/routes';
import { fetchMyCard } from '../../services/applications';
import { HttpError, NETWORK_ERROR_MESSAGE } from '../../services/http';
import '../../components/enrolment.css';
import { CardRow } from '../../components/CardRow';
import { MyTeams } from '../../components/MyTeams';
import { openPage } from '../../hooks/navigate';

type State =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; card: VolunteerCardResponse };

/** The card itself: name, number, station, status, tier and stars. */
function IdCard({ card }: { card: VolunteerCardResponse }) {
  return (
    <View className="jh-card jh-member-card jh-volunteer-card" data-testid="volunteer-card">
      <Text className="jh-member-card__title">江淮义警 · 义警证</Text>
      <Text className="jh-member-card__name" data-testid="card-name">
        {card.name}
      </Text>
      <CardRow label="义警编号" testId="card-member-no">
        {card.memberNo}
      </CardRow>
      <CardRow label="管理派出所" testId="card-station">
        {card.station?.name ?? '待分配'}
      </CardRow>
      <CardRow label="状态" testId="card-status">
        {card.statusLabel}
      </CardRow>
      <CardRow label="层级">{card.tierLabel}</CardRow>
      <CardRow label="星级" testId="card-stars">
        {starsLabel(card.starLevel)}
      </CardRow>
    </View>
  );
}

/** The registered skills with their certificates, and the equipment issued. */
function SkillsAndEquipment({ card }: { card: VolunteerCardResponse }) {
  return (
    <>
      <Text className="jh-section-title">技能与证书</Text>
      <View className="jh-card" data-testid="card-skills">
        {card.skills.length === 0 ? <Text className="jh-muted">未登记技能</Text> : null}
        {card.skills.map((s) => (
          <InfoRow
            key={s.name}
            label={s.name}
            value={
              <>
                {s.certificateNo ? <Text className="jh-block">证书 {s.certificateNo}</Text> : null}
                {withWholeDates(skillExpiryLabel(s))}
              </>
            }
          />
        ))}
      </View>
      <Text className="jh-section-title">已发装备</Text>
      <View className="jh-card" data-testid="card-equipment">
        {card.equipment.length === 0 ? <Text className="jh-muted">暂未发放装备</Text> : null}
        {card.equipment.map((e) => (
          <InfoRow
            key={`${e.item}-${e.issuedOn}`}
            label={`${e.item}${e.count && e.count > 1 ? ` × ${e.count}` : ''}`}
            value={`${e.issuedOn} 发放`}
          />
        ))}
      </View>
    </>
  );
}

export default function MemberCardPage() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', card: await fetchMyCard() });
    } catch (error) {
      const message =
        error instanceof HttpError && error.status === 404
          ? '您还不是江淮义警，暂无义警证。'
          : error instanceof HttpError
            ? error.message
            : NETWORK_ERROR_MESSAGE;
      setState({ status: 'error', message });
    }
  }, []);
  useDidShow(() => void load());

  if (state.status === 'loading') {
    return (
      <Screen testId="member-card-page">
        <LoadingState text="正在加载义警证…" />
      </Screen>
    );
  }
  if (state.status === 'error') {
    return (
      <Screen testId="member-card-page">
        <ErrorState message={state.message} onRetry={() => void load()} />
      </Screen>
    );
  }
  const { card } = state;
  const warning = inactivityWarning(card.daysUntilInactivityRevocation);
  return (
    <Screen testId="member-card-page">
      <IdCard card={card} />
      {warning ? (
        <View className="jh-notice" data-testid="card-inactivity-warning">
          <Text>{warning}</Text>
        </View>
      ) : null}
      <View className="jh-card">
        <InfoRow label="服务时长" value={`${card.serviceHours} 小时`} />
        <InfoRow label="最近履职" value={lastDutyLabel(card)} testId="card-last-duty" />
        <InfoRow label="加入时间" value={formatDateTime(card.joinedAt).slice(0, 10)} />
        {card.company ? <InfoRow label="单位" value={card.company.name} /> : null}
        <InfoRow label="编组" value={card.teams.length ? card.teams.join('、') : '尚未编组'} testId="card-teams" />
      </View>
      <MyTeams />
      <SkillsAndEquipment card={card} />
      <BigButton kind="secondary" onClick={() => openPage(PAGES.myInsurance)} testId="card-insurance">
        我的保险
      </BigButton>
      <BigButton kind="secondary" onClick={() => openPage(PAGES.messages)} testId="card-messages">
        我的消息
      </BigButton>
    </Screen>
  );
}
