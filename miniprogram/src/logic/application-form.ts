/**
 * The application form (docs/product.md#applications-and-review) as plain data: four screens, what each screen needs before
 * "下一步", the draft that survives closing the app, and where each server error is shown.
 * No Taro here, so all of it is unit-tested.
 */
import {
  applicantAgeProblem,
  businessDate,
  DEFAULT_APPLICANT_AGE,
  OCCUPATION_LABELS,
  validateIdCard,
  type ApplicationDraft,
  type MyApplicationResponse,
  type Occupation,
  type Skill,
  type SubmitApplicationRequest,
  type VolunteerSkill,
} from '@jianghuai/shared';

export const STEP_TITLES = ['您的身份', '个人信息', '技能与声明', '服务协议'] as const;
export const STEP_COUNT = STEP_TITLES.length;
export type Step = 1 | 2 | 3 | 4;

/** Occupations offered to non-guards, in the order the seed lists them (三(三)). */
export const OTHER_OCCUPATIONS: readonly Occupation[] = [
  'courier',
  'rider',
  'driver',
  'shop_owner',
  'property_staff',
  'other',
];

export interface ApplicationForm {
  step: Step;
  occupation: Occupation | null;
  companyId: number | null;
  siteId: number | null;
  residenceCommunityId: number | null;
  name: string;
  idNumber: string;
  skills: VolunteerSkill[];
  noCriminalRecord: boolean;
  physicallyFit: boolean;
  agreementVersion: string | null;
  agreementSigned: boolean;
  /** The chosen company's name, so a reopened form can find it again through the server's search. */
  companyName: string | null;
}

export function emptyForm(): ApplicationForm {
  return {
    step: 1,
    occupation: null,
    companyId: null,
    siteId: null,
    residenceCommunityId: null,
    name: '',
    idNumber: '',
    skills: [],
    noCriminalRecord: false,
    physicallyFit: false,
    agreementVersion: null,
    agreementSigned: false,
    companyName: null,
  };
}

/** Field keys used for messages beside the inputs. */
export type FieldKey =
  | 'occupation'
  | 'companyId'
  | 'siteId'
  | 'residenceCommunityId'
  | 'name'
  | 'idNumber'
  | 'phone'
  | 'skills'
  | 'noCriminalRecord'
  | 'physicallyFit'
  | 'agreement'
  | 'form';

export type FieldErrors = Partial<Record<FieldKey, string>>;

export const FIELD_STEP: Record<FieldKey, Step> = {
  occupation: 1,
  companyId: 1,
  siteId: 1,
  residenceCommunityId: 1,
  name: 2,
  idNumber: 2,
  phone: 2,
  skills: 3,
  noCriminalRecord: 3,
  physicallyFit: 3,
  agreement: 4,
  form: 4,
};

export const isGuard = (form: Pick<ApplicationForm, 'occupation'>) => form.occupation === 'security_guard';

export function occupationLabel(occupation: Occupation): string {
  return OCCUPATION_LABELS[occupation];
}

// ── ID number, live ────────────────────────────────────────────────────────────────────────

export type IdNumberHint =
  | { kind: 'empty' }
  /** Still typing: fewer than 18 characters, nothing wrong yet. */
  | { kind: 'typing'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'ok'; birthDate: string; sex: 'male' | 'female'; message: string };

export function normalizeIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** The age rule at the ID step: the bounds the server checks (GET /client-config) and today in Shanghai. */
export interface AgeRule {
  bounds: { min: number; max: number };
  /** YYYY-MM-DD, Asia/Shanghai. */
  today: string;
}

/** Why this birth date may not apply, in words with the bounds; null when the age is fine. */
export function ageMessage(birthDate: string, rule: AgeRule): string | null {
  const found = applicantAgeProblem(birthDate, rule.today, rule.bounds);
  if (!found) return null;
  const range = `申请年龄须在 ${rule.bounds.min}–${rule.bounds.max} 周岁之间`;
  return found.problem === 'too_young'
    ? `您现在 ${found.age} 周岁，未满 ${rule.bounds.min} 周岁，暂不能申请（${range}）`
    : `您现在 ${found.age} 周岁，已超过 ${rule.bounds.max} 周岁，不能申请（${range}）`;
}

