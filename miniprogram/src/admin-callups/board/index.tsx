import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  CALLUP_KIND_LABELS,
  CALLUP_STATUS_LABELS,
  hasPermission,
  isStaffRole,
  type BoardResponse,
} from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { ErrorState, InlineError, LoadingState } from '../../components/States';
import { ModeBadge } from '../../components/callups/ModeBadge';
import { errorText } from '../../hooks/useResource';
import { useSession } from '../../hooks/useSession';
import { boardFigures, boardGroups, durationText } from '../../logic/callups';
import { formatDateTime } from '../../logic/format';
import { PAGES, pageUrl } from '../../logic/routes';
import { closeCallup } from '../../services/callups';
import { DrawBox } from './DrawBox';
import { useBoard } from './useBoard';
import '../../components/activity/activity.css';
import '../../components/callups/callups.css';

function Figures({ b }: { b: BoardResponse }) {
  return (
    <View className="jh-card jh-cu-figures" data-testid="board-figures">
      {boardFigures(b.counts).map((f) => (
        <View key={f.label} className="jh-cu-figure" data-testid={`board-${f.label}`}>
          <Text className="jh-cu-figure__n">{f.value}</Text>
          <Text>{f.label}</Text>
        </View>
      ))}
    </View>
  );
}

function People({ b }: { b: BoardResponse }) {
  return (
    <View>
      {boardGroups(b.people).map(({ group, people }) => (
        <View key={group} className="jh-card" data-testid={`board-list-${group}`}>
          <Text className="jh-section-title jh-block">
            {group}（{people.length}）
          </Text>
          {people.map(({ person, at }) => (
            <View key={person.recipientId} className="jh-cu-person" data-testid="board-person">
              <Text>
                {person.name}
                {person.source === 'draw' ? '（抽调）' : ''} · {person.stationName}
                {!person.pushReached && !person.smsReached && group === '未响应' ? ' · 尚未送达' : ''}
              </Text>
              <Text className="jh-muted">
                <Text className="jh-time">{formatDateTime(at).slice(11)}</Text>
              </Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

function Speed({ b }: { b: BoardResponse }) {
  const s = b.speed;
  return (
    <View className="jh-card" data-testid="board-speed">
      <Text className="jh-section-title jh-block">响应速度</Text>
      <Text className="jh-cu-line">
        接受：一半人在 {durationText(s.acceptMedianS)} 内，九成在 {durationText(s.acceptP90S)} 内
      </Text>
      <Text className="jh-cu-line">
        到达：一半人在 {durationText(s.arriveMedianS)} 内，九成在 {durationText(s.arriveP90S)} 内
      </Text>
    </View>
  );
}

/** The live board of one call-up: big figures, who accepted, arrived, reported or has not answered, updated every 3 s. */
export default function CallupBoardPage() {
  const id = Number(useRouter().params.id);
  const { board, error, reload } = useBoard(id);
  const state = useSession();
  const roles = state.status === 'signedIn' ? state.me.roles.filter(isStaffRole) : [];
  const me = state.status === 'signedIn' ? state.me : null;
  const [closeError, setCloseError] = useState<string | null>(null);
  const close = async () => {
    const ok = await Taro.showModal({
      title: '结束指令',
      content: '结束后义警不能再接受或到达。确定结束吗？',
      confirmText: '结束',
    });
    if (!ok.confirm) return;
    try {
      await closeCallup(id);
      void reload();
    } catch (caught) {
      setCloseError(errorText(caught));
    }
  };
  if (!board)
    return (
      <Screen testId="callup-board">
        {error ? <ErrorState message={error} onRetry={() => void reload()} /> : <LoadingState />}
      </Screen>
    );
  const c = board.callup;
  return (
    <Screen testId="callup-board">
      <View className={`jh-cu-row${c.mode === 'wartime' ? ' jh-cu-row--war' : ''}`}>
        <Text className="jh-cu-title" data-testid="board-title">
          {c.title}
          <ModeBadge mode={c.mode} />
        </Text>
        <Text className="jh-cu-line">
          {CALLUP_STATUS_LABELS[c.status]} · {CALLUP_KIND_LABELS[c.kind]} · 派给{c.targetName}
        </Text>
        <Text className="jh-cu-line">
          集合：{c.rallyAddress} · 截止 <Text className="jh-time">{formatDateTime(c.deadlineAt)}</Text>
        </Text>
      </View>
      {error ? <InlineError message={`${error}（显示的是 ${formatDateTime(board.at).slice(11)} 的数据）`} /> : null}
      <Figures b={board} />
      <Text className="jh-muted jh-block" data-testid="board-at">
        每 3 秒自动更新 · <Text className="jh-time">{formatDateTime(board.at).slice(11)}</Text>
      </Text>
      {c.status === 'open' ? (
        <BigButton
          onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.adminCallupQr, { id }) })}
          testId="board-qr"
        >
          出示到达码（扫码签到）
        </BigButton>
      ) : null}
      <People b={board} />
      <Speed b={board} />
      {c.status === 'open' && hasPermission(roles, 'callups.draw') ? (
        <DrawBox callupId={id} ownBranchId={me?.orgUnit?.level === 'branch' ? me.orgUnit.id : null} />
      ) : null}
      <InlineError message={closeError} testId="board-close-error" />
      {c.status === 'open' ? (
        <BigButton kind="danger" onClick={() => void close()} testId="board-close">
          结束指令
        </BigButton>
      ) : null}
    </Screen>
  );
}
