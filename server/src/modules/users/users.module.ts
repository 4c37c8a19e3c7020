import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from './user.entity.js';
import { Volunteer } from '../volunteers/volunteer.entity.js';
import { OrgUnit } from '../org/org-unit.entity.js';
import { ActorLoader } from './actor-loader.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([User, Volunteer, OrgUnit])],
  providers: [ActorLoader],
  exports: [ActorLoader, TypeOrmModule],
})
export class UsersModule {}