/**
 * What to show under the ID number while it is typed (GB 11643 format and check digit) and,
 * with `age`, whether the age fits — checked here, not only at the final submit.
 */
export function idNumberHint(raw: string, age?: AgeRule): IdNumberHint {
  const id = normalizeIdNumber(raw);
  if (!id) return { kind: 'empty' };
  if (!/^\d{0,17}[\dX]?$/.test(id) || (id.length < 18 && id.includes('X'))) {
    return { kind: 'error', message: '身份证号只能是数字，最后一位可以是 X' };
  }
  if (id.length < 18) return { kind: 'typing', message: `已输入 ${id.length} 位，共 18 位` };
  const result = validateIdCard(id);
  if (!result.ok) {
    const message =
      result.problem === 'birth_date'
        ? '身份证号中的出生日期无效，请核对'
        : result.problem === 'check_digit'
          ? '身份证号校验位不正确，请核对是否输错'
          : '身份证号格式错误，应为 18 位（最后一位可以是 X）';
    return { kind: 'error', message };
  }
  const tooOld = age ? ageMessage(result.info.birthDate, age) : null;
  if (tooOld) return { kind: 'error', message: tooOld };
  const [y, m, d] = result.info.birthDate.split('-');
  const sexLabel = result.info.sex === 'male' ? '男' : '女';
  return {
    kind: 'ok',
    birthDate: result.info.birthDate,
    sex: result.info.sex,
    message: `出生日期 ${y}年${Number(m)}月${Number(d)}日，性别 ${sexLabel}`,
  };
}

// ── checks before "下一步" ───────────────────────────────────────────────────────────────────

export interface StepContext {
  /** A phone code from WeChat (or the sandbox) is in hand, or a resubmission keeps the verified phone. */
  phoneReady: boolean;
  /** The current agreement version, once loaded. */
  agreementVersion: string | null;
  /** The age bounds and today's date; without it the default bounds and the phone's date apply. */
  age?: AgeRule;
  /** The applicant's location is in hand: without a community the nearest station manages them. */
  located?: boolean;
}

/** The phone's calendar date in Asia/Shanghai, YYYY-MM-DD. */
export function shanghaiToday(now: Date = new Date()): string {
  return businessDate(now, 'Asia/Shanghai');
}

export const defaultAgeRule = (now: Date = new Date()): AgeRule => ({
  bounds: DEFAULT_APPLICANT_AGE,
  today: shanghaiToday(now),
});

/** Everything missing on one screen, in words beside the fields. Empty object: may go on. */
export function validateStep(form: ApplicationForm, step: Step, ctx: StepContext): FieldErrors {
  const errors: FieldErrors = {};
  if (step === 1) {
    if (!form.occupation) errors.occupation = '请选择您的身份';
    else if (isGuard(form)) {
      if (!form.companyId) errors.companyId = '请选择您所在的保安从业单位';
      else if (!form.siteId) errors.siteId = '请选择您的驻勤点';
    } else if (!form.residenceCommunityId && !ctx.located) {
      errors.residenceCommunityId = '请选择您居住的社区，或点“用我的位置确定派出所”';
    }
  }
  if (step === 2) {
    const name = form.name.replace(/\s+/g, '');
    if (name.length < 2) errors.name = '请填写真实姓名（至少 2 个字）';
    else if (name.length > 32) errors.name = '姓名太长，请核对';
    const hint = idNumberHint(form.idNumber, ctx.age ?? defaultAgeRule());
    if (hint.kind === 'empty') errors.idNumber = '请填写身份证号';
    else if (hint.kind === 'typing') errors.idNumber = `身份证号应为 18 位，${hint.message}`;
    else if (hint.kind === 'error') errors.idNumber = hint.message;
    if (!ctx.phoneReady) errors.phone = '请点击按钮，通过微信验证手机号';
  }
  if (step === 3) {
    const bad = form.skills.find((s) => s.expiresOn && !/^\d{4}-\d{2}-\d{2}$/.test(s.expiresOn));
    if (bad) errors.skills = `“${bad.name}”证书有效期格式应为 年-月-日`;
    if (!form.noCriminalRecord) errors.noCriminalRecord = '请确认本人无违法犯罪记录';
    if (!form.physicallyFit) errors.physicallyFit = '请确认本人身心健康、能够胜任义警工作';
  }
  if (step === 4) {
    if (!form.agreementSigned || !form.agreementVersion) errors.agreement = '请阅读并签署《义警服务协议》';
    else if (ctx.agreementVersion && form.agreementVersion !== ctx.agreementVersion) {
      errors.agreement = '服务协议已更新，请重新阅读并签署最新版本';
    }
  }
  return errors;
}

