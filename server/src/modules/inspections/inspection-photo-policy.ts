import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hasPermission, INSPECTION_PHOTO_PURPOSE } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { isPathInScope } from '../../common/scope/org-scope.js';
import { CompanyQueries } from '../companies/company-queries.js';
import { FileReadPolicy, type FileFacts } from '../files/file-purposes.js';
import { Inspection } from './inspection.entity.js';

/** An inspection's photos are read by whoever reads the inspection: officers over the company, its manager. */
@Injectable()
export class InspectionPhotoPolicy extends FileReadPolicy {
  readonly purpose = INSPECTION_PHOTO_PURPOSE;
  readonly kind = 'image' as const;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly companies: CompanyQueries,
  ) {
    super();
  }

  async canRead(actor: Actor, file: FileFacts): Promise<boolean> {
    const m = /^inspection:(\d+)$/.exec(file.attachedTo ?? '');
    if (!m) return false;
    const row = await this.ds.getRepository(Inspection).findOneBy({ id: Number(m[1]) });
    if (!row) return false;
    if (hasPermission(actor.staffRoles, 'inspections.manage') && isPathInScope(actor, row.orgPath)) return true;
    if (!hasPermission(actor.staffRoles, 'company.self') || row.status === 'none') return false;
    return (await this.companies.findById(row.companyId))?.managerUserId === actor.userId;
  }
}
