import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskPersonName } from '../pii.js';
import { TIP_STATUSES, TIP_TRANSITIONS } from '../tips.js';

test('the submitter’s name is masked after its first character', () => {
  assert.equal(maskPersonName('张伟'), '张*');
  assert.equal(maskPersonName('欧阳娜娜'), '欧***');
  assert.equal(maskPersonName('李'), '李*');
  assert.equal(maskPersonName(' '), '义警');
  assert.equal(maskPersonName(null), '义警');
});

test('no action starts from an ended tip, and every action ends in a known status', () => {
  const ended = ['closed', 'rejected', 'duplicate'];
  for (const [action, spec] of Object.entries(TIP_TRANSITIONS)) {
    assert.ok(TIP_STATUSES.includes(spec.to), action);
    for (const from of spec.from) assert.ok(!ended.includes(from), `${action} from ${from}`);
  }
});
