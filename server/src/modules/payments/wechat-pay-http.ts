import { WECHAT_PAY_PRODUCTION_BASE } from '../../config/payments.config.js';
import { platformSignatureValid } from './wechat-pay-signing.js';
import { WechatPayFailure } from './wechat-pay.client.js';

/** What the library expects back from its HTTP layer: errors are answered, not thrown. */
export interface PayHttpOutput {
  status: number;
  data?: unknown;
  error?: string;
}

export interface PayHttpOptions {
  /** where requests go instead of https://api.mch.weixin.qq.com (the sandbox outside production) */
  apiBase: string;
  platformSerial: string;
  platformPublicKey: string;
  timeoutMs: number;
}

/**
 * The HTTP layer handed to wechatpay-node-v3 (`pay.createHttp`). The library builds every URL on
 * WeChat Pay's production host and signs only the path, so the host is swapped for the configured
 * base without touching the signature. Every answer must carry WeChat Pay's platform signature
 * (Wechatpay-Signature over `timestamp\nnonce\nbody\n`, by the known Wechatpay-Serial); one that does
 * not is thrown as `untrusted_response`, whatever it says. The body sent is exactly the JSON the
 * library signed.
 */
export class WechatPayHttp {
  constructor(private readonly opts: PayHttpOptions) {}

  get(url: string, headers: Record<string, string>): Promise<PayHttpOutput> {
    return this.request('GET', url, headers, undefined);
  }

  post(url: string, params: Record<string, unknown>, headers: Record<string, string>): Promise<PayHttpOutput> {
    return this.request('POST', url, headers, JSON.stringify(params));
  }

  upload(): Promise<PayHttpOutput> {
    return Promise.reject(new Error('uploads to WeChat Pay are not used'));
  }

  /** The configured base in place of the production host (the path, and so the signature, unchanged). */
  target(url: string): string {
    return url.startsWith(WECHAT_PAY_PRODUCTION_BASE)
      ? this.opts.apiBase + url.slice(WECHAT_PAY_PRODUCTION_BASE.length)
      : url;
  }

  private async request(
    method: 'GET' | 'POST',
    url: string,
    headers: Record<string, string>,
    body: string | undefined,
  ): Promise<PayHttpOutput> {
    let res: Response;
    try {
      // the library asks for gzip; fetch decodes whatever encoding comes back itself
      const { 'Accept-Encoding': _ignored, ...rest } = headers;
      res = await fetch(this.target(url), {
        method,
        headers: rest,
        body,
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
    } catch (err) {
      return { status: 0, error: JSON.stringify({ code: 'NETWORK', message: String(err) }) };
    }
    const text = await res.text();
    this.checkSignature(res, text);
    if (res.status >= 200 && res.status < 300) return { status: res.status, data: successData(res, text) };
    return { status: res.status, error: text };
  }

  private checkSignature(res: Response, body: string): void {
    const serial = (res.headers.get('wechatpay-serial') ?? '').toLowerCase();
    const message = {
      timestamp: res.headers.get('wechatpay-timestamp') ?? '',
      nonce: res.headers.get('wechatpay-nonce') ?? '',
      signature: res.headers.get('wechatpay-signature') ?? '',
      serial,
      body,
    };
    if (serial !== this.opts.platformSerial || !platformSignatureValid(message, this.opts.platformPublicKey))
      throw new WechatPayFailure('untrusted_response', res.status, 'UNTRUSTED', '应答签名无法验证');
  }
}

/** A 2xx body: JSON for the API's answers, the text itself for a downloaded bill (text/plain or a file stream). */
function successData(res: Response, text: string): unknown {
  if (!text) return {};
  return (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
}
