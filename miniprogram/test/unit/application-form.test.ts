import { describe, expect, it } from 'vitest';
import type { MyApplicationResponse } from '@jianghuai/shared';
import {
  draftHasContent,
  emptyForm,
  firstIncompleteStep,
  formFromApplication,
  fromDraft,
  idNumberHint,
  newerDraft,
  placeServerError,
  toDraft,
  toggleSkill,
  toSubmitRequest,
  updateSkill,
  validateStep,
  withoutComplaintsAbout,
  type ApplicationForm,
} from '../../src/logic/application-form';

// Fictitious demo roster IDs with valid GB 11643 check digits (server seed).
const CHEN_XIN = '340504199008153012';
const WU_FANG = '340504197803052027';

const ready = { phoneReady: true, agreementVersion: '2022.1' };

function complete(overrides: Partial<ApplicationForm> = {}): ApplicationForm {
  return {
    ...emptyForm(),
    occupation: 'security_guard',
    companyId: 1,
    siteId: 2,
    name: '陈新',
    idNumber: CHEN_XIN,
    noCriminalRecord: true,
    physicallyFit: true,
    agreementVersion: '2022.1',
    agreementSigned: true,
    ...overrides,
  };
}

describe('idNumberHint (live GB 11643 check)', () => {
  it('derives birth date and sex from a valid number', () => {
    expect(idNumberHint(CHEN_XIN)).toMatchObject({
      kind: 'ok',
      birthDate: '1990-08-15',
      sex: 'male',
      message: '出生日期 1990年8月15日，性别 男',
    });
    expect(idNumberHint(WU_FANG)).toMatchObject({ kind: 'ok', sex: 'female' });
  });

  it('counts digits while typing and flags letters at once', () => {
    expect(idNumberHint('34050419')).toEqual({ kind: 'typing', message: '已输入 8 位，共 18 位' });
    expect(idNumberHint('3405A')).toMatchObject({ kind: 'error' });
    expect(idNumberHint('')).toEqual({ kind: 'empty' });
  });

  it('names a wrong check digit and an impossible birth date', () => {
    expect(idNumberHint('340504199008153013')).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('校验位'),
    });
    expect(idNumberHint('340504199002303012')).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('出生日期'),
    });
  });

  it('accepts a lower-case x and spaces', () => {
    expect(idNumberHint(' 3405 0419 9008 1530 12 ').kind).toBe('ok');
  });
});

describe('validateStep', () => {
  it('step 1: a guard needs employer then site; others need a residence community', () => {
    expect(validateStep(emptyForm(), 1, ready)).toEqual({ occupation: '请选择您的身份' });
    expect(validateStep(complete({ companyId: null, siteId: null }), 1, ready)).toHaveProperty('companyId');
    expect(validateStep(complete({ siteId: null }), 1, ready)).toHaveProperty('siteId');
    expect(validateStep(complete({ occupation: 'courier' }), 1, ready)).toHaveProperty('residenceCommunityId');
    expect(validateStep(complete({ occupation: 'courier', residenceCommunityId: 9 }), 1, ready)).toEqual({});
  });

  it('step 2: name, a complete valid ID number and a verified phone', () => {
    expect(validateStep(complete({ name: '陈' }), 2, ready)).toHaveProperty('name');
    expect(validateStep(complete({ idNumber: '3405' }), 2, ready).idNumber).toContain('18 位');
    expect(validateStep(complete({ idNumber: '340504199008153013' }), 2, ready).idNumber).toContain('校验位');
    expect(validateStep(complete(), 2, { ...ready, phoneReady: false })).toEqual({
      phone: '请点击按钮，通过微信验证手机号',
    });
    expect(validateStep(complete(), 2, ready)).toEqual({});
  });

  it('step 3: both declarations are required; skills are optional', () => {
    const errors = validateStep(complete({ noCriminalRecord: false, physicallyFit: false }), 3, ready);
    expect(Object.keys(errors).sort()).toEqual(['noCriminalRecord', 'physicallyFit']);
    expect(validateStep(complete({ skills: [{ name: '急救', expiresOn: '2027/1/1' }] }), 3, ready)).toHaveProperty(
      'skills',
    );
  });

  it('step 4: the current agreement version must be signed', () => {
    expect(validateStep(complete({ agreementSigned: false }), 4, ready)).toHaveProperty('agreement');
    expect(validateStep(complete({ agreementVersion: '2021.1' }), 4, ready).agreement).toContain('已更新');
    expect(firstIncompleteStep(complete(), ready)).toBeNull();
    expect(firstIncompleteStep(complete({ physicallyFit: false }), ready)).toBe(3);
  });
  it('a changed field loses its own complaint and the form-wide one; the others stay', () => {
    const errors = { name: '请填写姓名', idNumber: '身份证号不对', agreement: '请签署', form: '网络不给力' };
    expect(withoutComplaintsAbout(errors, { name: '李' })).toEqual({ idNumber: '身份证号不对', agreement: '请签署' });
    expect(withoutComplaintsAbout(errors, { agreementSigned: true })).toEqual({
      name: '请填写姓名',
      idNumber: '身份证号不对',
    });
  });
});

describe('skills', () => {
  it('toggles a skill and edits its certificate', () => {
    let skills = toggleSkill([], '急救');
    expect(skills).toEqual([{ name: '急救', certificateNo: null, expiresOn: null }]);
    skills = updateSkill(skills, '急救', { certificateNo: 'JJ-1', expiresOn: '2027-06-30' });
    expect(skills[0]).toMatchObject({ certificateNo: 'JJ-1', expiresOn: '2027-06-30' });
    expect(toggleSkill(skills, '急救')).toEqual([]);
  });
});

