import { tencentFailureKind } from './tencent-sms-errors.js';

describe(tencentFailureKind.name, () => {
  it.each([
    ['InvalidParameterValue.IncorrectPhoneNumber', 'invalid_number'],
    ['FailedOperation.PhoneNumberInBlacklist', 'invalid_number'],
    ['LimitExceeded.PhoneNumberDailyLimit', 'rate_limited'],
    ['LimitExceeded.PhoneNumberThirtySecondLimit', 'rate_limited'],
    ['RequestLimitExceeded', 'rate_limited'],
    ['FailedOperation.TemplateIncorrectOrUnapproved', 'template_not_approved'],
    ['FailedOperation.SignatureIncorrectOrUnapproved', 'template_not_approved'],
    ['InternalError', 'transient'],
    ['InternalError.SendAndRecvFail', 'transient'],
    ['Timeout', 'transient'],
    ['NetworkError', 'transient'],
    ['AuthFailure.SignatureFailure', 'rejected'],
    ['UnauthorizedOperation.SmsSdkAppIdVerifyFail', 'rejected'],
    ['InvalidParameterValue.SdkAppIdNotExist', 'rejected'],
    ['SomethingNew', 'rejected'],
  ])('%s → %s', (code, kind) => {
    expect(tencentFailureKind(code)).toBe(kind);
  });
});
