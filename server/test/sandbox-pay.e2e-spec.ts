import { WechatPayClient } from '../src/modules/payments/wechat-pay.client.js';
import { bearer, createTestApp, type TestContext } from './support/test-app.js';

/**
 * The H5 demo's stand-in for paying in WeChat (docs/mall.md#screens): `POST /api/sandbox/pay` passes the one call on
 * to the WeChat Pay sandbox, which marks the transaction paid and notifies the server as WeChat Pay would. It exists
 * only with the sandbox on; a production server answers 404.
 */
describe('Sandbox pay (e2e)', () => {
  let ctx: TestContext;
  let token: string;
  let seq = 0;
  beforeAll(async () => {
    ctx = await createTestApp();
    token = (await ctx.loginWechat('zhangwei')).accessToken;
  });
  afterAll(() => ctx.close());

  const newNo = () => `JHSB${Date.now()}${String(++seq).padStart(3, '0')}`;
  const payInSandbox = (outTradeNo: unknown, auth = token) =>
    ctx
      .http()
      .post('/api/sandbox/pay')
      .set(...bearer(auth))
      .send({ outTradeNo });

  it('marks an open sandbox transaction paid once; a second time is a conflict, an unknown one 404', async () => {
    const no = newNo();
    await ctx.app.get(WechatPayClient).prepay({
      outTradeNo: no,
      description: '积分商城-强光手电筒',
      amountFen: 1990,
      payerOpenId: 'sbx_payer_openid',
    });
    expect(ctx.sandbox.pay.transactions.get(no)?.trade_state).toBe('NOTPAY');
    expect((await payInSandbox(no)).body).toEqual({ ok: true });
    expect(ctx.sandbox.pay.transactions.get(no)?.trade_state).toBe('SUCCESS');
    expect((await payInSandbox(no)).body.code).toBe('CONFLICT');
    expect((await payInSandbox(newNo())).status).toBe(404);
  });

  it('refuses a malformed number and a caller who is not signed in', async () => {
    expect((await payInSandbox('../x')).status).toBe(400);
    expect((await payInSandbox(undefined)).status).toBe(400);
    const anonymous = await ctx.http().post('/api/sandbox/pay').send({ outTradeNo: newNo() });
    expect(anonymous.status).toBe(401);
  });

  it('does not exist without the sandbox', async () => {
    const off = await createTestApp({ WECHAT_SANDBOX: 'false' });
    try {
      const staff = (await off.loginStaff('pinghu_station')).accessToken;
      const res = await off
        .http()
        .post('/api/sandbox/pay')
        .set(...bearer(staff))
        .send({ outTradeNo: newNo() });
      expect([res.status, res.body.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
    } finally {
      await off.close();
    }
  });
});
