import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { ActivityInput, ActivityResponse, VolunteerSkill, VolunteerTier } from '@jianghuai/shared';
import { Activity } from '../../src/modules/activities/entities/activity.entity.js';
import { User } from '../../src/modules/users/user.entity.js';
import { Volunteer } from '../../src/modules/volunteers/volunteer.entity.js';
import { RefreshToken } from '../../src/modules/auth/refresh-token.entity.js';
import { Clock } from '../../src/common/clock/clock.js';
import { bearer, type TestContext } from './test-app.js';
import { testNow, testNowMs } from './test-clock.js';

export interface TestVolunteer {
  userId: number;
  volunteerId: number;
  token: string;
}

let seq = 0;

/**
 * Approved volunteers straight into the tables (the application flow is another suite's job),
 * in batches, each with a real login (a refresh-token family row, as a login creates) and an access
 * token for it signed by the app's own JwtService, instead of logging each in.
 */
export async function createVolunteers(
  ctx: TestContext,
  count: number,
  opts: {
    stationCode?: string;
    tier?: VolunteerTier;
    skills?: VolunteerSkill[];
    birthDate?: string;
    status?: Volunteer['status'];
  } = {},
): Promise<TestVolunteer[]> {
  const station = await ctx.org(opts.stationCode ?? 'MAS-YS-PH');
  const now = testNow();
  const batch = `${process.pid}-${Date.now()}-${++seq}`;
  const out: TestVolunteer[] = [];
  for (let i = 0; i < count; i += 200) {
    const n = Math.min(200, count - i);
    const users = Array.from({ length: n }, (_, k) => ({
      openid: `vol-${batch}-${i + k}`,
      displayName: `义警${i + k}`,
      roles: [],
      status: 'active' as const,
      failedLogins: 0,
      createdAt: now,
      updatedAt: now,
    }));
    await ctx.dataSource.getRepository(User).insert(users);
    const saved = await ctx.dataSource
      .getRepository(User)
      .find({ where: users.map((u) => ({ openid: u.openid })), select: { id: true, openid: true } });
    const byOpenid = new Map(saved.map((u) => [u.openid, u.id]));
    const vols = users.map((u, k) => ({
      userId: byOpenid.get(u.openid)!,
      memberNo: `T${batch.slice(-8)}${String(i + k).padStart(5, '0')}`.slice(0, 20),
      status: opts.status ?? 'active',
      stationId: station.id,
      tier: opts.tier ?? 'basic',
      skills: opts.skills ?? [],
      birthDate: opts.birthDate ?? '1980-01-01',
      serviceMinutes: 0,
      lastDutyAt: null,
      joinedAt: now,
      createdAt: now,
    }));
    await ctx.dataSource.getRepository(Volunteer).insert(vols);
    const savedVols = await ctx.dataSource
      .getRepository(Volunteer)
      .find({ where: vols.map((v) => ({ userId: v.userId })), select: { id: true, userId: true } });
    const volByUser = new Map(savedVols.map((v) => [v.userId, v.id]));
    const logins = await mintLogins(
      ctx,
      users.map((u) => byOpenid.get(u.openid)!),
    );
    for (const u of users) {
      const userId = byOpenid.get(u.openid)!;
      out.push({ userId, volunteerId: volByUser.get(userId)!, token: logins.get(userId)! });
    }
  }
  return out;
}

/**
 * One login per user, as the auth service makes it: a refresh-token family row, and an access
 * token carrying that family as its `sid` (the guard refuses tokens without one, and logout or a
 * revoked family ends them), issued at the app clock's time.
 */
export async function mintLogins(ctx: TestContext, userIds: number[]): Promise<Map<number, string>> {
  const jwt = ctx.app.get(JwtService);
  const clock = ctx.app.get(Clock);
  const now = clock.now();
  const rows = userIds.map((userId) => ({
    userId,
    familyId: randomUUID(),
    tokenHash: createHash('sha256').update(randomBytes(32)).digest('hex'),
    expiresAt: new Date(now.getTime() + 86_400_000),
    rotatedAt: null,
    revokedAt: null,
    createdAt: now,
  }));
  for (let i = 0; i < rows.length; i += 400)
    await ctx.dataSource.getRepository(RefreshToken).insert(rows.slice(i, i + 400));
  const iat = Math.floor(clock.nowMs() / 1000);
  return new Map(
    rows.map((r) => [r.userId, jwt.sign({ sub: r.userId, typ: 'access', sid: r.familyId, iat }, { expiresIn: 3600 })]),
  );
}

export const PINGHU = { lat: 31.6612, lng: 118.5037 };

export function activityInput(over: Partial<ActivityInput> = {}): ActivityInput {
  const start = new Date(testNowMs() + 2 * 86_400_000);
  return {
    title: '平湖片区夜间巡逻',
    type: 'street_patrol',
    description: '沿湖巡逻，注意防溺水宣传',
    location: { address: '平湖派出所门口', lat: PINGHU.lat, lng: PINGHU.lng, radiusM: 300 },
    startAt: start.toISOString(),
    endAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
    capacity: 10,
    pointsRule: 'per_hour',
    pointsAmount: 10,
    mode: 'daily',
    signupMode: 'instant',
    ...over,
  };
}

/** Creates and publishes through the API as the given staff member. */
export async function publishActivity(
  ctx: TestContext,
  staffToken: string,
  over: Partial<ActivityInput> = {},
): Promise<ActivityResponse> {
  const created = await ctx
    .http()
    .post('/api/admin/activities')
    .set(...bearer(staffToken))
    .send(activityInput(over));
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const published = await ctx
    .http()
    .post(`/api/admin/activities/${created.body.id}/publish`)
    .set(...bearer(staffToken));
  if (published.status !== 200)
    throw new Error(`publish failed: ${published.status} ${JSON.stringify(published.body)}`);
  return published.body as ActivityResponse;
}

/** Moves an activity in time (the clock cannot be moved for the HTTP server). */
export async function shiftActivity(ctx: TestContext, id: number, startAt: Date, endAt: Date): Promise<void> {
  await ctx.dataSource
    .getRepository(Activity)
    .update({ id }, { startAt, endAt, signupDeadline: startAt, cancelDeadline: startAt });
}

export const minutesFromNow = (m: number) => new Date(testNowMs() + m * 60_000);
