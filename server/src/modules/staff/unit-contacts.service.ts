import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  maskPhone,
  UNIT_CONTACT_LEVELS,
  type Page,
  type UnitContact,
  type UnitContactKind,
  type UnitContactRequest,
  type UnitContactsResponse,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { PiiCipher } from '../../common/pii/pii-cipher.js';
import { toPage } from '../../common/pagination.js';
import { assertPathInScope } from '../../common/scope/org-scope.js';
import { Clock } from '../../common/clock/clock.js';
import { AuditService } from '../audit/audit.service.js';
import { OrgService } from '../org/org.service.js';
import { toOrgSummary, type OrgUnitRecord } from '../org/org.mapper.js';
import { UnitContacts, type UnitContactRecord } from '../org/unit-contacts.js';

/**
 * The 负责人 and 联络员 of each branch and station: listed for the unit and the units above it (the
 * viewer's subtree), recorded by officers of the unit or above. Phones are masked; a reveal is audited.
 */
@Injectable()
export class UnitContactsService {
  constructor(
    private readonly contacts: UnitContacts,
    private readonly org: OrgService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pii: PiiCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, q: { page: number; pageSize: number }): Promise<Page<UnitContactsResponse>> {
    const [units, total] = await this.contacts.unitsInScope(actor, UNIT_CONTACT_LEVELS, q.page, q.pageSize);
    const rows = await this.contacts.forUnits(units.map((u) => u.id));
    const of = (unitId: number, kind: UnitContactKind) => {
      const row = rows.find((r) => r.orgUnitId === unitId && r.kind === kind);
      return row ? this.toContact(row) : null;
    };
    const items = units.map((u) => ({
      orgUnit: toOrgSummary(u),
      responsible: of(u.id, 'responsible'),
      liaison: of(u.id, 'liaison'),
    }));
    return toPage(items, total, q);
  }

  async save(actor: Actor, orgUnitId: number, kind: UnitContactKind, dto: UnitContactRequest): Promise<UnitContact> {
    const unit = await this.unitInScope(actor, orgUnitId);
    const phoneHash = this.pii.hash('phone', dto.phone);
    await this.dataSource.transaction(async (m) => {
      const before = await this.contacts.find(unit.id, kind, m);
      await this.contacts.save(m, {
        orgUnitId: unit.id,
        kind,
        name: dto.name,
        title: dto.title,
        phoneEnc: this.pii.encrypt(dto.phone)!,
        phoneHash,
        updatedBy: actor.userId,
        now: this.clock.now(),
      });
      const summary = (c: { name: string; title: string; phoneEnc: string }) => ({
        name: c.name,
        title: c.title,
        phone: maskPhone(this.pii.decrypt(c.phoneEnc)),
      });
      await this.audit.record(m, actor, {
        action: 'org.contact.update',
        targetType: 'org_unit_contact',
        targetId: `${unit.id}:${kind}`,
        orgUnitId: unit.id,
        before: before ? summary(before) : undefined,
        after: { kind, name: dto.name, title: dto.title, phone: maskPhone(dto.phone) },
      });
    });
    return this.toContact((await this.contacts.find(unit.id, kind))!);
  }

  /** The full phone number; every reveal is audited. */
  async reveal(
    actor: Actor,
    orgUnitId: number,
    kind: UnitContactKind,
  ): Promise<{ field: 'phone'; value: string | null }> {
    const unit = await this.unitInScope(actor, orgUnitId);
    const row = await this.contacts.find(unit.id, kind);
    if (!row) throw AppException.notFound();
    const value = this.pii.decrypt(row.phoneEnc);
    await this.dataSource.transaction((m) =>
      this.audit.record(m, actor, {
        action: 'pii.reveal',
        targetType: 'org_unit_contact',
        targetId: `${unit.id}:${kind}`,
        orgUnitId: unit.id,
        after: { field: 'phone', kind },
      }),
    );
    return { field: 'phone', value };
  }

  /** A branch or station in the actor's subtree (404 outside it). */
  private async unitInScope(actor: Actor, orgUnitId: number): Promise<OrgUnitRecord> {
    const unit = await this.org.findById(orgUnitId);
    assertPathInScope(actor, unit?.path);
    if (!UNIT_CONTACT_LEVELS.includes(unit!.level)) throw new AppException('UNIT_CONTACTS_LEVEL');
    return unit!;
  }

  private toContact(row: UnitContactRecord): UnitContact {
    return {
      kind: row.kind,
      name: row.name,
      title: row.title,
      phoneMasked: maskPhone(this.pii.decrypt(row.phoneEnc)),
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}
