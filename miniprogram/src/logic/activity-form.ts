import {
  DEFAULT_HIGH_RISK_TYPES,
  type ActivityInput,
  type ActivityMode,
  type ActivityResponse,
  type ActivityType,
  type PointsRule,
  type RiskLevel,
  type SignupMode,
  type Skill,
  type VolunteerTier,
  RISK_LEVEL_LABELS,
  VOLUNTEER_TIER_LABELS,
} from '@jianghuai/shared';

/**
 * The staff activity form as the person typed it (strings), its checks, and its conversion to the
 * server's ActivityInput. Times are entered in Asia/Shanghai whatever the phone's zone.
 */
export interface ActivityForm {
  title: string;
  type: ActivityType;
  description: string;
  address: string;
  lat: string;
  lng: string;
  radiusM: string;
  /** YYYY-MM-DD and HH:MM, Shanghai time. */
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  capacity: string;
  pointsRule: PointsRule;
  pointsAmount: string;
  mode: ActivityMode;
  signupMode: SignupMode;
  requiresInsurance: boolean;
  /** 更多要求（选填）: every listed skill is needed; allowed tiers (none = any); an age range ('' = no limit). */
  skills: Skill[];
  tiers: VolunteerTier[];
  minAge: string;
  maxAge: string;
  /** '' follows the type (DEFAULT_HIGH_RISK_TYPES are high); otherwise what the officer chose. */
  riskLevel: '' | RiskLevel;
  /** Deadlines as Shanghai date and time; both '' = at the start. */
  signupDeadlineDate: string;
  signupDeadlineTime: string;
  cancelDeadlineDate: string;
  cancelDeadlineTime: string;
  /** Below it at the sign-up deadline the publisher is warned; '' = none. */
  minHeadcount: string;
  /** Limited to one team of the station; absent or null: open to all. */
  teamId?: number | null;
  /** The publishing unit (a unit of the officer's scope); absent: the officer's own unit. */
  orgUnitId?: number | null;
}

/** Age limits the form accepts (the application's age range). */
export const FORM_MIN_AGE = 18;
export const FORM_MAX_AGE = 70;

/** The risk level the activity gets: the officer's choice, else the type's default. */
export function effectiveRisk(f: Pick<ActivityForm, 'type' | 'riskLevel'>): RiskLevel {
  if (f.riskLevel) return f.riskLevel;
  return DEFAULT_HIGH_RISK_TYPES.includes(f.type) ? 'high' : 'normal';
}

/** Who may sign up and what is asked of them, in one line for the officer (null when nothing is asked). */
export function requirementsSummary(
  a: Pick<ActivityResponse, 'requirements' | 'riskLevel' | 'minHeadcount' | 'cancelDeadline' | 'startAt'>,
  formatTime: (iso: string) => string,
): string | null {
  const r = a.requirements;
  const parts: string[] = [];
  if (r.skills.length) parts.push(`技能 ${r.skills.join('、')}`);
  if (r.tiers.length) parts.push(`层级 ${r.tiers.map((t) => VOLUNTEER_TIER_LABELS[t]).join('、')}`);
  if (r.minAge !== null && r.maxAge !== null) parts.push(`年龄 ${r.minAge}–${r.maxAge} 岁`);
  else if (r.minAge !== null) parts.push(`年龄 ${r.minAge} 岁以上`);
  else if (r.maxAge !== null) parts.push(`年龄 ${r.maxAge} 岁以下`);
  if (r.requiresInsurance || a.riskLevel === 'high') parts.push('需有效保险');
  if (a.riskLevel === 'high') parts.push(RISK_LEVEL_LABELS.high);
  if (a.minHeadcount) parts.push(`最少 ${a.minHeadcount} 人`);
  if (a.cancelDeadline !== a.startAt) parts.push(`取消报名截止 ${formatTime(a.cancelDeadline)}`);
  return parts.length ? parts.join('；') : null;
}

/** Whether 更多要求（选填） holds anything beyond the defaults (then it starts open). */
export function hasMoreRequirements(f: ActivityForm): boolean {
  return (
    f.skills.length > 0 ||
    f.tiers.length > 0 ||
    !!f.minAge.trim() ||
    !!f.maxAge.trim() ||
    !!f.riskLevel ||
    !!(f.signupDeadlineDate || f.signupDeadlineTime || f.cancelDeadlineDate || f.cancelDeadlineTime) ||
    (!!f.minHeadcount.trim() && f.minHeadcount.trim() !== '0')
  );
}

