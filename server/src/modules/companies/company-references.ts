import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What may be referred to: a company, or one of its service sites. */
export type CompanyReference = { companyId: number } | { siteId: number };

/** Counts, inside the caller's transaction, a module's own rows that refer to a company or a site. */
export type CompanyReferenceCounter = (manager: EntityManager, ref: CompanyReference) => Promise<number>;

/**
 * Only a company or site nobody refers to can be deleted. The rows that refer to them live in other
 * modules (roster guards, volunteers, applications), which import this one: each registers a counter
 * over its own tables when the application starts, and deleting adds them up.
 */
@Injectable()
export class CompanyReferences {
  private readonly counters: CompanyReferenceCounter[] = [];

  register(counter: CompanyReferenceCounter): void {
    this.counters.push(counter);
  }

  async count(manager: EntityManager, ref: CompanyReference): Promise<number> {
    let total = 0;
    for (const counter of this.counters) total += await counter(manager, ref);
    return total;
  }
}
