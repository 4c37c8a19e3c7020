import { Module } from '@nestjs/common';
import { ActorSource } from '../../common/auth/actor-source.js';
import { OrgModule } from '../org/org.module.js';
import { UsersModule } from '../users/users.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { ActorLoader } from './actor-loader.service.js';

/** The guard's per-request actor load (ActorSource, see CommonModule.forRoot) and the signed-in person for /me. */
@Module({
  imports: [UsersModule, VolunteersModule, OrgModule],
  providers: [ActorLoader, { provide: ActorSource, useExisting: ActorLoader }],
  exports: [ActorLoader, ActorSource],
})
export class ActorModule {}
