import { randomUUID } from 'node:crypto';
import type { CallupItem, CallupKind, CallupMode, RecipientStatus } from '@jianghuai/shared';
import { Callup } from '../../src/modules/callups/entities/callup.entity.js';
import { CallupRecipient } from '../../src/modules/callups/entities/callup-recipient.entity.js';
import type { TestContext } from './test-app.js';
import type { TestVolunteer } from './activity-factories.js';
import { PINGHU } from './activity-factories.js';

export interface CallupFixture {
  unitCode?: string;
  mode?: CallupMode;
  kind?: CallupKind;
  items?: CallupItem[];
  title?: string;
  createdAt?: Date;
  deadlineAt?: Date;
  teamId?: number | null;
  status?: 'open' | 'closed';
  rallyRadiusM?: number;
  wanted?: number | null;
}

/**
 * A sent call-up straight into its tables (sending and targeting are another suite's job): the sender's unit, the
 * rally point at 平湖派出所, the recipients as given (their station from their archive's station code).
 */
export async function insertCallup(
  ctx: TestContext,
  recipients: (TestVolunteer & { stationCode?: string })[],
  f: CallupFixture = {},
): Promise<{ callup: Callup; recipients: CallupRecipient[] }> {
  const unit = await ctx.org(f.unitCode ?? 'MAS-YS-PH');
  const now = ctx.clock.now();
  const createdAt = f.createdAt ?? now;
  const repo = ctx.dataSource.getRepository(Callup);
  const callup = await repo.save(
    repo.create({
      orgUnitId: unit.id,
      orgPath: unit.path,
      unitName: unit.name,
      kind: f.kind ?? 'ordinary',
      mode: f.mode ?? 'immediate',
      title: f.title ?? '平湖片区巡查',
      task: '到集合点集合，听从现场民警安排',
      rallyAddress: '平湖派出所门口',
      rallyLat: PINGHU.lat,
      rallyLng: PINGHU.lng,
      rallyRadiusM: f.rallyRadiusM ?? 500,
      deadlineAt: f.deadlineAt ?? new Date(createdAt.getTime() + 2 * 3600_000),
      target: { unitId: unit.id, teamId: f.teamId ?? null },
      targetName: unit.name,
      wanted: f.wanted ?? null,
      items: f.items ?? [],
      planId: null,
      wartimeStateId: null,
      status: f.status ?? 'open',
      requestId: randomUUID(),
      createdByUserId: 1,
      createdByName: '测试民警',
      createdAt,
      closedAt: f.status === 'closed' ? now : null,
      closedByUserId: null,
      closedByName: null,
    } as Partial<Callup>),
  );
  const stations = new Map<string, number>();
  for (const r of recipients) {
    const code = r.stationCode ?? 'MAS-YS-PH';
    if (!stations.has(code)) stations.set(code, (await ctx.org(code)).id);
  }
  const rows = recipients.map((r) => ({
    callupId: callup.id,
    volunteerId: r.volunteerId,
    userId: r.userId,
    stationId: stations.get(r.stationCode ?? 'MAS-YS-PH')!,
    source: 'direct' as const,
    drawId: null,
    status: 'asked' as RecipientStatus,
    askedAt: createdAt,
    pointsAwarded: 0,
  }));
  for (let i = 0; i < rows.length; i += 400)
    await ctx.dataSource.getRepository(CallupRecipient).insert(rows.slice(i, i + 400));
  const saved = await ctx.dataSource.getRepository(CallupRecipient).find({
    where: { callupId: callup.id },
    order: { id: 'ASC' },
  });
  return { callup, recipients: saved };
}

/** Moves one recipient along by hand: the times given, as seconds after the call-up was sent. */
export async function setProgress(
  ctx: TestContext,
  callup: Callup,
  recipientId: number,
  p: { acceptS?: number; declineS?: number; arriveS?: number; reportS?: number },
): Promise<void> {
  const at = (s: number | undefined) => (s === undefined ? null : new Date(callup.createdAt.getTime() + s * 1000));
  const status: RecipientStatus =
    p.reportS !== undefined
      ? 'reported'
      : p.arriveS !== undefined
        ? 'arrived'
        : p.acceptS !== undefined
          ? 'accepted'
          : p.declineS !== undefined
            ? 'declined'
            : 'asked';
  await ctx.dataSource.getRepository(CallupRecipient).update(
    { id: recipientId },
    {
      status,
      acceptedAt: at(p.acceptS),
      declinedAt: at(p.declineS),
      arrivedAt: at(p.arriveS),
      arrivedBy: p.arriveS === undefined ? null : 'location',
      reportedAt: at(p.reportS),
    },
  );
}
