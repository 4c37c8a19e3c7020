import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { OCCUPATION_LABELS, type MyApplicationResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { ErrorState, LoadingState } from '../../components/States';
import { InfoRow } from '../../components/Choice';
import { RejectionReason } from '../../components/RejectionReason';
import { applicationStatusView } from '../../logic/enrolment-view';
import { formatDateTime } from '../../logic/format';
import { PAGES, pageUrl } from '../../logic/routes';
import { fetchMyApplication } from '../../services/applications';
import { HttpError, NETWORK_ERROR_MESSAGE } from '../../services/http';
import { startSession } from '../../hooks/useSession';
import '../../components/enrolment.css';
import { openPage } from '../../hooks/navigate';

type State =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; app: MyApplicationResponse | null };

/** What the person sent: who, where, skills, when, and whether it went the green way. */
function ApplicationDetails({ app }: { app: MyApplicationResponse }) {
  return (
    <View className="jh-card" style={{ marginTop: '16px' }}>
      <Text className="jh-section-title" style={{ marginTop: 0 }}>
        申请内容
      </Text>
      <InfoRow label="姓名" value={app.name} testId="application-name" />
      <InfoRow label="身份证号" value={app.idNumberMasked} />
      <InfoRow label="手机号" value={app.phoneMasked ?? '—'} />
      <InfoRow label="身份" value={OCCUPATION_LABELS[app.occupation]} />
      {app.company ? <InfoRow label="单位" value={app.company.name} /> : null}
      {app.site ? <InfoRow label="驻勤点" value={app.site.name} /> : null}
      {app.residenceCommunity ? <InfoRow label="居住社区" value={app.residenceCommunity.name} /> : null}
      <InfoRow label="管理派出所" value={app.station.name} testId="application-station" />
      <InfoRow label="技能" value={app.skills.length ? app.skills.map((s) => s.name).join('、') : '未填写'} />
      <InfoRow label="提交时间" value={formatDateTime(app.submittedAt)} />
      {app.green ? <InfoRow label="审核方式" value="绿色通道（一步审核）" /> : null}
    </View>
  );
}

export default function ApplicationStatusPage() {
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', app: await fetchMyApplication() });
    } catch (error) {
      setState({ status: 'error', message: error instanceof HttpError ? error.message : NETWORK_ERROR_MESSAGE });
    }
  }, []);

  useDidShow(() => void load());
  useEffect(() => {
    if (state.status === 'ready' && !state.app) void Taro.redirectTo({ url: PAGES.apply });
  }, [state]);

  if (state.status === 'loading' || (state.status === 'ready' && !state.app)) {
    return (
      <Screen testId="application-status">
        <LoadingState text="正在查询申请进度…" />
      </Screen>
    );
  }
  if (state.status === 'error') {
    return (
      <Screen testId="application-status">
        <ErrorState message={state.message} onRetry={() => void load()} />
      </Screen>
    );
  }
  const app = state.app!;
  const view = applicationStatusView(app);
  return (
    <Screen testId="application-status">
      <View className={`jh-status jh-status--${view.tone}`} data-testid="application-status-card">
        <Text className="jh-status__title" data-testid="application-status-title">
          {view.title}
        </Text>
        <Text className="jh-block">{view.detail}</Text>
        <RejectionReason reason={view.reason} testId="application-reject-reason" />
      </View>
      {view.canResubmit ? (
        <BigButton
          onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.apply, { resubmit: '1' }) })}
          testId="application-resubmit"
        >
          修改后重新提交
        </BigButton>
      ) : null}
      {view.showCard ? (
        <BigButton
          onClick={() => {
            // The person is a volunteer now: reload who they are, then show the card on the home page.
            void startSession().then(() => Taro.reLaunch({ url: PAGES.home }));
          }}
          testId="application-open-home"
        >
          查看我的义警证
        </BigButton>
      ) : null}
      <ApplicationDetails app={app} />
      <BigButton kind="secondary" onClick={() => openPage(PAGES.messages)} testId="application-messages">
        我的消息
      </BigButton>
    </Screen>
  );
}
