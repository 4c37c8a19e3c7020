import { useCallback } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MyActivityStatsResponse, MyInsuranceResponse, MyPointsResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { ErrorState, LoadingState } from '../../components/States';
import { MediationLink } from '../../components/casework/MediationLink';
import { useResource } from '../../hooks/useResource';
import { openPage } from '../../hooks/navigate';
import { confirmSignOut } from '../../hooks/openTile';
import { chooseTextSize, useTextSize } from '../../hooks/useFontScale';
import { signOut, startSession, useSession } from '../../hooks/useSession';
import { TEXT_SIZES } from '../../logic/font-scale';
import { insuranceText, mineViewFor, statFigures, type MineLink } from '../../logic/mine';
import { PAGES } from '../../logic/routes';
import { myActivityStats, myInsurance } from '../../services/activities';
import { myPoints } from '../../services/points';
import './mine.css';

const isH5 = process.env.TARO_ENV === 'h5';

interface VolunteerFigures {
  stats: MyActivityStatsResponse;
  points: MyPointsResponse;
  insurance: MyInsuranceResponse;
}

const loadFigures = async (): Promise<VolunteerFigures> => {
  const [stats, points, insurance] = await Promise.all([myActivityStats(), myPoints(), myInsurance()]);
  return { stats, points, insurance };
};
const noFigures = (): Promise<null> => Promise.resolve(null);

function LinkRow({ link }: { link: MineLink }) {
  return (
    <View className="jh-mine-link" onClick={() => openPage(link.url)} data-testid={`mine-${link.key}`}>
      <Text>{link.label}</Text>
      <Text className="jh-mine-link__arrow">›</Text>
    </View>
  );
}

function Figures({ figures }: { figures: ReturnType<typeof useResource<VolunteerFigures | null>> }) {
  if (figures.status === 'loading') return <LoadingState text="正在加载活动统计…" />;
  if (figures.status === 'error') return <ErrorState message={figures.error} onRetry={figures.reload} />;
  if (!figures.data) return null;
  return (
    <View className="jh-card" data-testid="mine-figures">
      <View className="jh-mine-stats">
        <View className="jh-mine-stat">
          <Text className="jh-mine-stat__value" data-testid="mine-points">
            {figures.data.points.balance}
          </Text>
          <Text className="jh-muted">积分余额</Text>
        </View>
        {statFigures(figures.data.stats).map((f) => (
          <View key={f.key} className="jh-mine-stat">
            <Text className="jh-mine-stat__value" data-testid={`mine-stat-${f.key}`}>
              {f.value}
            </Text>
            <Text className="jh-muted">{f.label}</Text>
          </View>
        ))}
      </View>
      <View
        className="jh-mine-insurance"
        style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', minHeight: '60px' }}
        onClick={() => openPage(PAGES.myInsurance)}
        data-testid="mine-insurance-link"
      >
        <Text className="jh-muted">我的保险：</Text>
        <Text data-testid="mine-insurance">{insuranceText(figures.data.insurance)}</Text>
        <Text className="jh-mine-link__arrow" style={{ marginLeft: 'auto' }}>
          ›
        </Text>
      </View>
    </View>
  );
}

/** 标准 / 大 / 特大: only in H5; inside WeChat the person's WeChat font size applies. */
function TextSizePicker() {
  const current = useTextSize();
  return (
    <View className="jh-card">
      <Text className="jh-section-title" style={{ marginTop: 0 }}>
        字体大小
      </Text>
      <View className="jh-mine-sizes">
        {TEXT_SIZES.map((size) => (
          <View
            key={size.key}
            className={`jh-mine-size${size.key === current ? ' jh-mine-size--on' : ''}`}
            onClick={() => chooseTextSize(size.key)}
            aria-checked={size.key === current}
            data-testid={`text-size-${size.key}`}
          >
            <Text>{size.key === current ? `✓ ${size.label}` : size.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

async function onSignOut() {
  if (!(await confirmSignOut())) return;
  await signOut();
  // Inside WeChat the home page signs in again by itself; H5 is already sent to the login page.
  if (!isH5) void Taro.reLaunch({ url: PAGES.home });
}

/** 我的: the person's account — card, points, activities, application, text size, sign out. */
export default function MinePage() {
  const state = useSession();
  const view = state.status === 'signedIn' ? mineViewFor(state.me) : null;
  const volunteer = view?.volunteer ?? false;
  const figures = useResource<VolunteerFigures | null>(volunteer ? loadFigures : noFigures, String(volunteer));
  const refresh = useCallback(async () => {
    if (volunteer) await figures.refresh();
    Taro.stopPullDownRefresh();
  }, [volunteer, figures]);
  usePullDownRefresh(() => void refresh());

  if (!view) {
    return (
      <Screen testId="mine-page">
        {state.status === 'failed' ? (
          <ErrorState message={state.message} onRetry={() => void startSession()} />
        ) : (
          <LoadingState text={state.status === 'checking' ? state.message : '正在加载…'} />
        )}
      </Screen>
    );
  }
  return (
    <Screen testId="mine-page">
      <View className="jh-card">
        <Text className="jh-greeting" data-testid="mine-name">
          {view.name}
        </Text>
        <Text className="jh-block jh-muted">{view.subtitle}</Text>
      </View>
      {volunteer ? <Figures figures={figures} /> : null}
      {view.links.length ? (
        <View className="jh-card">
          {view.links.map((link) => (
            <LinkRow key={link.key} link={link} />
          ))}
          {volunteer ? <LinkRow link={{ key: 'tips', label: '我的线索', url: PAGES.myTips }} /> : null}
          {volunteer ? <MediationLink /> : null}
          {volunteer ? (
            <LinkRow link={{ key: 'mall-orders', label: '我的订单（积分商城）', url: PAGES.mallOrders }} />
          ) : null}
        </View>
      ) : null}
      {isH5 ? <TextSizePicker /> : null}
      <View className="jh-card">
        <LinkRow link={{ key: 'privacy', label: '隐私政策', url: PAGES.privacy }} />
      </View>
      <BigButton kind="secondary" onClick={() => void onSignOut()} testId="mine-sign-out">
        退出登录
      </BigButton>
    </Screen>
  );
}
