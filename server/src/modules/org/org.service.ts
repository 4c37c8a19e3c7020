import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository, type EntityManager } from 'typeorm';
import type { OrgLevel, OrgUnitNode } from '@jianghuai/shared';
import { OrgUnit } from './org-unit.entity.js';
import type { Actor } from '../../common/auth/actor.js';
import { wherePathInScope } from '../../common/scope/org-scope.js';
import { toOrgSummary } from './org.mapper.js';

export interface NewOrgUnit {
  code: string;
  name: string;
  level: OrgLevel;
  parent: OrgUnit | null;
  lat?: number | null;
  lng?: number | null;
  createdAt: Date;
}

/** Creates a unit under `parent` and fills in its materialised path (two writes: the id comes first). */
export async function createOrgUnit(manager: EntityManager, input: NewOrgUnit): Promise<OrgUnit> {
  const repo = manager.getRepository(OrgUnit);
  const unit = await repo.save(
    repo.create({
      code: input.code,
      name: input.name,
      level: input.level,
      parentId: input.parent?.id ?? null,
      path: '/',
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      createdAt: input.createdAt,
    }),
  );
  unit.path = `${input.parent?.path ?? '/'}${unit.id}/`;
  await repo.update(unit.id, { path: unit.path });
  return unit;
}

@Injectable()
export class OrgService {
  constructor(@InjectRepository(OrgUnit) private readonly units: Repository<OrgUnit>) {}

  /** One unit; pass the caller's transaction manager to read inside its transaction. */
  async findById(id: number, manager?: EntityManager): Promise<OrgUnit | null> {
    return (manager?.getRepository(OrgUnit) ?? this.units).findOneBy({ id });
  }

  async findByIds(ids: readonly number[], manager?: EntityManager): Promise<OrgUnit[]> {
    if (ids.length === 0) return [];
    return (manager?.getRepository(OrgUnit) ?? this.units).findBy({ id: In([...ids]) });
  }

  /** The stations in the actor's org subtree, by id. */
  async stationsInScope(actor: Actor): Promise<OrgUnit[]> {
    return wherePathInScope(this.units.createQueryBuilder('o'), actor, 'o.path')
      .andWhere("o.level = 'station'")
      .orderBy('o.id', 'ASC')
      .getMany();
  }

  /** Every unit at one level. */
  async findAtLevel(level: OrgLevel, manager?: EntityManager): Promise<OrgUnit[]> {
    return (manager?.getRepository(OrgUnit) ?? this.units).findBy({ level });
  }

  /** Every unit at these levels, in tree order (by path). */
  async findByLevels(levels: readonly OrgLevel[]): Promise<OrgUnit[]> {
    return this.units.find({ where: { level: In([...levels]) }, order: { path: 'ASC' } });
  }

  /** The top of the tree (the city bureau), or null in an empty database. */
  async rootId(): Promise<number | null> {
    return (await this.units.findOne({ where: { parentId: IsNull() }, order: { id: 'ASC' } }))?.id ?? null;
  }

  /** The actor's subtree as a nested tree, rooted at their own unit. */
  async tree(actor: Actor): Promise<OrgUnitNode[]> {
    const rows = await wherePathInScope(this.units.createQueryBuilder('ou'), actor, 'ou.path')
      .orderBy('ou.path', 'ASC')
      .getMany();
    const nodes = new Map<number, OrgUnitNode>(rows.map((r) => [r.id, { ...toOrgSummary(r), children: [] }]));
    const roots: OrgUnitNode[] = [];
    for (const r of rows) {
      const node = nodes.get(r.id)!;
      const parent = r.parentId ? nodes.get(r.parentId) : undefined;
      if (parent) parent.children.push(node);
      else roots.push(node);
    }
    return roots;
  }
}