describe('draft save / restore', () => {
  it('a draft round-trips every field the person filled', () => {
    const form = complete({
      step: 3,
      residenceCommunityId: 7,
      skills: [{ name: '消防', certificateNo: 'XF-9', expiresOn: '2028-01-01' }],
    });
    expect(fromDraft(toDraft(form))).toEqual(form);
  });

  it('a malformed or foreign draft falls back to safe values', () => {
    const form = fromDraft({
      step: 9,
      occupation: 'pilot' as never,
      companyId: -1,
      skills: [null as never],
      agreementSigned: true,
    });
    expect(form).toMatchObject({ step: 1, occupation: null, companyId: null, skills: [], agreementSigned: false });
    expect(draftHasContent(fromDraft(null))).toBe(false);
    expect(draftHasContent(fromDraft({ name: '陈' }))).toBe(true);
  });

  it('the copy changed last wins: phone (offline edits) or server (another phone)', () => {
    const local = { draft: { name: '本机' }, savedAt: '2026-03-01T10:00:00.000Z' };
    const older = { draft: { name: '服务器' }, updatedAt: '2026-03-01T09:00:00.000Z' };
    const newer = { draft: { name: '服务器' }, updatedAt: '2026-03-01T11:00:00.000Z' };
    expect(newerDraft(local, older)).toEqual({ name: '本机' });
    expect(newerDraft(local, newer)).toEqual({ name: '服务器' });
    expect(newerDraft(null, newer)).toEqual({ name: '服务器' });
    expect(newerDraft(local, { draft: null, updatedAt: null })).toEqual({ name: '本机' });
    expect(newerDraft(null, null)).toBeNull();
  });
});

describe('resubmission after a rejection', () => {
  const rejected = {
    status: 'rejected',
    occupation: 'security_guard',
    company: { id: 1, name: '皖安' },
    site: { id: 2, name: '雨山湖公园驻勤点' },
    residenceCommunity: null,
    name: '陈新',
    idNumberMasked: '340***********3012',
    skills: [{ name: '急救', certificateNo: null, expiresOn: null }],
    declarations: { noCriminalRecord: true, physicallyFit: true },
  } as unknown as MyApplicationResponse;

  it('reopens the previous answers, the full ID from this phone, and asks to sign again', () => {
    const form = formFromApplication(rejected, toDraft(complete()));
    expect(form).toMatchObject({
      step: 1,
      companyId: 1,
      siteId: 2,
      name: '陈新',
      idNumber: CHEN_XIN,
      agreementSigned: false,
      agreementVersion: null,
    });
    expect(form.skills).toEqual([{ name: '急救', certificateNo: null, expiresOn: null }]);
  });

  it('without the local copy the ID number is left for the person to type (the server only has it masked)', () => {
    expect(formFromApplication(rejected, null).idNumber).toBe('');
  });
});

describe('toSubmitRequest', () => {
  it('sends the phone code once, trims, and drops employer fields for non-guards', () => {
    const body = toSubmitRequest(complete({ name: ' 陈 新 ', idNumber: CHEN_XIN.toLowerCase() }), 'code-1');
    expect(body).toMatchObject({
      name: '陈新',
      idNumber: CHEN_XIN,
      phoneCode: 'code-1',
      companyId: 1,
      siteId: 2,
      agreementVersion: '2022.1',
    });
    const courier = toSubmitRequest(complete({ occupation: 'courier', residenceCommunityId: 9 }), null);
    expect(courier).toMatchObject({ companyId: null, siteId: null, residenceCommunityId: 9 });
    expect(courier).not.toHaveProperty('phoneCode');
  });
});

describe('placeServerError: every code beside its field', () => {
  it.each([
    ['ID_NUMBER_INVALID_CHECK_DIGIT', undefined, 'idNumber', 2],
    ['APPLICANT_TOO_OLD', { age: 70, min: 18, max: 65 }, 'idNumber', 2],
    ['DECLARATION_FITNESS_REQUIRED', { field: 'declarations.physicallyFit' }, 'physicallyFit', 3],
    ['DECLARATION_NO_CRIMINAL_RECORD_REQUIRED', { field: 'declarations.noCriminalRecord' }, 'noCriminalRecord', 3],
    ['AGREEMENT_VERSION_OUTDATED', { current: '2023.1' }, 'agreement', 4],
    ['COMPANY_REQUIRED_FOR_GUARD', { field: 'siteId' }, 'siteId', 1],
    ['SITE_NOT_OF_COMPANY', { field: 'siteId' }, 'siteId', 1],
    ['APPLICATION_LOCATION_REQUIRED', undefined, 'residenceCommunityId', 1],
    ['WECHAT_PHONE_CODE_INVALID', undefined, 'phone', 2],
    ['PHONE_VERIFICATION_REQUIRED', { field: 'phoneCode' }, 'phone', 2],
    ['NOT_FOUND', { companyId: 3 }, 'companyId', 1],
    ['APPLICATION_ALREADY_PENDING', undefined, 'form', 4],
    ['VALIDATION_FAILED', [{ field: 'skills.0.expiresOn', message: '格式错误' }], 'skills', 3],
  ])('%s → %s on step %i', (code, details, field, step) => {
    const placed = placeServerError({ code, message: '服务器的中文说明', details });
    expect(placed).toMatchObject({ field, step });
  });

  it('keeps the server message and adds the age bounds', () => {
    const placed = placeServerError({
      code: 'APPLICANT_TOO_YOUNG',
      message: '年龄未达到申请条件',
      details: { age: 16, min: 18, max: 65 },
    });
    expect(placed.message).toBe('年龄未达到申请条件：申请年龄须在 18–65 周岁之间');
  });
});