/** The first screen that still has something missing, or null when the whole form is complete. */
export function firstIncompleteStep(form: ApplicationForm, ctx: StepContext): Step | null {
  for (const step of [1, 2, 3, 4] as Step[]) if (Object.keys(validateStep(form, step, ctx)).length) return step;
  return null;
}

/** A field the person just changed no longer shows its old complaint (nor does the form's). */
export function withoutComplaintsAbout(prev: FieldErrors, patch: Partial<ApplicationForm>): FieldErrors {
  const copy = { ...prev };
  for (const key of Object.keys(patch)) delete copy[key as keyof FieldErrors];
  if ('declarations' in patch) delete copy.noCriminalRecord;
  if ('agreementSigned' in patch) delete copy.agreement;
  delete copy.form;
  return copy;
}

// ── skills ─────────────────────────────────────────────────────────────────────────────────

export function toggleSkill(skills: VolunteerSkill[], name: Skill): VolunteerSkill[] {
  return skills.some((s) => s.name === name)
    ? skills.filter((s) => s.name !== name)
    : [...skills, { name, certificateNo: null, expiresOn: null }];
}

export function updateSkill(skills: VolunteerSkill[], name: Skill, patch: Partial<VolunteerSkill>): VolunteerSkill[] {
  return skills.map((s) => (s.name === name ? { ...s, ...patch } : s));
}

// ── draft ──────────────────────────────────────────────────────────────────────────────────

/** The form's draft plus what only the form needs back (the company's name, to find it again). */
export type FormDraft = ApplicationDraft & { companyName?: string };