export type FormErrors = Partial<Record<keyof ActivityForm, string>>;

const SHANGHAI_MS = 8 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** Shanghai calendar date and clock time of an instant. */
export function shanghaiParts(at: Date): { date: string; time: string } {
  const d = new Date(at.getTime() + SHANGHAI_MS);
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  };
}

/** `2026-11-29` + `09:30` (Shanghai) → the UTC instant, or null when either is malformed. */
export function shanghaiInstant(date: string, time: string): Date | null {
  const dm = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(date.trim());
  const tm = /^(\d{1,2})[:：](\d{2})$/.exec(time.trim());
  if (!dm || !tm) return null;
  const [y, mo, d, h, mi] = [Number(dm[1]), Number(dm[2]), Number(dm[3]), Number(tm[1]), Number(tm[2])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi);
  // 2026-02-31 would roll over to March: refuse it instead.
  if (new Date(utc).getUTCDate() !== d) return null;
  return new Date(utc - SHANGHAI_MS);
}

/** A new activity: tomorrow 09:00–11:00, a patrol, 300 m, 20 places, 10 points per activity. */
export function emptyForm(now: Date): ActivityForm {
  const tomorrow = shanghaiParts(new Date(now.getTime() + 86_400_000)).date;
  return {
    title: '',
    type: 'street_patrol',
    description: '',
    address: '',
    lat: '',
    lng: '',
    radiusM: '300',
    startDate: tomorrow,
    startTime: '09:00',
    endDate: tomorrow,
    endTime: '11:00',
    capacity: '20',
    pointsRule: 'per_activity',
    pointsAmount: '10',
    mode: 'daily',
    signupMode: 'instant',
    requiresInsurance: false,
    skills: [],
    tiers: [],
    minAge: '',
    maxAge: '',
    riskLevel: '',
    signupDeadlineDate: '',
    signupDeadlineTime: '',
    cancelDeadlineDate: '',
    cancelDeadlineTime: '',
    minHeadcount: '',
  };
}

/** A deadline as the form shows it: empty when it is the start (the default). */
function deadlineParts(at: string, startAt: string): { date: string; time: string } {
  return new Date(at).getTime() === new Date(startAt).getTime() ? { date: '', time: '' } : shanghaiParts(new Date(at));
}

export function formFromActivity(a: ActivityResponse): ActivityForm {
  const start = shanghaiParts(new Date(a.startAt));
  const end = shanghaiParts(new Date(a.endAt));
  const signup = deadlineParts(a.signupDeadline, a.startAt);
  const cancel = deadlineParts(a.cancelDeadline, a.startAt);
  const req = a.requirements;
  return {
    title: a.title,
    type: a.type,
    description: a.description,
    address: a.location.address,
    lat: String(a.location.lat),
    lng: String(a.location.lng),
    radiusM: String(a.location.radiusM),
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    capacity: String(a.capacity),
    pointsRule: a.pointsRule,
    pointsAmount: String(a.pointsAmount),
    mode: a.mode,
    signupMode: a.signupMode,
    requiresInsurance: req.requiresInsurance,
    skills: [...req.skills],
    tiers: [...req.tiers],
    minAge: req.minAge === null ? '' : String(req.minAge),
    maxAge: req.maxAge === null ? '' : String(req.maxAge),
    riskLevel: a.riskLevel === effectiveRisk({ type: a.type, riskLevel: '' }) ? '' : a.riskLevel,
    signupDeadlineDate: signup.date,
    signupDeadlineTime: signup.time,
    cancelDeadlineDate: cancel.date,
    cancelDeadlineTime: cancel.time,
    minHeadcount: a.minHeadcount ? String(a.minHeadcount) : '',
    teamId: a.teamId,
    orgUnitId: a.orgUnit.id,
  };
}

function intIn(raw: string, min: number, max: number): number | null {
  const s = raw.trim();
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
}

function numIn(raw: string, min: number, max: number): number | null {
  const s = raw.trim();
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
}

