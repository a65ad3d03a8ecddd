import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIXED_TIME_VARIABLE, clockFromEnvironment, systemClock } from '../../src/authz/host-builtins.js';
import { UserError } from '../../src/errors.js';

describe('clockFromEnvironment', () => {
  it('uses the system clock when no fixed time is set', () => {
    assert.equal(clockFromEnvironment({}), systemClock);
    assert.equal(clockFromEnvironment({ [FIXED_TIME_VARIABLE]: '  ' }), systemClock);
  });

  it('pins the time daemon policies see to the instant given, in nanoseconds', () => {
    const clock = clockFromEnvironment({ [FIXED_TIME_VARIABLE]: '2026-11-22T05:30:00Z' });
    assert.equal(clock(), Date.UTC(2026, 10, 22, 5, 30) * 1e6);
    assert.equal(clock(), clock());
  });

  it('refuses a value that is not a date, naming the variable', () => {
    assert.throws(() => clockFromEnvironment({ [FIXED_TIME_VARIABLE]: 'tomorrow-ish' }), (e: unknown) => e instanceof UserError && /CONTAINER_POLICY_FIXED_TIME/.test(e.message) && /RFC 3339/.test(e.message));
  });
});
