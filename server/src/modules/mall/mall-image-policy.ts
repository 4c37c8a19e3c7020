import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MALL_PRODUCT_IMAGE_PURPOSE, hasPermission } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { isPathInScope } from '../../common/scope/org-scope.js';
import type { FileFacts } from '../files/file-purposes.js';
import { FileReadPolicy } from '../files/file-purposes.js';
import { MallProduct } from './entities/mall-product.entity.js';

/**
 * A product's pictures (docs/files.md): every signed-in user sees those of a product on the shelf; a product off the
 * shelf (not yet released, or withdrawn) and a picture the product no longer shows are the mall operators' of its
 * unit and above only — anyone else reads 404, as for the product itself.
 */
@Injectable()
export class MallImagePolicy extends FileReadPolicy {
  readonly purpose = MALL_PRODUCT_IMAGE_PURPOSE;
  readonly kind = 'image' as const;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    super();
  }

  async canRead(actor: Actor, file: FileFacts): Promise<boolean> {
    const id = /^product:(\d+)$/.exec(file.attachedTo ?? '')?.[1];
    const product = id ? await this.ds.getRepository(MallProduct).findOneBy({ id: Number(id) }) : null;
    if (!product) return false;
    if (hasPermission(actor.staffRoles, 'mall.manage') && isPathInScope(actor, product.orgPath)) return true;
    return product.onShelf && product.imageIds.includes(file.id);
  }
}
