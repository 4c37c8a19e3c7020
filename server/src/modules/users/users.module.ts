import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from './user.entity.js';
import { UserQueries } from './user-queries.js';
import { UserAccounts } from './user-accounts.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([User])],
  providers: [UserQueries, UserAccounts],
  exports: [UserQueries, UserAccounts],
})
export class UsersModule {}
