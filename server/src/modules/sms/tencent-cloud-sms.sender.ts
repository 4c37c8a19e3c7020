import { Inject, Injectable } from '@nestjs/common';
import * as tencentSms from 'tencentcloud-sdk-nodejs-sms';
import { smsConfig, type SmsConfig } from '../../config/sms.config.js';
import { SmsFailure, SmsSender, type SmsSendRequest, type SmsSendResult } from './sms-sender.js';
import { tencentFailureKind } from './tencent-sms-errors.js';

type SmsClient = InstanceType<typeof tencentSms.sms.v20210111.Client>;

/** Mainland numbers go to the provider in E.164 form. */
export function e164(phone: string): string {
  return /^1\d{10}$/.test(phone) ? `+86${phone}` : phone;
}

/**
 * Tencent Cloud SMS (API 2021-01-11 `SendSms`) through its maintained SDK, which signs each request
 * with TC3-HMAC-SHA256. The endpoint comes from SMS_ENDPOINT (the sandbox outside production).
 */
@Injectable()
export class TencentCloudSmsSender extends SmsSender {
  private client: SmsClient | null = null;

  constructor(@Inject(smsConfig.KEY) private readonly config: SmsConfig) {
    super();
  }

  async send(req: SmsSendRequest): Promise<SmsSendResult> {
    let res: Awaited<ReturnType<SmsClient['SendSms']>>;
    try {
      res = await this.sdk().SendSms({
        PhoneNumberSet: [e164(req.phone)],
        SmsSdkAppId: this.config.sdkAppId,
        SignName: this.config.signName,
        TemplateId: this.config.templateIds[req.template],
        TemplateParamSet: req.params,
        SessionContext: req.requestId,
      });
    } catch (err) {
      throw toFailure(err);
    }
    const status = res.SendStatusSet?.[0];
    if (!status) throw new SmsFailure('transient', 'EmptyResponse', 'no send status in the answer');
    const code = status.Code ?? '';
    if (code !== 'Ok') throw new SmsFailure(tencentFailureKind(code), code || 'NoCode', status.Message ?? '');
    return { providerId: status.SerialNo ?? '', status: 'sent' };
  }

  /** Built on first use: the sandbox's address is only known once the development server started it. */
  private sdk(): SmsClient {
    if (this.client) return this.client;
    const endpoint = this.config.endpoint;
    if (!endpoint) throw new SmsFailure('transient', 'NoEndpoint', 'SMS_ENDPOINT is not set and no sandbox runs');
    this.client = new tencentSms.sms.v20210111.Client({
      credential: { secretId: this.config.secretId, secretKey: this.config.secretKey },
      region: this.config.region,
      profile: {
        httpProfile: { endpoint: endpoint.host, protocol: endpoint.protocol, reqTimeout: this.config.timeoutSeconds },
      },
    });
    return this.client;
  }
}

function toFailure(err: unknown): SmsFailure {
  if (err instanceof SmsFailure) return err;
  const e = err as { code?: unknown; message?: unknown; name?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(err);
  if (typeof e?.code === 'string' && e.code) return new SmsFailure(tencentFailureKind(e.code), e.code, message);
  const timeout = /timeout|aborted/i.test(message) || e?.name === 'AbortError';
  return new SmsFailure('transient', timeout ? 'Timeout' : 'NetworkError', message);
}
