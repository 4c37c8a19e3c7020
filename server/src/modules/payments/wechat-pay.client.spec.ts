import { failureKind, WechatPayFailure } from './wechat-pay.client.js';
import { rfc3339Shanghai, WechatPayV3Client } from './wechatpay-v3.client.js';
import { readArea } from '../../config/config-area.js';
import { paymentsConfig } from '../../config/payments.config.js';
import { WechatPayHttp } from './wechat-pay-http.js';

describe(WechatPayFailure.name, () => {
  it("maps WeChat Pay's answers to failure kinds", () => {
    expect(failureKind(401, 'SIGN_ERROR')).toBe('signature');
    expect(failureKind(404, 'ORDER_NOT_EXIST')).toBe('not_found');
    expect(failureKind(404, 'RESOURCE_NOT_EXISTS')).toBe('not_found');
    expect(failureKind(400, 'ORDERPAID')).toBe('rejected');
    expect(failureKind(403, 'NOT_ENOUGH')).toBe('rejected');
    expect(failureKind(429, 'FREQUENCY_LIMITED')).toBe('transient');
    expect(failureKind(500, 'SYSTEM_ERROR')).toBe('transient');
    expect(failureKind(0, 'NETWORK')).toBe('transient');
    expect(new WechatPayFailure('rejected', 400, 'ORDERPAID', '订单已支付').message).toContain('ORDERPAID');
  });

  it('writes WeChat Pay times in Shanghai time with the +08:00 offset', () => {
    expect(rfc3339Shanghai(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01T07:30:00+08:00');
  });

  it('sends to the configured base, keeping the signed path and query', () => {
    const http = new WechatPayHttp({
      apiBase: 'http://127.0.0.1:4100',
      platformSerial: 's',
      platformPublicKey: '',
      timeoutMs: 1,
    });
    expect(http.target('https://api.mch.weixin.qq.com/v3/pay/transactions/out-trade-no/A1?mchid=19')).toBe(
      'http://127.0.0.1:4100/v3/pay/transactions/out-trade-no/A1?mchid=19',
    );
  });

  it('refuses an order or refund number WeChat Pay would not accept before anything is sent', async () => {
    const sut = new WechatPayV3Client(readArea(paymentsConfig.read, { WECHAT_PAY_API_BASE: 'http://127.0.0.1:9' }));
    for (const no of ['short', '../../v3/refund', 'JH 000001', 'x'.repeat(33)])
      await expect(sut.queryOrder(no)).rejects.toMatchObject({ kind: 'rejected', code: 'INVALID_REQUEST' });
    await expect(sut.queryRefund('R1/../x')).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(
      sut.refund({ outTradeNo: 'JH000001', outRefundNo: '', refundFen: 1, totalFen: 1 }),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });
});
