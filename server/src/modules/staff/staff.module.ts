import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { OrgModule } from '../org/org.module.js';
import { SessionsModule } from '../auth/sessions.module.js';
import { StaffService } from './staff.service.js';
import { StaffAdminController } from './staff-admin.controller.js';
import { StaffAccountsService } from './staff-accounts.service.js';
import { UnitContactsService } from './unit-contacts.service.js';
import { UnitContactsController } from './unit-contacts.controller.js';

@Module({
  imports: [UsersModule, OrgModule, SessionsModule],
  providers: [StaffService, StaffAccountsService, UnitContactsService],
  controllers: [StaffAdminController, UnitContactsController],
})
export class StaffModule {}
