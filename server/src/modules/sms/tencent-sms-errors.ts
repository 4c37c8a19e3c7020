import type { SmsFailureKind } from './sms-sender.js';

const INVALID_NUMBER = new Set([
  'InvalidParameterValue.IncorrectPhoneNumber',
  'FailedOperation.PhoneNumberInBlacklist',
  'FailedOperation.PhoneNumberParseFail',
  'UnsupportedOperation.UnsupportedRegion',
]);

const TEMPLATE_NOT_APPROVED = new Set([
  'FailedOperation.TemplateIncorrectOrUnapproved',
  'FailedOperation.TemplateUnapprovedOrNotExist',
  'FailedOperation.TemplateParamSetNotMatchApprovedTemplate',
  'FailedOperation.SignatureIncorrectOrUnapproved',
  'FailedOperation.MissingSignature',
  'FailedOperation.MissingSignatureToModify',
]);

/**
 * Tencent Cloud's error codes (whole-request `Response.Error.Code` or a number's `SendStatusSet[].Code`)
 * as the delivery decides on them. Unknown codes are permanent (`rejected`) unless they say the
 * provider is busy or broken: sending again the same request cannot fix a refused one.
 */
export function tencentFailureKind(code: string): SmsFailureKind {
  if (INVALID_NUMBER.has(code)) return 'invalid_number';
  if (TEMPLATE_NOT_APPROVED.has(code)) return 'template_not_approved';
  if (code.startsWith('LimitExceeded.') || code === 'RequestLimitExceeded') return 'rate_limited';
  if (
    code.startsWith('InternalError') ||
    code === 'ResourceUnavailable' ||
    code.startsWith('ResourceUnavailable.') ||
    code === 'FailedOperation.FailResolvePacket' ||
    code === 'Timeout' ||
    code === 'NetworkError'
  )
    return 'transient';
  return 'rejected';
}
