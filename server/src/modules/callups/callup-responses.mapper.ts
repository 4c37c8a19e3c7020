import type { MyCallupResponse, MyCallupSummary } from '@jianghuai/shared';
import type { Callup } from './entities/callup.entity.js';
import type { CallupRecipient } from './entities/callup-recipient.entity.js';

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

export function toMyCallupSummary(c: Callup, r: CallupRecipient, unitName: string): MyCallupSummary {
  return {
    id: c.id,
    kind: c.kind,
    mode: c.mode,
    title: c.title,
    unitName,
    callupStatus: c.status,
    myStatus: r.status,
    deadlineAt: c.deadlineAt.toISOString(),
    createdAt: c.createdAt.toISOString(),
  };
}

export function toMyCallup(c: Callup, r: CallupRecipient, unitName: string, canShowQr: boolean): MyCallupResponse {
  return {
    ...toMyCallupSummary(c, r, unitName),
    task: c.task,
    rally: { address: c.rallyAddress, lat: c.rallyLat, lng: c.rallyLng, radiusM: c.rallyRadiusM },
    items: c.kind === 'verification' ? (c.items ?? []) : [],
    askedAt: r.askedAt.toISOString(),
    acceptedAt: iso(r.acceptedAt),
    declinedAt: iso(r.declinedAt),
    declineReason: r.declineReason ?? null,
    arrivedAt: iso(r.arrivedAt),
    arrivedBy: r.arrivedBy ?? null,
    reportedAt: iso(r.reportedAt),
    reportText: r.reportText ?? null,
    reportPhotoIds: r.reportPhotoIds ?? [],
    reportItems: r.reportItems ?? [],
    pointsAwarded: r.pointsAwarded,
    canShowQr,
  };
}
