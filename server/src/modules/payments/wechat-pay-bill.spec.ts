import { parseTradeBill, TRADE_BILL_COLUMNS, yuanToFen } from './wechat-pay-bill.js';

describe('parseTradeBill', () => {
  it('reads the payment and refund lines of a bill, skipping the headers and the summary; yuan become fen', () => {
    const line = (v: Record<string, string>) => TRADE_BILL_COLUMNS.map((c) => `\`${v[c] ?? ''}`).join(',');
    const text = [
      TRADE_BILL_COLUMNS.join(','),
      line({ 交易时间: '2026-11-29 10:00:00', 商户订单号: 'JH00000001-01', 交易状态: 'SUCCESS', 订单金额: '12.50' }),
      line({
        商户订单号: 'JH00000001-01',
        交易状态: 'REFUND',
        订单金额: '12.50',
        退款金额: '12.50',
        商户退款单号: 'R1',
      }),
      '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额',
      '`2,`12.50,`12.50,`0.00,`0.00000,`12.50,`12.50',
      '',
    ].join('\r\n');
    const rows = parseTradeBill(text);
    expect(rows.map((r) => [r.outTradeNo, r.state, r.totalFen, r.refundFen, r.outRefundNo])).toEqual([
      ['JH00000001-01', 'SUCCESS', 1250, 0, ''],
      ['JH00000001-01', 'REFUND', 1250, 1250, 'R1'],
    ]);
    expect(rows[0].time).toBe('2026-11-29 10:00:00');
  });

  it('yuanToFen reads whole yuan, one or two decimals, and refuses anything else', () => {
    expect([yuanToFen('12'), yuanToFen('12.5'), yuanToFen('0.07'), yuanToFen('-1.00')]).toEqual([1200, 1250, 7, -100]);
    expect(yuanToFen('1.234')).toBeNaN();
    expect(yuanToFen('abc')).toBeNaN();
  });
});
