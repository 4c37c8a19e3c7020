import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  maskPersonName,
  maskPhone,
  type DisputeListItem,
  type DisputeResponse,
  type DisputeStep as DisputeStepResponse,
} from '@jianghuai/shared';
import { PiiCipher } from '../../common/pii/pii-cipher.js';
import { OrgService } from '../org/org.service.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import type { DisputeCase } from './entities/dispute-case.entity.js';
import { DisputeStep } from './entities/dispute-step.entity.js';

/** The mediator as the parties' own record names them in a step. */
export const MEDIATOR_LABEL = '调解员';

/** Case rows to responses: lists mask the parties' names, every view masks their phones. */
@Injectable()
export class DisputeMapper {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly org: OrgService,
    private readonly volunteers: VolunteerQueries,
    private readonly pii: PiiCipher,
  ) {}

  async list(rows: DisputeCase[]): Promise<DisputeListItem[]> {
    const stations = new Map(
      (await this.org.findByIds([...new Set(rows.map((r) => r.stationId))])).map((u) => [u.id, u.name]),
    );
    const ids = rows.map((r) => r.mediatorVolunteerId).filter((x): x is number => x !== null);
    const mediators = new Map((await this.volunteers.findByIds([...new Set(ids)])).map((v) => [v.id, v]));
    return rows.map((r) => {
      const v = r.mediatorVolunteerId ? mediators.get(r.mediatorVolunteerId) : undefined;
      return {
        id: r.id,
        stationId: r.stationId,
        stationName: stations.get(r.stationId) ?? '',
        type: r.type,
        status: r.status,
        parties: r.parties.map((p) => ({ name: maskPersonName(p.name), phoneMasked: this.maskedPhone(p.phoneEnc) })),
        address: r.address,
        lat: r.lat,
        lng: r.lng,
        description: r.description,
        tipId: r.tipId,
        mediator: v ? { volunteerId: v.id, name: v.name ?? '', memberNo: v.memberNo } : null,
        proposedOutcome: r.proposedOutcome,
        proposedNote: r.proposedNote,
        outcome: r.outcome,
        outcomeNote: r.outcomeNote,
        openedOn: r.openedOn,
        closedOn: r.closedOn,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
        version: r.version,
      };
    });
  }

  /** One case with the parties' names in full (phones stay masked) and its steps. */
  async detail(row: DisputeCase): Promise<DisputeResponse> {
    const [item] = await this.list([row]);
    const steps = await this.ds
      .getRepository(DisputeStep)
      .find({ where: { caseId: In([row.id]) }, order: { id: 'ASC' } });
    return {
      ...item,
      parties: row.parties.map((p) => ({ name: p.name, phoneMasked: this.maskedPhone(p.phoneEnc) })),
      steps: steps.map((s): DisputeStepResponse => ({
        id: s.id,
        date: s.stepDate,
        text: s.text,
        author: s.byMediator ? MEDIATOR_LABEL : s.authorName,
        byMediator: s.byMediator,
        createdAt: s.createdAt.toISOString(),
      })),
    };
  }

  private maskedPhone(enc: string | null): string | null {
    return enc ? maskPhone(this.pii.decrypt(enc)) : null;
  }
}
