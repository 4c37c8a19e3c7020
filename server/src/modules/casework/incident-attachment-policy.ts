import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hasPermission, INCIDENT_ATTACHMENT_PURPOSE } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { isPathInScope } from '../../common/scope/org-scope.js';
import { FileReadPolicy, type FileFacts } from '../files/file-purposes.js';
import { IncidentReport } from './entities/incident-report.entity.js';

/** A report's attachments are read by its reporter and by the officers whose scope holds the report; others 404. */
@Injectable()
export class IncidentAttachmentPolicy extends FileReadPolicy {
  readonly purpose = INCIDENT_ATTACHMENT_PURPOSE;
  readonly kind = 'image' as const;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    super();
  }

  async canRead(actor: Actor, file: FileFacts): Promise<boolean> {
    const m = /^incident:(\d+)$/.exec(file.attachedTo ?? '');
    if (!m) return false;
    const row = await this.ds.getRepository(IncidentReport).findOneBy({ id: Number(m[1]) });
    if (!row) return false;
    if (row.reporterUserId === actor.userId) return true;
    return hasPermission(actor.staffRoles, 'incidents.handle') && isPathInScope(actor, row.orgPath);
  }
}