/** Every problem, each in words next to its field. `isNew` also refuses a start in the past. */
export function validateActivityForm(f: ActivityForm, now: Date, isNew: boolean): FormErrors {
  const e: FormErrors = {};
  const title = f.title.trim();
  if (title.length < 2) e.title = '请填写活动名称（至少 2 个字）';
  else if (title.length > 100) e.title = '活动名称不能超过 100 个字';
  if (f.description.length > 2000) e.description = '活动说明不能超过 2000 个字';
  if (!f.address.trim()) e.address = '请填写活动地点';
  else if (f.address.trim().length > 200) e.address = '地点不能超过 200 个字';
  if (numIn(f.lat, -90, 90) === null) e.lat = '请填写纬度，例如 31.6705（可点“在地图上选点”）';
  if (numIn(f.lng, -180, 180) === null) e.lng = '请填写经度，例如 118.5065';
  if (intIn(f.radiusM, 10, 50_000) === null) e.radiusM = '签到范围填 10 到 50000 之间的整数（米）';
  const start = shanghaiInstant(f.startDate, f.startTime);
  const end = shanghaiInstant(f.endDate, f.endTime);
  if (!start) e.startTime = '开始时间格式不对：日期如 2026-12-01，时间如 09:00';
  if (!end) e.endTime = '结束时间格式不对：日期如 2026-12-01，时间如 11:00';
  if (start && end && end <= start) e.endTime = '结束时间要晚于开始时间';
  if (start && isNew && start.getTime() <= now.getTime()) e.startTime = '开始时间已经过去，请改为以后的时间';
  const capacity = intIn(f.capacity, 1, 100_000);
  if (capacity === null) e.capacity = '名额填 1 到 100000 之间的整数';
  if (intIn(f.pointsAmount, 0, 10_000) === null) e.pointsAmount = '积分填 0 到 10000 之间的整数';
  Object.assign(e, validateMore(f, { start, now, isNew, capacity }));
  return e;
}

/** The optional deadline of `label`: null when not set, an instant, or a problem in words. */
function deadline(date: string, time: string, label: string): Date | null | string {
  if (!date.trim() && !time.trim()) return null;
  if (!date.trim() || !time.trim()) return `请同时选择${label}的日期和时间`;
  return shanghaiInstant(date, time) ?? `${label}格式不对：日期如 2026-12-01，时间如 09:00`;
}

/** Checks of 更多要求（选填）: ages, deadlines (not after the start) and the minimum headcount. */
function validateMore(
  f: ActivityForm,
  c: { start: Date | null; now: Date; isNew: boolean; capacity: number | null },
): FormErrors {
  const e: FormErrors = {};
  const age = (raw: string) => (raw.trim() ? intIn(raw, FORM_MIN_AGE, FORM_MAX_AGE) : undefined);
  const ageText = `年龄填 ${FORM_MIN_AGE} 到 ${FORM_MAX_AGE} 之间的整数，不限就空着`;
  const minAge = age(f.minAge);
  const maxAge = age(f.maxAge);
  if (minAge === null) e.minAge = `最小${ageText}`;
  if (maxAge === null) e.maxAge = `最大${ageText}`;
  if (typeof minAge === 'number' && typeof maxAge === 'number' && minAge > maxAge)
    e.maxAge = '最大年龄不能小于最小年龄';
  const checks = [
    ['signupDeadlineTime', deadline(f.signupDeadlineDate, f.signupDeadlineTime, '报名截止'), '报名截止'],
    ['cancelDeadlineTime', deadline(f.cancelDeadlineDate, f.cancelDeadlineTime, '取消截止'), '取消报名截止'],
  ] as const;
  for (const [key, at, label] of checks) {
    if (typeof at === 'string') e[key] = at;
    else if (at && c.start && at > c.start) e[key] = `${label}不能晚于开始时间`;
    else if (at && c.isNew && at.getTime() <= c.now.getTime()) e[key] = `${label}时间已经过去，请改为以后的时间`;
  }
  if (f.minHeadcount.trim()) {
    const min = intIn(f.minHeadcount, 0, 100_000);
    if (min === null) e.minHeadcount = '最少人数填整数，不需要就空着';
    else if (c.capacity !== null && min > c.capacity) e.minHeadcount = `最少人数不能多于名额（${c.capacity} 人）`;
  }
  return e;
}

export function firstError(errors: FormErrors): string | null {
  const values = Object.values(errors).filter(Boolean);
  return values.length ? `还有 ${values.length} 处需要修改：${values[0]}` : null;
}

