import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RefreshToken } from './refresh-token.entity.js';
import { SessionsService } from './sessions.service.js';

/** The auth module's door for others (staff administration): ending a user's logins. */
@Module({
  imports: [TypeOrmModule.forFeature([RefreshToken])],
  providers: [SessionsService],
  exports: [SessionsService],
})
export class SessionsModule {}
