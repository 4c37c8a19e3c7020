import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { OrgModule } from '../org/org.module.js';
import { StaffService } from './staff.service.js';
import { StaffAdminController } from './staff-admin.controller.js';

@Module({
  imports: [UsersModule, OrgModule],
  providers: [StaffService],
  controllers: [StaffAdminController],
})
export class StaffModule {}
