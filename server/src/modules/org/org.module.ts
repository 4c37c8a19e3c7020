import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgUnit } from './org-unit.entity.js';
import { OrgService } from './org.service.js';
import { OrgController } from './org.controller.js';

@Module({
  imports: [TypeOrmModule.forFeature([OrgUnit])],
  providers: [OrgService],
  controllers: [OrgController],
  exports: [OrgService],
})
export class OrgModule {}
