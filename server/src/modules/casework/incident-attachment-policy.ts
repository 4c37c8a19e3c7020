import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hasPermission, INCIDENT_ATTACHMENT_PURPOSE } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { isPathInScope } from '../../common/scope/org-scope.js';
import { CompanyQueries } from '../companies/company-queries.js';
import { FileReadPolicy, type FileFacts } from '../files/file-purposes.js';
import { IncidentReport } from './entities/incident-report.entity.js';

/**
 * A report's attachments are read by whoever reads the report: the current manager of the reporting company (not a
 * manager who has left it, as for the report itself) and the officers whose scope holds the report; others 404.
 */
@Injectable()
export class IncidentAttachmentPolicy extends FileReadPolicy {
  readonly purpose = INCIDENT_ATTACHMENT_PURPOSE;
  readonly kind = 'image' as const;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly companies: CompanyQueries,
  ) {
    super();
  }

  async canRead(actor: Actor, file: FileFacts): Promise<boolean> {
    const m = /^incident:(\d+)$/.exec(file.attachedTo ?? '');
    if (!m) return false;
    const row = await this.ds.getRepository(IncidentReport).findOneBy({ id: Number(m[1]) });
    if (!row) return false;
    if (hasPermission(actor.staffRoles, 'incidents.handle') && isPathInScope(actor, row.orgPath)) return true;
    if (!hasPermission(actor.staffRoles, 'company.self')) return false;
    return (await this.companies.findById(row.companyId))?.managerUserId === actor.userId;
  }
}
