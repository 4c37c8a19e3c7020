import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What the SMS part of the sandbox accepts: the credentials, app, signature and templates "registered" with it. */
export interface SmsSandboxOptions {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  templateIds: string[];
}

export interface SentSms {
  /** As sent, E.164 (`+8613800000000`). */
  phone: string;
  templateId: string;
  params: string[];
  signName: string;
  sessionContext: string;
  serialNo: string;
  sentAt: string;
}

const AUTH =
  /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;
const MAINLAND = /^\+861[3-9]\d{9}$/;
/** Tencent Cloud refuses requests signed more than five minutes away from its time. */
const MAX_SKEW_S = 300;

/**
 * A stand-in for Tencent Cloud SMS (API 2021-01-11, `SendSms`) on the sandbox server: `POST /` with
 * `X-TC-Action`. It checks the request as the provider does — the TC3-HMAC-SHA256 signature (canonical
 * request, credential scope, the signing-key chain from the secret key), then the SDK app, signature
 * name and template — and answers in the provider's shapes. Tests read `sentMessages` and use the
 * switches: `failNext` (the next N sends answer a transient InternalError), `invalidNumbers` (numbers
 * the operator refuses), `delayMs` (answer slowly).
 */
export class SmsSandbox {
  readonly sentMessages: SentSms[] = [];
  failNext = 0;
  readonly invalidNumbers = new Set<string>();
  delayMs = 0;

  constructor(private readonly opts: SmsSandboxOptions) {}

  async handle(req: IncomingMessage, rawBody: string, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const refuse = (code: string, message: string) =>
      reply(res, { Error: { Code: code, Message: message }, RequestId: requestId });
    const authProblem = this.checkSignature(req, rawBody);
    if (authProblem) return refuse(authProblem[0], authProblem[1]);
    if (req.headers['x-tc-action'] !== 'SendSms' || req.headers['x-tc-version'] !== '2021-01-11')
      return refuse('InvalidAction', `the sandbox only speaks SendSms 2021-01-11`);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(rawBody) as Record<string, unknown>;
    } catch {
      return refuse('InvalidParameter', 'body is not JSON');
    }
    const problem = this.checkRequest(body);
    if (problem) return refuse(problem[0], problem[1]);
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.failNext > 0) {
      this.failNext--;
      return refuse('InternalError.SendAndRecvFail', '接口超时或短信收发包超时，请检查您的网络是否有波动');
    }
    const phones = body.PhoneNumberSet as string[];
    const SendStatusSet = phones.map((phone) => this.sendOne(phone, body));
    return reply(res, { SendStatusSet, RequestId: requestId });
  }

  /** [code, message] of the provider's refusal, or null when the signature holds. */
  private checkSignature(req: IncomingMessage, rawBody: string): [string, string] | null {
    const m = AUTH.exec(String(req.headers.authorization ?? ''));
    if (!m) return ['AuthFailure.InvalidAuthorization', 'Authorization 头格式错误'];
    const [, secretId, date, service, signedHeaders, signature] = m;
    if (secretId !== this.opts.secretId) return ['AuthFailure.SecretIdNotFound', '密钥不存在'];
    const timestamp = Number(req.headers['x-tc-timestamp']);
    if (!Number.isInteger(timestamp) || Math.abs(timestamp - Date.now() / 1000) > MAX_SKEW_S)
      return ['AuthFailure.SignatureExpire', '签名过期'];
    if (credentialDate(timestamp) !== date) return ['AuthFailure.SignatureFailure', '凭证范围的日期与时间戳不符'];
    const names = signedHeaders.split(';');
    if (!names.includes('content-type') || !names.includes('host'))
      return ['AuthFailure.SignatureFailure', '签名必须包含 content-type 与 host'];
    const canonicalHeaders = names.map((n) => `${n}:${headerValue(req, n)}\n`).join('');
    const canonicalRequest = ['POST', '/', '', canonicalHeaders, signedHeaders, sha256Hex(rawBody)].join('\n');
    const scope = `${date}/${service}/tc3_request`;
    const stringToSign = ['TC3-HMAC-SHA256', String(timestamp), scope, sha256Hex(canonicalRequest)].join('\n');
    const kDate = hmac(`TC3${this.opts.secretKey}`, date);
    const kService = hmac(kDate, service);
    const kSigning = hmac(kService, 'tc3_request');
    const expected = hmac(kSigning, stringToSign).toString('hex');
    if (!timingSafeEqual(Buffer.from(expected), Buffer.from(signature)))
      return ['AuthFailure.SignatureFailure', '请求签名验证失败，请检查您的签名计算是否正确'];
    return null;
  }

  private checkRequest(body: Record<string, unknown>): [string, string] | null {
    const phones = body.PhoneNumberSet;
    if (!Array.isArray(phones) || phones.length === 0 || phones.some((p) => typeof p !== 'string'))
      return ['MissingParameter', 'PhoneNumberSet 必填'];
    if (body.SmsSdkAppId !== this.opts.sdkAppId) return ['InvalidParameterValue.SdkAppIdNotExist', 'SdkAppId 不存在'];
    if (body.SignName !== this.opts.signName)
      return ['FailedOperation.SignatureIncorrectOrUnapproved', '签名未审批或格式错误'];
    if (typeof body.TemplateId !== 'string' || !this.opts.templateIds.includes(body.TemplateId))
      return ['FailedOperation.TemplateIncorrectOrUnapproved', '模板未审批或内容不匹配'];
    const params = body.TemplateParamSet ?? [];
    if (!Array.isArray(params) || params.some((p) => typeof p !== 'string'))
      return ['InvalidParameterValue.TemplateParameterFormatError', '模板参数格式错误'];
    return null;
  }

  private sendOne(phone: string, body: Record<string, unknown>) {
    const serialNo = `sbx-${this.sentMessages.length + 1}-${randomUUID().slice(0, 8)}`;
    if (!MAINLAND.test(phone) || this.invalidNumbers.has(phone.replace(/^\+86/, '')))
      return {
        SerialNo: '',
        PhoneNumber: phone,
        Fee: 0,
        SessionContext: '',
        Code: 'InvalidParameterValue.IncorrectPhoneNumber',
        Message: '手机号格式错误',
        IsoCode: 'CN',
      };
    this.sentMessages.push({
      phone,
      templateId: body.TemplateId as string,
      params: (body.TemplateParamSet as string[] | undefined) ?? [],
      signName: body.SignName as string,
      sessionContext: String(body.SessionContext ?? ''),
      serialNo,
      sentAt: new Date().toISOString(),
    });
    return {
      SerialNo: serialNo,
      PhoneNumber: phone,
      Fee: 1,
      SessionContext: String(body.SessionContext ?? ''),
      Code: 'Ok',
      Message: 'send success',
      IsoCode: 'CN',
    };
  }
}

/** The credential scope's date: the UTC calendar date of the signing time (the provider's rule, not a business date). */
function credentialDate(unixSeconds: number): string {
  const d = new Date(unixSeconds * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
}

/** The SDK signs the host name without the port (as the provider's own endpoints have none). */
function headerValue(req: IncomingMessage, name: string): string {
  const v = String(req.headers[name] ?? '').trim();
  return name === 'host' ? v.replace(/:\d+$/, '') : v;
}

function sha256Hex(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

function reply(res: ServerResponse, response: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ Response: response }));
}
