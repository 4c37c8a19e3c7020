import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { CallupItem, CallupKind, CallupMode } from '@jianghuai/shared';
import type { Clock } from '../../src/common/clock/clock.js';
import { readArea } from '../../src/config/config-area.js';
import { callupFanoutConfig } from '../../src/config/callup-fanout.config.js';
import { callupsConfig } from '../../src/config/callups.config.js';
import { smsConfig } from '../../src/config/sms.config.js';
import { CallupBoardService } from '../../src/modules/callups/callup-board.service.js';
import { CallupFanout } from '../../src/modules/callups/callup-fanout.service.js';
import { CallupQrCodes } from '../../src/modules/callups/callup-qr.js';
import { CallupReach } from '../../src/modules/callups/callup-reach.js';
import { CallupResponsesService } from '../../src/modules/callups/callup-responses.service.js';
import { CallupSpeedQueries } from '../../src/modules/callups/callup-speed.queries.js';
import { Callup } from '../../src/modules/callups/entities/callup.entity.js';
import { CallupRecipient } from '../../src/modules/callups/entities/callup-recipient.entity.js';
import { FilePurposes } from '../../src/modules/files/file-purposes.js';
import { LocalDiskStorage } from '../../src/modules/files/file-storage.js';
import { UploadQuota } from '../../src/modules/files/upload-quota.js';
import { UploadsService } from '../../src/modules/files/uploads.service.js';
import { UserQueries } from '../../src/modules/users/user-queries.js';
import { VolunteerQueries } from '../../src/modules/volunteers/volunteer-queries.js';
import { WartimeQueries } from '../../src/modules/wartime/wartime-queries.js';
import { WartimeState } from '../../src/modules/wartime/wartime-state.entity.js';
import type { OrgUnit } from '../../src/modules/org/org-unit.entity.js';
import { unitActivitiesConfig, unitTeams } from './factories-activities.js';
import { unitVolunteerReach } from './factories-alerts.js';
import { unitPointsLedger } from './factories-points.js';
import { FakeSmsSender, unitSms } from './factories-sms.js';
import { FakeWechat, unitNotifications, unitOrg } from './factories.js';

/** A guard's side of call-ups on the real schema: the real ledger, uploads, teams and org. */
export function unitCallupResponses(
  ds: DataSource,
  clock: Clock,
  env: Record<string, string> = {},
): CallupResponsesService {
  const config = readArea(callupsConfig.read, env);
  const storageCfg = { driver: 'local' as const, localDir: '/nonexistent', maxImageBytes: 1024, maxFilesPerDay: 1 };
  const uploads = new UploadsService(
    ds,
    clock,
    new LocalDiskStorage(storageCfg.localDir),
    new FilePurposes(),
    new UploadQuota(ds, clock, storageCfg),
    storageCfg,
  );
  return new CallupResponsesService(
    ds,
    config,
    unitActivitiesConfig(env),
    clock,
    unitPointsLedger(ds, clock),
    unitNotifications(ds, clock, new FakeWechat()),
    uploads,
    unitOrg(ds),
    unitTeams(ds),
    new CallupQrCodes(config, clock),
    new WartimeQueries(ds.getRepository(WartimeState)),
  );
}

/** The board and speed figures on the real schema, the reach read from the real fan-out's records. */
export function unitCallupBoard(ds: DataSource, clock: Clock, env: Record<string, string> = {}): CallupBoardService {
  const config = readArea(callupsConfig.read, env);
  const fanout = new CallupFanout(
    ds,
    unitNotifications(ds, clock, new FakeWechat()),
    unitSms(ds, clock, new FakeSmsSender()),
    unitVolunteerReach(ds, clock),
    clock,
    readArea(callupFanoutConfig.read, {}),
    readArea(smsConfig.read, { NODE_ENV: 'test' }),
  );
  return new CallupBoardService(
    ds,
    config,
    clock,
    unitOrg(ds),
    new UserQueries(ds),
    new VolunteerQueries(ds),
    new CallupQrCodes(config, clock),
    new CallupReach(fanout),
    new CallupSpeedQueries(ds, unitOrg(ds)),
  );
}

/** A sent call-up of `unit` with its recipients (volunteer, user and station as given), straight into the tables. */
export async function createCallup(
  ds: DataSource,
  unit: OrgUnit,
  createdAt: Date,
  recipients: { volunteerId: number; userId: number; stationId: number | null }[],
  over: { kind?: CallupKind; mode?: CallupMode; items?: CallupItem[]; deadlineAt?: Date; teamId?: number } = {},
): Promise<{ callup: Callup; recipients: CallupRecipient[] }> {
  const repo = ds.getRepository(Callup);
  const callup = await repo.save(
    repo.create({
      orgUnitId: unit.id,
      orgPath: unit.path,
      unitName: unit.name,
      kind: over.kind ?? 'ordinary',
      mode: over.mode ?? 'immediate',
      title: '集合巡查',
      task: '到集合点集合',
      rallyAddress: '派出所门口',
      rallyLat: 31.66,
      rallyLng: 118.5,
      rallyRadiusM: 500,
      deadlineAt: over.deadlineAt ?? new Date(createdAt.getTime() + 3600_000),
      target: { unitId: unit.id, teamId: over.teamId ?? null },
      targetName: unit.name,
      wanted: null,
      items: over.items ?? [],
      planId: null,
      wartimeStateId: null,
      status: 'open',
      requestId: randomUUID(),
      createdByUserId: 1,
      createdByName: '测试民警',
      createdAt,
      closedAt: null,
      closedByUserId: null,
      closedByName: null,
    } as Partial<Callup>),
  );
  if (recipients.length)
    await ds.getRepository(CallupRecipient).insert(
      recipients.map((r) => ({
        ...r,
        callupId: callup.id,
        source: 'direct' as const,
        drawId: null,
        status: 'asked' as const,
        askedAt: createdAt,
        pointsAwarded: 0,
      })),
    );
  const rows = await ds.getRepository(CallupRecipient).find({ where: { callupId: callup.id }, order: { id: 'ASC' } });
  return { callup, recipients: rows };
}
