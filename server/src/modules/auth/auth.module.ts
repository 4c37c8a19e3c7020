import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RefreshToken } from './refresh-token.entity.js';
import { TokenService } from './token.service.js';
import { AuthService } from './auth.service.js';
import { AuthController } from './auth.controller.js';
import { MeController } from './me.controller.js';
import { UsersModule } from '../users/users.module.js';
import { ActorModule } from './actor.module.js';
import { WechatModule } from '../wechat/wechat.module.js';

@Module({
  imports: [TypeOrmModule.forFeature([RefreshToken]), UsersModule, ActorModule, WechatModule],
  providers: [TokenService, AuthService],
  controllers: [AuthController, MeController],
})
export class AuthModule {}
