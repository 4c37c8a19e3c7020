import { Module } from '@nestjs/common';
import { WechatApiClient } from './wechat-api.client.js';

@Module({ providers: [WechatApiClient], exports: [WechatApiClient] })
export class WechatModule {}
