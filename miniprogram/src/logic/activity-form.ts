import {
  DEFAULT_HIGH_RISK_TYPES,
  type ActivityInput,
  type ActivityMode,
  type ActivityResponse,
  type ActivityType,
  type PointsRule,
  type SignupMode,
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
  /** Limited to one team of the station (new activities only); absent or null: open to all. */
  teamId?: number | null;
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
  };
}

export function formFromActivity(a: ActivityResponse): ActivityForm {
  const start = shanghaiParts(new Date(a.startAt));
  const end = shanghaiParts(new Date(a.endAt));
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
    requiresInsurance: a.requirements.requiresInsurance,
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
  if (intIn(f.capacity, 1, 100_000) === null) e.capacity = '名额填 1 到 100000 之间的整数';
  if (intIn(f.pointsAmount, 0, 10_000) === null) e.pointsAmount = '积分填 0 到 10000 之间的整数';
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
    riskLevel: DEFAULT_HIGH_RISK_TYPES.includes(f.type) ? 'high' : 'normal',
    requirements: { requiresInsurance: f.requiresInsurance },
    ...(f.teamId ? { teamId: f.teamId } : {}),
  };
}

/** `signupMode` cannot change once published (the server refuses it): leave it out of a PATCH then. */
export function toUpdateInput(f: ActivityForm, status: ActivityResponse['status']): Partial<ActivityInput> {
  const input: Partial<ActivityInput> = { ...toActivityInput(f) };
  if (status !== 'draft') delete input.signupMode;
  delete input.teamId; // chosen when the activity is created
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
  for (const key of Object.keys(base) as (keyof ActivityForm)[]) {
    const value = (raw.form as unknown as Record<string, unknown>)[key];
    if (typeof value === typeof base[key]) (form as unknown as Record<string, unknown>)[key] = value;
  }
  return { form, savedAt: typeof raw.savedAt === 'string' ? raw.savedAt : '' };
}

export function clearDraft(store: DraftStorage, activityId: number | null): void {
  store.remove(draftKey(activityId));
}

/** True when the form differs from where it started (worth keeping as a draft). */
export function formChanged(a: ActivityForm, b: ActivityForm): boolean {
  return (Object.keys(a) as (keyof ActivityForm)[]).some((k) => a[k] !== b[k]);
}
