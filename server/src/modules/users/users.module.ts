import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from './user.entity.js';
import { Volunteer } from '../volunteers/volunteer.entity.js';
import { OrgUnit } from '../org/org-unit.entity.js';
import { ActorLoader } from './actor-loader.service.js';
import { ActorSource } from '../../common/auth/actor-source.js';

@Module({
  imports: [TypeOrmModule.forFeature([User, Volunteer, OrgUnit])],
  // ActorSource: the global guard's per-request actor load (see CommonModule.forRoot)
  providers: [ActorLoader, { provide: ActorSource, useExisting: ActorLoader }],
  exports: [ActorLoader, ActorSource, TypeOrmModule],
})
export class UsersModule {}