/** The form as the server's draft endpoint stores it (the phone code is never part of it). */
export function toDraft(form: ApplicationForm): FormDraft {
  return {
    ...(form.companyName && form.companyId ? { companyName: form.companyName } : {}),
    step: form.step,
    occupation: form.occupation ?? undefined,
    companyId: form.companyId,
    siteId: form.siteId,
    residenceCommunityId: form.residenceCommunityId,
    name: form.name,
    idNumber: form.idNumber,
    skills: form.skills,
    declarations: { noCriminalRecord: form.noCriminalRecord, physicallyFit: form.physicallyFit },
    agreementVersion: form.agreementVersion ?? undefined,
    agreementSigned: form.agreementSigned,
  };
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Reads a draft back, tolerating anything missing or malformed (an old app version, a bad write). */
export function fromDraft(draft: FormDraft | null | undefined): ApplicationForm {
  const form = emptyForm();
  if (!draft || typeof draft !== 'object') return form;
  const step = Number(draft.step);
  form.step = step >= 1 && step <= STEP_COUNT ? (step as Step) : 1;
  form.occupation =
    typeof draft.occupation === 'string' && draft.occupation in OCCUPATION_LABELS ? draft.occupation : null;
  form.companyId = num(draft.companyId);
  form.companyName = form.companyId ? str(draft.companyName) || null : null;
  form.siteId = num(draft.siteId);
  form.residenceCommunityId = num(draft.residenceCommunityId);
  form.name = str(draft.name);
  form.idNumber = str(draft.idNumber);
  form.skills = Array.isArray(draft.skills)
    ? draft.skills
        .filter((s): s is VolunteerSkill => !!s && typeof s.name === 'string')
        .map((s) => ({ name: s.name, certificateNo: s.certificateNo ?? null, expiresOn: s.expiresOn ?? null }))
    : [];
  form.noCriminalRecord = draft.declarations?.noCriminalRecord === true;
  form.physicallyFit = draft.declarations?.physicallyFit === true;
  form.agreementVersion = str(draft.agreementVersion) || null;
  form.agreementSigned = draft.agreementSigned === true && !!form.agreementVersion;
  return form;
}

export interface StoredDraft {
  draft: FormDraft;
  /** ISO time of the last change. */
  savedAt: string;
  /** The phone verified with WeChat, kept on this phone only (never sent to the draft endpoint). */
  phone?: PhoneVerification | null;
}

/** A phone verification in hand: WeChat's one-time code and when it was given. */
export interface PhoneVerification {
  code: string;
  /** ISO time the code was given. */
  at: string;
}

/** WeChat's getPhoneNumber code is valid for 5 minutes: an older one is not restored. */
export const PHONE_CODE_TTL_MS = 5 * 60_000;

/** The stored phone verification if it is still usable at `now`, else null. */
export function usablePhone(stored: StoredDraft | null | undefined, now: Date): PhoneVerification | null {
  const p = stored?.phone;
  if (!p || typeof p.code !== 'string' || !p.code || typeof p.at !== 'string') return null;
  const age = now.getTime() - Date.parse(p.at);
  return Number.isFinite(age) && age >= 0 && age < PHONE_CODE_TTL_MS ? { code: p.code, at: p.at } : null;
}

/** Local copy and server copy: the one changed last wins (the phone may have been offline). */
export function newerDraft(
  local: StoredDraft | null,
  server: { draft: ApplicationDraft | null; updatedAt: string | null } | null,
): ApplicationDraft | null {
  const serverDraft = server?.draft && server.updatedAt ? { draft: server.draft, savedAt: server.updatedAt } : null;
  if (!local) return serverDraft?.draft ?? null;
  if (!serverDraft) return local.draft;
  return Date.parse(serverDraft.savedAt) > Date.parse(local.savedAt) ? serverDraft.draft : local.draft;
}

/** Whether a draft holds anything the person typed or chose (an empty one is not worth restoring). */
export function draftHasContent(form: ApplicationForm): boolean {
  return !!(form.occupation || form.name || form.idNumber || form.skills.length || form.residenceCommunityId);
}

/**
 * Reopening a rejected application: the previous answers, except the full ID number, which the
 * server only returns masked and the phone does not keep after a submit: it is typed again.
 */
export function formFromApplication(app: MyApplicationResponse, lastSent: ApplicationDraft | null): ApplicationForm {
  const base = lastSent ? fromDraft(lastSent) : emptyForm();
  return {
    ...base,
    step: 1,
    occupation: app.occupation,
    companyId: app.company?.id ?? null,
    companyName: app.company?.name ?? null,
    siteId: app.site?.id ?? null,
    residenceCommunityId: app.residenceCommunity?.id ?? null,
    name: app.name,
    idNumber: lastSent?.idNumber ?? '',
    skills: app.skills.map((s) => ({
      name: s.name,
      certificateNo: s.certificateNo ?? null,
      expiresOn: s.expiresOn ?? null,
    })),
    noCriminalRecord: app.declarations.noCriminalRecord,
    physicallyFit: app.declarations.physicallyFit,
    // The agreement is signed again on every submission.
    agreementVersion: null,
    agreementSigned: false,
  };
}

export function toSubmitRequest(form: ApplicationForm, phoneCode: string | null): SubmitApplicationRequest {
  const guard = isGuard(form);
  return {
    name: form.name.replace(/\s+/g, ''),
    idNumber: normalizeIdNumber(form.idNumber),
    ...(phoneCode ? { phoneCode } : {}),
    occupation: form.occupation ?? 'other',
    companyId: guard ? form.companyId : null,
    siteId: guard ? form.siteId : null,
    residenceCommunityId: form.residenceCommunityId,
    skills: form.skills.map((s) => ({
      name: s.name,
      certificateNo: s.certificateNo?.trim() || null,
      expiresOn: s.expiresOn || null,
    })),
    declarations: { noCriminalRecord: form.noCriminalRecord, physicallyFit: form.physicallyFit },
    agreementVersion: form.agreementVersion ?? '',
    agreementSigned: form.agreementSigned,
  };
}

// ── server errors → the field they concern ─────────────────────────────────────────────────

const CODE_FIELDS: Record<string, FieldKey> = {
  ID_NUMBER_INVALID_FORMAT: 'idNumber',
  ID_NUMBER_INVALID_BIRTH_DATE: 'idNumber',
  ID_NUMBER_INVALID_CHECK_DIGIT: 'idNumber',
  APPLICANT_TOO_YOUNG: 'idNumber',
  APPLICANT_TOO_OLD: 'idNumber',
  ID_NUMBER_ALREADY_REGISTERED: 'idNumber',
  DECLARATION_NO_CRIMINAL_RECORD_REQUIRED: 'noCriminalRecord',
  DECLARATION_FITNESS_REQUIRED: 'physicallyFit',
  AGREEMENT_NOT_SIGNED: 'agreement',
  AGREEMENT_VERSION_OUTDATED: 'agreement',
  COMPANY_REQUIRED_FOR_GUARD: 'companyId',
  SITE_NOT_OF_COMPANY: 'siteId',
  ORG_UNIT_NOT_COMMUNITY: 'residenceCommunityId',
  APPLICATION_LOCATION_REQUIRED: 'residenceCommunityId',
  NO_STATION_FOUND: 'residenceCommunityId',
  PHONE_VERIFICATION_REQUIRED: 'phone',
  WECHAT_PHONE_CODE_INVALID: 'phone',
};

/** Request field names (VALIDATION_FAILED details, `details.field`) → form fields. */
export function fieldForRequestField(field: string): FieldKey {
  const head = field.split('.')[0];
  switch (head) {
    case 'name':
    case 'idNumber':
    case 'occupation':
    case 'companyId':
    case 'siteId':
    case 'residenceCommunityId':
    case 'skills':
      return head;
    case 'phoneCode':
      return 'phone';
    case 'declarations':
      return field.endsWith('physicallyFit') ? 'physicallyFit' : 'noCriminalRecord';
    case 'agreementVersion':
    case 'agreementSigned':
      return 'agreement';
    default:
      return 'form';
  }
}

export interface ServerErrorLike {
  code: string;
  message: string;
  details?: unknown;
}

export interface PlacedError {
  field: FieldKey;
  step: Step;
  message: string;
}

/** Where a failed submit is explained: beside its field, on that field's screen. */
export function placeServerError(error: ServerErrorLike): PlacedError {
  const details = error.details as
    { field?: unknown; min?: unknown; max?: unknown } | { field: string; message: string }[] | undefined;
  let field: FieldKey = CODE_FIELDS[error.code] ?? 'form';
  let message = error.message;
  if (error.code === 'VALIDATION_FAILED' && Array.isArray(details) && details[0]) {
    field = fieldForRequestField(String(details[0].field));
  } else if (details && !Array.isArray(details) && typeof details.field === 'string') {
    field = fieldForRequestField(details.field);
  } else if (error.code === 'NOT_FOUND' && details && !Array.isArray(details)) {
    if ('companyId' in details) field = 'companyId';
    else if ('residenceCommunityId' in details) field = 'residenceCommunityId';
    message =
      field === 'companyId'
        ? '所选单位已不存在，请重新选择'
        : field === 'residenceCommunityId'
          ? '所选社区已不存在，请重新选择'
          : message;
  }
  if (
    (error.code === 'APPLICANT_TOO_YOUNG' || error.code === 'APPLICANT_TOO_OLD') &&
    details &&
    !Array.isArray(details)
  ) {
    const { min, max } = details;
    if (typeof min === 'number' && typeof max === 'number') message = `${message}：申请年龄须在 ${min}–${max} 周岁之间`;
  }
  return { field, step: FIELD_STEP[field], message };
}
