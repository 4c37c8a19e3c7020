import { Inject, Injectable } from '@nestjs/common';
import { wechatConfig, type WechatConfig } from '../../config/wechat.config.js';
import { AppException } from '../../common/errors/app-exception.js';
import { logger } from '../../common/logging/logger.js';

export interface WechatSession {
  openid: string;
  unionid?: string;
}

interface WechatErrorBody {
  errcode?: number;
  errmsg?: string;
}

/**
 * The WeChat server API as the backend uses it. The base URL is configuration, so the same code
 * talks to api.weixin.qq.com in production and to the project's sandbox in development and tests.
 */
@Injectable()
export class WechatApiClient {
  private cachedToken: { value: string; expiresAt: number } | null = null;

  constructor(@Inject(wechatConfig.KEY) private readonly config: WechatConfig) {}

  private get base(): string {
    return this.config.apiBase;
  }

  async code2Session(code: string): Promise<WechatSession> {
    const q = new URLSearchParams({
      appid: this.config.appId,
      secret: this.config.secret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    // WeChat answers this one as text/plain, so parse the text rather than trusting the header.
    const body = JSON.parse(await this.call('GET', `/sns/jscode2session?${q}`)) as WechatErrorBody & {
      openid?: string;
      unionid?: string;
    };
    if (body.errcode || !body.openid) {
      if (body.errcode === 40029 || body.errcode === 40163 || body.errcode === 40226)
        throw new AppException('WECHAT_CODE_INVALID');
      throw this.unavailable('jscode2session', body);
    }
    return { openid: body.openid, unionid: body.unionid };
  }

  async getPhoneNumber(phoneCode: string): Promise<string> {
    const body = await this.withToken<WechatErrorBody & { phone_info?: { purePhoneNumber: string } }>(
      '/wxa/business/getuserphonenumber',
      { code: phoneCode },
    );
    if (body.errcode || !body.phone_info) {
      if (body.errcode === 40029) throw new AppException('WECHAT_PHONE_CODE_INVALID');
      throw this.unavailable('getuserphonenumber', body);
    }
    return body.phone_info.purePhoneNumber;
  }

  async sendSubscribeMessage(msg: {
    touser: string;
    templateId: string;
    page?: string;
    data: Record<string, { value: string }>;
  }): Promise<void> {
    const body = await this.withToken<WechatErrorBody>('/cgi-bin/message/subscribe/send', {
      touser: msg.touser,
      template_id: msg.templateId,
      page: msg.page,
      data: msg.data,
    });
    if (body.errcode) throw this.unavailable('subscribe/send', body);
  }

  /** Stable access token: cached until shortly before expiry; refreshed once on an invalid-token answer. */
  private async accessToken(force = false): Promise<string> {
    if (!force && this.cachedToken && this.cachedToken.expiresAt > Date.now()) return this.cachedToken.value;
    const body = JSON.parse(
      await this.call('POST', '/cgi-bin/stable_token', {
        grant_type: 'client_credential',
        appid: this.config.appId,
        secret: this.config.secret,
        force_refresh: force,
      }),
    ) as WechatErrorBody & { access_token?: string; expires_in?: number };
    if (!body.access_token) throw this.unavailable('stable_token', body);
    this.cachedToken = { value: body.access_token, expiresAt: Date.now() + ((body.expires_in ?? 7200) - 300) * 1000 };
    return body.access_token;
  }

  private async withToken<T extends WechatErrorBody>(path: string, payload: unknown): Promise<T> {
    for (const force of [false, true]) {
      const token = await this.accessToken(force);
      const body = JSON.parse(
        await this.call('POST', `${path}?access_token=${encodeURIComponent(token)}`, payload),
      ) as T;
      if (body.errcode !== 40001 && body.errcode !== 42001) return body;
    }
    throw this.unavailable(path, { errcode: 40001 });
  }

  private async call(method: 'GET' | 'POST', pathAndQuery: string, payload?: unknown): Promise<string> {
    try {
      const res = await fetch(this.base + pathAndQuery, {
        method,
        headers: payload === undefined ? undefined : { 'content-type': 'application/json' },
        body: payload === undefined ? undefined : JSON.stringify(payload),
        signal: AbortSignal.timeout(5000),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
      return text;
    } catch (err) {
      logger.warn({ path: pathAndQuery.split('?')[0], error: String(err) }, 'wechat api call failed');
      throw new AppException('WECHAT_UNAVAILABLE');
    }
  }

  private unavailable(api: string, body: WechatErrorBody): AppException {
    logger.warn({ api, errcode: body.errcode, errmsg: body.errmsg }, 'wechat api error');
    return new AppException('WECHAT_UNAVAILABLE', { errcode: body.errcode });
  }
}
