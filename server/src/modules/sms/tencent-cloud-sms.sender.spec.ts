import { readArea } from '../../config/config-area.js';
import { parseSmsEndpoint, smsConfig } from '../../config/sms.config.js';
import { WechatSandbox } from '../../wechat-sandbox/sandbox-server.js';
import { SmsFailure } from './sms-sender.js';
import { TencentCloudSmsSender, e164 } from './tencent-cloud-sms.sender.js';

/** The adapter through the real SDK over loopback HTTP to the sandbox, which checks requests as the provider does. */
describe(TencentCloudSmsSender.name, () => {
  const sandbox = new WechatSandbox({ appId: 'wx-unit', secret: 'unit-secret' });
  let config: ReturnType<typeof smsConfig.read>;
  const request = (phone = '13800000001') => ({
    phone,
    template: 'early_warning' as const,
    params: ['暴雨'],
    requestId: 'sms-7',
  });
  const failureOf = async (p: Promise<unknown>): Promise<SmsFailure> => {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SmsFailure);
    return err as SmsFailure;
  };

  beforeAll(async () => {
    const url = await sandbox.listen(0);
    config = readArea(smsConfig.read, { NODE_ENV: 'test', SMS_ENDPOINT: url });
  });
  afterAll(() => sandbox.close());

  it('sends in E.164 with the approved template, and returns the provider serial number', async () => {
    const res = await new TencentCloudSmsSender(config).send(request());
    const sent = sandbox.sms.sentMessages.at(-1)!;
    expect(sent).toMatchObject({
      phone: '+8613800000001',
      templateId: '100002',
      params: ['暴雨'],
      sessionContext: 'sms-7',
    });
    expect(res).toEqual({ providerId: sent.serialNo, status: 'sent' });
    expect(e164('13800000001')).toBe('+8613800000001');
  });

  it('maps the provider refusals to typed failures', async () => {
    sandbox.sms.invalidNumbers.add('13800000002');
    const invalid = await failureOf(new TencentCloudSmsSender(config).send(request('13800000002')));
    expect([invalid.kind, invalid.code, invalid.retryable]).toEqual([
      'invalid_number',
      'InvalidParameterValue.IncorrectPhoneNumber',
      false,
    ]);
    sandbox.sms.failNext = 1;
    const busy = await failureOf(new TencentCloudSmsSender(config).send(request()));
    expect([busy.kind, busy.code, busy.retryable]).toEqual(['transient', 'InternalError.SendAndRecvFail', true]);
    const sign = await failureOf(new TencentCloudSmsSender({ ...config, signName: '别的签名' }).send(request()));
    expect([sign.kind, sign.code]).toEqual(['template_not_approved', 'FailedOperation.SignatureIncorrectOrUnapproved']);
    const auth = await failureOf(new TencentCloudSmsSender({ ...config, secretKey: 'wrong' }).send(request()));
    expect([auth.kind, auth.code]).toEqual(['rejected', 'AuthFailure.SignatureFailure']);
    const id = await failureOf(new TencentCloudSmsSender({ ...config, secretId: 'AKIDother' }).send(request()));
    expect([id.kind, id.code]).toEqual(['rejected', 'AuthFailure.SecretIdNotFound']);
  });

  it('no provider reachable is a passing failure', async () => {
    const closed = new WechatSandbox({ appId: 'x', secret: 'y' });
    const url = await closed.listen(0);
    await closed.close();
    const down = await failureOf(
      new TencentCloudSmsSender({ ...config, endpoint: parseSmsEndpoint(url) }).send(request()),
    );
    expect(down.kind).toBe('transient');
    const none = await failureOf(new TencentCloudSmsSender({ ...config, endpoint: null }).send(request()));
    expect([none.kind, none.code]).toEqual(['transient', 'NoEndpoint']);
  });
});
