import type { DataSource } from 'typeorm';
import { clearTables, clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { PaymentNotification } from './payment-notification.entity.js';
import { PaymentNotificationRecorder } from './payment-notification-recorder.service.js';
import type { VerifiedNotification } from './payment-notifications.js';

const T0 = '2026-11-30T23:30:00Z';
const paid = (id: string, outTradeNo = 'JH000001'): VerifiedNotification => ({
  id,
  eventType: 'TRANSACTION.SUCCESS',
  createTime: '2026-12-01T07:30:00+08:00',
  summary: '支付成功',
  kind: 'transaction',
  transaction: {
    appid: 'wx1',
    mchid: '1900000001',
    out_trade_no: outTradeNo,
    transaction_id: '4200000001',
    trade_state: 'SUCCESS',
    amount: { total: 990, payer_total: 990 },
  },
});

describe(PaymentNotificationRecorder.name, () => {
  let ds: DataSource;
  const sut = () => new PaymentNotificationRecorder(ds.getRepository(PaymentNotification), clockAt(T0));

  beforeAll(async () => {
    ds = await unitDataSource();
  });
  beforeEach(() => clearTables(ds));
  afterAll(() => ds.destroy());

  it('records a payment once: a replay of the same notification id is acknowledged, not recorded again', async () => {
    expect(await sut().record(paid('n-1'))).toBe(true);
    expect(await sut().record(paid('n-1'))).toBe(false);
    await sut().handle(paid('n-1'));
    const rows = await sut().forOrder('JH000001');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      notificationId: 'n-1',
      kind: 'transaction',
      state: 'SUCCESS',
      amountFen: 990,
      wechatId: '4200000001',
      outRefundNo: null,
    });
    expect(rows[0].receivedAt.getTime()).toBeGreaterThanOrEqual(Date.parse(T0));
    expect(rows[0].resource).toMatchObject({ out_trade_no: 'JH000001' });
  });

  it('records a refund with its refund number, status and refunded amount', async () => {
    await sut().handle(paid('n-2'));
    await sut().handle({
      id: 'n-3',
      eventType: 'REFUND.SUCCESS',
      createTime: '',
      summary: '退款成功',
      kind: 'refund',
      refund: {
        refund_id: '5030001',
        out_refund_no: 'R1',
        out_trade_no: 'JH000001',
        refund_status: 'SUCCESS',
        amount: { refund: 300, total: 990 },
      },
    });
    const rows = await sut().forOrder('JH000001');
    expect(rows.map((r) => [r.kind, r.state, r.amountFen, r.outRefundNo, r.wechatId])).toEqual([
      ['transaction', 'SUCCESS', 990, null, '4200000001'],
      ['refund', 'SUCCESS', 300, 'R1', '5030001'],
    ]);
  });
});
