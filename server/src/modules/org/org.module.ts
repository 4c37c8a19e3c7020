import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgUnit } from './org-unit.entity.js';
import { OrgService } from './org.service.js';
import { OrgController } from './org.controller.js';
import { UnitContact } from './unit-contact.entity.js';
import { UnitContacts } from './unit-contacts.js';

@Module({
  imports: [TypeOrmModule.forFeature([OrgUnit, UnitContact])],
  providers: [OrgService, UnitContacts],
  controllers: [OrgController],
  exports: [OrgService, UnitContacts],
})
export class OrgModule {}
