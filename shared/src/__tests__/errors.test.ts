import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ERRORS, isErrorCode, messageFor, statusFor, type ErrorCode } from '../errors.js';

const codes = Object.keys(ERRORS) as ErrorCode[];

test('every code has a 4xx or 5xx status and a non-empty Chinese message', () => {
  assert.ok(codes.length > 100);
  for (const code of codes) {
    const { status, message } = ERRORS[code];
    assert.ok(Number.isInteger(status) && status >= 400 && status <= 599, `${code}: status ${status}`);
    assert.ok(message.trim().length > 0, `${code}: empty message`);
    assert.match(message, /\p{Script=Han}/u, `${code}: message is not Chinese`);
  }
});

test('codes are upper snake case, so clients can switch on them', () => {
  for (const code of codes) assert.match(code, /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/, code);
});

test('the status and message of a code come from the table; an unknown code reads as an internal error', () => {
  assert.equal(statusFor('NOT_FOUND'), 404);
  assert.equal(statusFor('REFRESH_TOKEN_INVALID'), 401);
  assert.equal(messageFor('RATE_LIMITED'), ERRORS.RATE_LIMITED.message);
  assert.equal(messageFor('NO_SUCH_CODE'), ERRORS.INTERNAL_ERROR.message);
  assert.equal(messageFor('toString'), ERRORS.INTERNAL_ERROR.message);
  assert.equal(isErrorCode('CONFLICT'), true);
  assert.equal(isErrorCode('constructor'), false);
});
