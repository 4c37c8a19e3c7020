import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TIP_PHOTO_PURPOSE } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { FileReadPolicy, type FileFacts } from '../files/file-purposes.js';
import { Tip } from './entities/tip.entity.js';
import { isTipVisible } from './tip-scope.js';

/** A tip's photos are read by its submitter and by the staff who see the tip (docs/product.md#uploads); others 404. */
@Injectable()
export class TipPhotoPolicy extends FileReadPolicy {
  readonly purpose = TIP_PHOTO_PURPOSE;
  readonly kind = 'image' as const;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    super();
  }

  async canRead(actor: Actor, file: FileFacts): Promise<boolean> {
    const m = /^tip:(\d+)$/.exec(file.attachedTo ?? '');
    if (!m) return false;
    const tip = await this.ds.getRepository(Tip).findOneBy({ id: Number(m[1]) });
    if (!tip) return false;
    return tip.submitterUserId === actor.userId || isTipVisible(actor, tip);
  }
}
