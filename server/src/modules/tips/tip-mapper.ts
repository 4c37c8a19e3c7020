import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  apiPath,
  FILE_ROUTES,
  maskPersonName,
  type AdminTipResponse,
  type MyTipResponse,
  type TipMessageResponse,
  type TipPhoto as TipPhotoResponse,
} from '@jianghuai/shared';
import { OrgService } from '../org/org.service.js';
import { UserQueries } from '../users/user-queries.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { TipEvent } from './entities/tip-event.entity.js';
import type { TipMessage } from './entities/tip-message.entity.js';
import { TipPhoto } from './entities/tip-photo.entity.js';
import type { Tip } from './entities/tip.entity.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Tip rows to responses: the submitter's public view, and the staff view with the submitter masked. */
@Injectable()
export class TipMapper {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly org: OrgService,
    private readonly volunteers: VolunteerQueries,
    private readonly users: UserQueries,
  ) {}

  async mine(tips: Tip[], withPhotos = true): Promise<MyTipResponse[]> {
    const stations = new Map(
      (await this.org.findByIds([...new Set(tips.map((t) => t.orgUnitId))])).map((u) => [u.id, u.name]),
    );
    const photos = withPhotos ? await this.photos(tips.map((t) => t.id)) : new Map<number, TipPhotoResponse[]>();
    return tips.map((t) => ({
      id: t.id,
      category: t.category,
      text: t.text,
      occurredAt: t.occurredAt.toISOString(),
      address: t.address,
      lat: t.lat,
      lng: t.lng,
      urgency: t.urgency,
      status: t.status,
      stationName: stations.get(t.orgUnitId) ?? '',
      result: t.result,
      rejectReason: t.rejectReason,
      rewardPoints: t.grade ? t.gradePoints : null,
      photos: photos.get(t.id) ?? [],
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
    }));
  }

  async admin(tips: Tip[], withDetail = false): Promise<AdminTipResponse[]> {
    const base = await this.mine(tips, withDetail);
    const submitters = await this.maskedSubmitters(tips.map((t) => t.volunteerId));
    const events = withDetail ? await this.events(tips.map((t) => t.id)) : new Map<number, TipEvent[]>();
    return tips.map((t, i) => ({
      ...base[i],
      orgUnitId: t.orgUnitId,
      submitter: submitters.get(t.volunteerId) ?? '义警',
      assignedOrgUnitId: t.assignedOrgUnitId,
      assignedUserId: t.assignedUserId,
      duplicateOfId: t.duplicateOfId,
      acceptedAt: iso(t.acceptedAt),
      closedAt: iso(t.closedAt),
      escalatedAt: iso(t.escalatedAt),
      version: t.version,
      grade: t.grade,
      gradePoints: t.gradePoints,
      gradedAt: iso(t.gradedAt),
      events: (events.get(t.id) ?? []).map((e) => ({
        action: e.action,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        actorName: e.actorUserId === t.submitterUserId ? (submitters.get(t.volunteerId) ?? '义警') : e.actorName,
        createdAt: e.createdAt.toISOString(),
      })),
    }));
  }

  /** `张* · MAS2026000001` per volunteer id. */
  async maskedSubmitters(volunteerIds: number[]): Promise<Map<number, string>> {
    const found = await this.volunteers.findByIds([...new Set(volunteerIds)]);
    return new Map(found.map((v) => [v.id, `${maskPersonName(v.name)} · ${v.memberNo}`]));
  }

  /** The thread as the submitter sees it (handlers are 民警) or as staff see it (names; the submitter masked). */
  async messages(tip: Tip, rows: TipMessage[], forStaff: boolean): Promise<TipMessageResponse[]> {
    const names = forStaff
      ? new Map(
          (await this.users.findByIds([...new Set(rows.filter((r) => r.fromStaff).map((r) => r.authorUserId))])).map(
            (u) => [u.id, u.displayName],
          ),
        )
      : new Map<number, string>();
    const submitter = forStaff
      ? ((await this.maskedSubmitters([tip.volunteerId])).get(tip.volunteerId) ?? '义警')
      : '我';
    return rows.map((r) => ({
      id: r.id,
      fromStaff: r.fromStaff,
      author: r.fromStaff ? (forStaff ? (names.get(r.authorUserId) ?? '民警') : '民警') : submitter,
      internal: r.internal,
      text: r.text,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  private async photos(tipIds: number[]): Promise<Map<number, TipPhotoResponse[]>> {
    const out = new Map<number, TipPhotoResponse[]>();
    if (!tipIds.length) return out;
    const rows = await this.ds
      .getRepository(TipPhoto)
      .find({ where: { tipId: In(tipIds) }, order: { tipId: 'ASC', position: 'ASC' } });
    for (const r of rows) {
      const list = out.get(r.tipId) ?? [];
      list.push({
        fileId: r.fileId,
        url: `/api${apiPath(FILE_ROUTES.file, { id: r.fileId })}`,
        thumbUrl: `/api${apiPath(FILE_ROUTES.thumb, { id: r.fileId })}`,
      });
      out.set(r.tipId, list);
    }
    return out;
  }

  private async events(tipIds: number[]): Promise<Map<number, TipEvent[]>> {
    const out = new Map<number, TipEvent[]>();
    if (!tipIds.length) return out;
    const rows = await this.ds.getRepository(TipEvent).find({ where: { tipId: In(tipIds) }, order: { id: 'ASC' } });
    for (const r of rows) out.set(r.tipId, [...(out.get(r.tipId) ?? []), r]);
    return out;
  }
}
