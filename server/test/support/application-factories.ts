import { idCardCheckChar, type SubmitApplicationRequest } from '@jianghuai/shared';
import { bearer, type TestContext } from './test-app.js';
import { testNowMs, testToday } from './test-clock.js';

/** A valid 18-digit ID number (fictitious: area 340504) born on `birth` (YYYYMMDD), `seq` 0–999. */
export function makeIdNumber(birth: string, seq: number, sex: 'male' | 'female' = 'male'): string {
  let s = seq % 1000;
  if ((s % 2 === 1) !== (sex === 'male')) s = (s + 1) % 1000;
  const first17 = `340504${birth}${String(s).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
}

/** A birth date (YYYYMMDD) that makes someone `age` years old today. */
export function birthForAge(age: number): string {
  return `${Number(testToday().slice(0, 4)) - age}0101`;
}

let phoneSeq = 0;
/** Teaches the suite's sandbox a fresh getPhoneNumber code and returns it. */
export function phoneCode(ctx: TestContext, phone?: string): string {
  phoneSeq++;
  const code = `phone-code-${process.pid}-${phoneSeq}`;
  ctx.sandbox.registerPhoneCode(code, phone ?? `139${String(10000000 + phoneSeq).slice(-8)}`);
  return code;
}

let idSeq = 0;

/** A fresh valid ID number per call: the birth day walks through the year, so no two collide. */
function nextIdNumber(): string {
  idSeq++;
  const year = birthForAge(35).slice(0, 4);
  const day = new Date(Date.UTC(Number(year), 0, 1 + (idSeq % 360)));
  const birth = `${year}${String(day.getUTCMonth() + 1).padStart(2, '0')}${String(day.getUTCDate()).padStart(2, '0')}`;
  return makeIdNumber(birth, (Math.floor(idSeq / 360) * 2 + process.pid) % 1000);
}

export function applicationBody(
  ctx: TestContext,
  over: Partial<SubmitApplicationRequest> = {},
): SubmitApplicationRequest {
  return {
    name: '测试人',
    idNumber: nextIdNumber(),
    phoneCode: phoneCode(ctx),
    occupation: 'courier',
    residenceCommunityId: null,
    skills: [{ name: '急救', certificateNo: 'JJ-1', expiresOn: '2030-01-01' }],
    declarations: { noCriminalRecord: true, physicallyFit: true },
    agreementVersion: '2022.1',
    agreementSigned: true,
    ...over,
  };
}

/** Logs in a fresh WeChat user (sandbox name must be unique per test) and returns its token and id. */
export async function newApplicant(ctx: TestContext, name: string): Promise<{ token: string; userId: number }> {
  const login = await ctx.loginWechat(name);
  return { token: login.accessToken, userId: login.user.id };
}

export async function staffToken(ctx: TestContext, username: string): Promise<string> {
  return (await ctx.loginStaff(username)).accessToken;
}

export async function communityId(ctx: TestContext, code: string): Promise<number> {
  return (await ctx.org(code)).id;
}

export async function recordClearCheck(ctx: TestContext, token: string, appId: number): Promise<void> {
  await ctx
    .http()
    .post(`/api/admin/applications/${appId}/criminal-check`)
    .set(...bearer(token))
    .send({ result: 'clear', checkedBy: '王警官', checkedAt: new Date(testNowMs() - 3600_000).toISOString() })
    .expect(200);
}

/** Submits as a fresh applicant living in `communityCode` and returns the application id and applicant. */
export async function submitted(
  ctx: TestContext,
  sandboxName: string,
  communityCode = 'MAS-YS-PH-C1',
  over: Partial<SubmitApplicationRequest> = {},
) {
  const applicant = await newApplicant(ctx, sandboxName);
  const body = applicationBody(ctx, { residenceCommunityId: await communityId(ctx, communityCode), ...over });
  const res = await ctx
    .http()
    .post('/api/applications')
    .set(...bearer(applicant.token))
    .send(body);
  if (res.status !== 201) throw new Error(`submit failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id as number, applicant, body };
}

/** Fires the calls at once (on the embedded database the app serialises the transactions themselves). */
export async function atOnce<T>(calls: (() => Promise<T>)[]): Promise<T[]> {
  return Promise.all(calls.map((c) => c()));
}
