import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countBelow } from '../../src/parse/count-below.js';

describe('countBelow', () => {
  it('counts the elements below a value, as a walk of the list does', () => {
    const sorted = [2, 5, 5, 9, 14];
    for (let value = 0; value <= 16; value++) {
      assert.equal(countBelow(sorted, value), sorted.filter((n) => n < value).length, `below ${value}`);
    }
    assert.equal(countBelow([], 3), 0);
  });
});
