import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CALLUP_PHOTO_PURPOSE, hasPermission } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { isPathInScope } from '../../common/scope/org-scope.js';
import { FileReadPolicy, type FileFacts } from '../files/file-purposes.js';
import { Callup } from './entities/callup.entity.js';
import { CallupRecipient } from './entities/callup-recipient.entity.js';

/**
 * A call-up report's photos are read by the guard who filed it and by the staff whose scope covers the call-up
 * (the sender's unit and those above it) and may read call-ups; everyone else gets 404, as with tip photos.
 */
@Injectable()
export class CallupPhotoPolicy extends FileReadPolicy {
  readonly purpose = CALLUP_PHOTO_PURPOSE;
  readonly kind = 'image' as const;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    super();
  }

  async canRead(actor: Actor, file: FileFacts): Promise<boolean> {
    const m = /^callup-recipient:(\d+)$/.exec(file.attachedTo ?? '');
    if (!m) return false;
    const r = await this.ds.getRepository(CallupRecipient).findOneBy({ id: Number(m[1]) });
    if (!r) return false;
    if (r.userId === actor.userId) return true;
    const c = await this.ds.getRepository(Callup).findOneBy({ id: r.callupId });
    return !!c && hasPermission(actor.staffRoles, 'callups.read') && isPathInScope(actor, c.orgPath);
  }
}
