import { useCallback, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { MallOrderStatus } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { InfoRow } from '../../components/Choice';
import { PagedListView } from '../../components/PagedListView';
import { InlineError } from '../../components/States';
import { Chips } from '../../components/activity/Chips';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { useSession } from '../../hooks/useSession';
import { CAN_SCAN } from '../../platform/scan';
import { adminOrders } from '../../services/mall-admin';
import { OrderRow } from '../OrderRow';
import { useVerify, type Verify } from './useVerify';
import '../../components/activity/activity.css';
import '../mall-admin.css';

/** 扫码 in WeChat; in a browser a big box for the 8 digits (or the QR text pasted). */
function Enter({ v }: { v: Verify }) {
  return (
    <View className="jh-card" data-testid="mall-verify-enter">
      {CAN_SCAN ? (
        <BigButton
          onClick={() => void v.scan()}
          loading={v.busy === 'scan'}
          loadingText="正在打开相机…"
          testId="mall-verify-scan"
        >
          扫义警的领取码
        </BigButton>
      ) : null}
      <Text className="jh-field__label jh-block">{CAN_SCAN ? '或输入 8 位领取码' : '输入义警出示的 8 位领取码'}</Text>
      <Input
        className="jh-input jh-mall-code-input"
        // WeChat: the digit keypad (a QR is scanned, never typed); a browser also takes the QR text pasted.
        type={CAN_SCAN ? 'number' : 'text'}
        maxlength={CAN_SCAN ? 8 : 40}
        value={v.typed}
        placeholder="8 位数字"
        onInput={(e) => v.setTyped(e.detail.value)}
        onConfirm={() => void v.lookup(v.typed)}
        data-testid="mall-verify-code"
      />
      <BigButton
        onClick={() => void v.lookup(v.typed)}
        loading={v.busy === 'lookup'}
        loadingText="正在查询…"
        testId="mall-verify-lookup"
      >
        查询领取码
      </BigButton>
    </View>
  );
}

/** What the code is for, and 确认核销 when it may be handed over now. */
function Found({ v }: { v: Verify }) {
  if (v.state.step !== 'found') return null;
  const l = v.state.lookup;
  const canHand = l.status === 'ready';
  return (
    <View className="jh-status-box" data-testid="mall-verify-found">
      <Text className="jh-status-box__label">核对后交给义警</Text>
      <InfoRow label="商品" value={l.productName} testId="mall-verify-product" />
      <InfoRow label="数量" value={`${l.quantity} 件`} testId="mall-verify-quantity" />
      <InfoRow label="兑换人" value={l.volunteerName} testId="mall-verify-name" />
      <InfoRow label="领取点" value={l.pickupStationName ?? '邮寄'} />
      <InfoRow label="状态" value={l.statusLabel} />
      {canHand ? (
        <BigButton
          onClick={() => void v.confirm()}
          loading={v.busy === 'confirm'}
          loadingText="正在核销…"
          testId="mall-verify-confirm"
        >
          确认核销
        </BigButton>
      ) : (
        <Text className="jh-block jh-notice" data-testid="mall-verify-not-ready">
          这个订单现在是“{l.statusLabel}”，还不能领取。
        </Text>
      )}
      <BigButton kind="secondary" onClick={v.again} testId="mall-verify-again">
        换一个领取码
      </BigButton>
    </View>
  );
}

function Done({ v }: { v: Verify }) {
  if (v.state.step !== 'done') return null;
  const l = v.state.lookup;
  return (
    <View className="jh-status-box jh-status-box--ok" data-testid="mall-verify-done">
      <Text className="jh-status-box__label">✓ 核销成功</Text>
      <Text className="jh-block">
        请把 {l.productName} × {l.quantity} 交给 {l.volunteerName}。
      </Text>
      <BigButton onClick={v.again} testId="mall-verify-next">
        核销下一个
      </BigButton>
    </View>
  );
}

const HANDOVER = [
  { value: 'ready' as MallOrderStatus, label: '待领取' },
  { value: 'paid' as MallOrderStatus, label: '待备货' },
];

/** The orders to hand over here: a station officer's station, or (for the operator) every pickup point. */
function Handover({ reloadKey }: { reloadKey: number }) {
  const session = useSession();
  const [status, setStatus] = useState<MallOrderStatus>('ready');
  const me = session.status === 'signedIn' ? session.me : null;
  const stationId = me && me.roles.includes('station_officer') && me.orgUnit ? me.orgUnit.id : null;
  const fetchPage = useCallback(
    (page: number) =>
      adminOrders({ status, page, pageSize: PAGE_SIZE, ...(stationId ? { pickupStationId: stationId } : {}) }),
    [status, stationId],
  );
  const list = usePagedList(fetchPage, `handover:${status}:${stationId}:${reloadKey}:${me ? 1 : 0}`);
  return (
    <View data-testid="mall-handover">
      <Text className="jh-section-title jh-block">{stationId ? '本所的兑换订单' : '各领取点的兑换订单'}</Text>
      <Chips options={HANDOVER} value={status} onChange={setStatus} testId="mall-handover-status" />
      <PagedListView
        list={list}
        testId="mall-handover-list"
        emptyText={status === 'ready' ? '没有等待领取的订单。' : '没有等待备货的订单。'}
        countLabel={(total) => `共 ${total} 个订单`}
        renderItem={(o) => <OrderRow key={o.id} o={o} />}
      />
    </View>
  );
}

/** 核销: a volunteer shows the pickup code, the officer checks what it is for and confirms the hand-over once. */
export default function MallVerifyPage() {
  const [handed, setHanded] = useState(0);
  const v = useVerify(() => setHanded((n) => n + 1));
  return (
    <Screen testId="admin-mall-verify">
      {v.warning ? (
        <View className="jh-status-box jh-status-box--off" data-testid="mall-verify-used">
          <Text className="jh-status-box__label">⚠ 已核销过</Text>
          <Text className="jh-block">{v.warning}</Text>
        </View>
      ) : null}
      <InlineError message={v.error} testId="mall-verify-error" />
      <Found v={v} />
      <Done v={v} />
      {/* after a hand-over the next code goes straight in: no tap on 核销下一个 needed at a busy counter */}
      {v.state.step !== 'found' ? <Enter v={v} /> : null}
      <Handover reloadKey={handed} />
    </Screen>
  );
}
