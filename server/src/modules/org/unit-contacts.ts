import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { OrgLevel, UnitContactKind } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { wherePathInScope } from '../../common/scope/org-scope.js';
import { OrgUnit } from './org-unit.entity.js';
import { UnitContact } from './unit-contact.entity.js';

/** A unit contact row as other modules see it. */
export type UnitContactRecord = UnitContact;

export interface UnitContactWrite {
  orgUnitId: number;
  kind: UnitContactKind;
  name: string;
  title: string;
  phoneEnc: string;
  phoneHash: string;
  updatedBy: number;
  now: Date;
}

/** The unit_contacts table for the modules that manage contacts (scope, personal data and audit are theirs). */
@Injectable()
export class UnitContacts {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The units at these levels in the actor's subtree, in tree order, one page of them. */
  unitsInScope(actor: Actor, levels: readonly OrgLevel[], page: number, pageSize: number) {
    return wherePathInScope(this.ds.getRepository(OrgUnit).createQueryBuilder('o'), actor, 'o.path')
      .andWhere('o.level IN (:...levels)', { levels })
      .orderBy('o.path', 'ASC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getManyAndCount();
  }

  forUnits(orgUnitIds: readonly number[]): Promise<UnitContactRecord[]> {
    if (orgUnitIds.length === 0) return Promise.resolve([]);
    return this.ds.getRepository(UnitContact).findBy({ orgUnitId: In([...orgUnitIds]) });
  }

  find(orgUnitId: number, kind: UnitContactKind, manager?: EntityManager): Promise<UnitContactRecord | null> {
    return (manager ?? this.ds.manager).getRepository(UnitContact).findOneBy({ orgUnitId, kind });
  }

  /** Inserts or replaces the unit's contact of this kind in the caller's transaction. */
  async save(m: EntityManager, c: UnitContactWrite): Promise<void> {
    const repo = m.getRepository(UnitContact);
    const values = { name: c.name, title: c.title, phoneEnc: c.phoneEnc, phoneHash: c.phoneHash };
    const meta = { updatedBy: c.updatedBy, updatedAt: c.now };
    const res = await repo.update({ orgUnitId: c.orgUnitId, kind: c.kind }, { ...values, ...meta });
    if (!res.affected) await repo.insert({ orgUnitId: c.orgUnitId, kind: c.kind, ...values, ...meta });
  }
}
