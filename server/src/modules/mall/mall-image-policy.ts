import { Injectable } from '@nestjs/common';
import { MALL_PRODUCT_IMAGE_PURPOSE } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { FileReadPolicy, type FileFacts } from '../files/file-purposes.js';

/** A product's pictures are shown to every signed-in user once attached to a product (docs/files.md). */
@Injectable()
export class MallImagePolicy extends FileReadPolicy {
  readonly purpose = MALL_PRODUCT_IMAGE_PURPOSE;
  readonly kind = 'image' as const;

  canRead(_actor: Actor, file: FileFacts): boolean {
    return /^product:\d+$/.test(file.attachedTo ?? '');
  }
}
