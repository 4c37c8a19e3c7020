import { Injectable } from '@nestjs/common';
import { BULLETIN_IMAGE_PURPOSE } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { FileReadPolicy, type FileFacts } from '../files/file-purposes.js';
import { BulletinsService } from './bulletins.service.js';

/** A bulletin's pictures are read by its audience and by the staff whose scope holds it; anyone else 404. */
@Injectable()
export class BulletinImagePolicy extends FileReadPolicy {
  readonly purpose = BULLETIN_IMAGE_PURPOSE;
  readonly kind = 'image' as const;

  constructor(private readonly bulletins: BulletinsService) {
    super();
  }

  canRead(actor: Actor, file: FileFacts): Promise<boolean> {
    const m = /^bulletin:(\d+)$/.exec(file.attachedTo ?? '');
    return m ? this.bulletins.canSee(actor, Number(m[1])) : Promise.resolve(false);
  }
}