/** The request body of a valid form (call validateActivityForm first). */
export function toActivityInput(f: ActivityForm): ActivityInput {
  return {
    title: f.title.trim(),
    type: f.type,
    description: f.description.trim(),
    location: { address: f.address.trim(), lat: Number(f.lat), lng: Number(f.lng), radiusM: Number(f.radiusM) },
    startAt: shanghaiInstant(f.startDate, f.startTime)!.toISOString(),
    endAt: shanghaiInstant(f.endDate, f.endTime)!.toISOString(),
    capacity: Number(f.capacity),
    pointsRule: f.pointsRule,
    pointsAmount: Number(f.pointsAmount),
    mode: f.mode,
    signupMode: f.signupMode,
    riskLevel: effectiveRisk(f),
    requirements: {
      skills: [...f.skills],
      tiers: [...f.tiers],
      minAge: f.minAge.trim() ? Number(f.minAge) : null,
      maxAge: f.maxAge.trim() ? Number(f.maxAge) : null,
      requiresInsurance: f.requiresInsurance,
    },
    minHeadcount: f.minHeadcount.trim() ? Number(f.minHeadcount) : 0,
    ...deadlineInput('signupDeadline', f.signupDeadlineDate, f.signupDeadlineTime),
    ...deadlineInput('cancelDeadline', f.cancelDeadlineDate, f.cancelDeadlineTime),
    ...(f.teamId ? { teamId: f.teamId } : {}),
    ...(f.orgUnitId ? { orgUnitId: f.orgUnitId } : {}),
  };
}

function deadlineInput(key: 'signupDeadline' | 'cancelDeadline', date: string, time: string): Partial<ActivityInput> {
  const at = date.trim() && time.trim() ? shanghaiInstant(date, time) : null;
  return at ? { [key]: at.toISOString() } : {};
}

/**
 * An update (PUT) of every field. `signupMode` cannot change once published (the server refuses it): left out then.
 * The publishing unit is fixed once created; the team is sent as chosen (null: open to all again).
 */
export function toUpdateInput(f: ActivityForm, status: ActivityResponse['status']): Partial<ActivityInput> {
  const input: Partial<ActivityInput> = { ...toActivityInput(f), teamId: f.teamId ?? null };
  if (status !== 'draft') delete input.signupMode;
  delete input.orgUnitId;
  return input;
}

// ── drafts: nothing typed is lost when the network drops or the app is closed ──

export interface DraftStorage {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  remove(key: string): void;
}

const DRAFT_VERSION = 1;
export const draftKey = (activityId: number | null) => `jh:activity-form:${activityId ?? 'new'}`;

interface StoredDraft {
  v: number;
  savedAt: string;
  form: ActivityForm;
}

export function saveDraft(store: DraftStorage, activityId: number | null, form: ActivityForm, now: Date): void {
  const value: StoredDraft = { v: DRAFT_VERSION, savedAt: now.toISOString(), form };
  store.set(draftKey(activityId), value);
}

/** The saved draft, or null when there is none or it is from an older app version / damaged. */
export function loadDraft(
  store: DraftStorage,
  activityId: number | null,
): { form: ActivityForm; savedAt: string } | null {
  const raw = store.get(draftKey(activityId)) as Partial<StoredDraft> | null | undefined;
  if (!raw || typeof raw !== 'object' || raw.v !== DRAFT_VERSION || !raw.form || typeof raw.form !== 'object')
    return null;
  const base = emptyForm(new Date());
  const form = { ...base } as ActivityForm;
  const stored = raw.form as unknown as Record<string, unknown>;
  for (const key of Object.keys(base) as (keyof ActivityForm)[]) {
    const value = stored[key];
    if (Array.isArray(base[key]) ? Array.isArray(value) : typeof value === typeof base[key])
      (form as unknown as Record<string, unknown>)[key] = value;
  }
  for (const key of ['teamId', 'orgUnitId'] as const)
    if (typeof stored[key] === 'number' || stored[key] === null) form[key] = stored[key] as number | null;
  return { form, savedAt: typeof raw.savedAt === 'string' ? raw.savedAt : '' };
}

export function clearDraft(store: DraftStorage, activityId: number | null): void {
  store.remove(draftKey(activityId));
}

/** True when the form differs from where it started (worth keeping as a draft). */
export function formChanged(a: ActivityForm, b: ActivityForm): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof ActivityForm)[]);
  return [...keys].some((k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null));
}
