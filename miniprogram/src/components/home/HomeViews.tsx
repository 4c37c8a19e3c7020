import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { HomeTile, HomeView, MemberCard } from '../../logic/home';
import { Tile } from '../Tile';
import { PAGES } from '../../logic/routes';
import { CardRow } from '../CardRow';
import { BigButton } from '../BigButton';
import { RejectionReason } from '../RejectionReason';
import type { VisitorApplicationView } from '../../logic/visitor-application';
import { ErrorState, LoadingState } from '../States';
import { UnreadBadge } from '../UnreadBadge';
import '../enrolment.css';

/** The visitor's own application, fetched by the home page. */
export type VisitorApplicationSlot =
  | { status: 'loading' }
  | { status: 'error'; message: string; retry: () => void }
  | { status: 'ready'; view: VisitorApplicationView | null };

function Tiles({
  tiles,
  onTap,
  wide,
  extras,
}: {
  tiles: HomeTile[];
  onTap: (tile: HomeTile) => void;
  wide?: boolean;
  /** what a tile shows besides its label, by key (the 调度指令 tile's count) */
  extras?: Record<string, ReactNode>;
}) {
  return (
    <View className="jh-tiles">
      {tiles.map((tile) => (
        <Tile key={tile.key} tile={tile} onTap={onTap} wide={wide}>
          {extras?.[tile.key]}
        </Tile>
      ))}
    </View>
  );
}

function Card({ card, unread = null }: { card: MemberCard; unread?: number | null }) {
  return (
    <View
      className="jh-card jh-member-card"
      data-testid="member-card"
      onClick={() => void Taro.navigateTo({ url: PAGES.memberCard })}
    >
      <Text className="jh-member-card__title">江淮义警 · 义警证</Text>
      <Text className="jh-member-card__name" data-testid="member-name">
        {card.name}
      </Text>
      <CardRow label="会员号" testId="member-no">
        {card.memberNo}
      </CardRow>
      <CardRow label="所属派出所" testId="member-station">
        {card.stationName}
      </CardRow>
      <CardRow label="状态">{card.statusLabel}</CardRow>
      <Text className="jh-member-card__more" data-testid="member-card-open">
        查看完整义警证和我的消息 ›
      </Text>
      <UnreadBadge count={unread} />
    </View>
  );
}

/** A visitor's application on the home page: its step, or the reason and 修改后重新提交. */
export function VisitorApplication({ view }: { view: VisitorApplicationView }) {
  return (
    <View data-testid="home-application">
      <View className={`jh-status jh-status--${view.tone}`}>
        <Text className="jh-block">我的入队申请</Text>
        <Text className="jh-status__title" data-testid="home-application-step">
          {view.step}
        </Text>
        {view.progress ? (
          <Text className="jh-block" data-testid="home-application-progress">
            审核进度：{view.progress}
          </Text>
        ) : null}
        <Text className="jh-block">{view.detail}</Text>
        <RejectionReason reason={view.reason} testId="home-application-reason" />
      </View>
      <BigButton onClick={() => void Taro.navigateTo({ url: view.action.url })} testId={view.action.testId}>
        {view.action.label}
      </BigButton>
    </View>
  );
}

type StaffView = Extract<HomeView, { kind: 'staff' }>;

/** The staff workbench: who and where, the 消息 entry, then the work this person's roles allow. */
function StaffHome({
  view,
  onTap,
  unread,
}: {
  view: StaffView;
  onTap: (tile: HomeTile) => void;
  unread: number | null;
}) {
  return (
    <View data-testid="home-staff">
      <View className="jh-card jh-staff-card">
        <Text className="jh-greeting" data-testid="staff-name">
          {view.name}
        </Text>
        <Text className="jh-block" data-testid="staff-org">
          {view.orgName}
        </Text>
        <View className="jh-role-list" data-testid="staff-roles">
          {view.roleLabels.map((label) => (
            <Text key={label} className="jh-role">
              {label}
            </Text>
          ))}
        </View>
      </View>
      <Tile tile={view.inbox} onTap={onTap} wide>
        <UnreadBadge count={unread} />
      </Tile>
      <Text className="jh-section-title">我的工作</Text>
      {view.notice ? (
        <View className="jh-notice" data-testid="staff-notice">
          <Text>{view.notice}</Text>
        </View>
      ) : null}
      <Tiles tiles={view.tiles} onTap={onTap} />
    </View>
  );
}

/** The home page body for one person; which one comes from `homeViewFor` (logic/home.ts). */
export function HomeBody({
  view,
  onTap,
  application,
  unread = null,
  extras,
}: {
  view: HomeView;
  onTap: (tile: HomeTile) => void;
  application?: VisitorApplicationSlot;
  /** Unread messages, for the badge on the 消息 entry (null: unknown, no badge). */
  unread?: number | null;
  /** what a volunteer tile shows besides its label, by key */
  extras?: Record<string, ReactNode>;
}) {
  switch (view.kind) {
    case 'volunteer':
      return (
        <View data-testid="home-volunteer">
          <Card card={view.card} unread={unread} />
          <Text className="jh-section-title">常用功能</Text>
          <Tiles tiles={view.tiles} onTap={onTap} extras={extras} />
        </View>
      );
    case 'inactive-volunteer':
      return (
        <View data-testid="home-volunteer-inactive">
          <Card card={view.card} />
          <View className="jh-notice">
            <Text>{view.notice}</Text>
          </View>
        </View>
      );
    case 'visitor':
      return (
        <View data-testid="home-visitor">
          <View className="jh-card">
            <Text className="jh-greeting">{view.name ? `${view.name}，您好` : '您好'}</Text>
            <Text className="jh-muted jh-block">您还不是江淮义警队员。加入后可以报名活动、上报线索、获得积分。</Text>
          </View>
          {application?.status === 'loading' ? <LoadingState text="正在查询您的入队申请…" /> : null}
          {application?.status === 'error' ? (
            <ErrorState
              message={`没能查到您的入队申请：${application.message}`}
              onRetry={application.retry}
              testId="home-application-error"
            />
          ) : null}
          {application?.status === 'ready' && application.view ? <VisitorApplication view={application.view} /> : null}
          {/* Applying again is offered only when nothing was submitted yet. */}
          {application?.status === 'ready' && !application.view ? (
            <Tiles tiles={view.tiles} onTap={onTap} wide />
          ) : null}
          {!application ? <Tiles tiles={view.tiles} onTap={onTap} wide /> : null}
          <Text
            className="jh-link"
            onClick={() => void Taro.navigateTo({ url: PAGES.privacy })}
            data-testid="home-privacy"
          >
            隐私政策
          </Text>
        </View>
      );
    case 'staff':
      return <StaffHome view={view} onTap={onTap} unread={unread} />;
  }
}
