import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stopAtMidTierCompiler } from '../../src/parallel/compiler-tier.js';
import { inFreshProcess } from '../support/fresh-process.js';

// V8's optimisation status bits (%GetOptimizationStatus), as its runtime-test.cc defines them.
const MAGLEVVED = 1 << 5;
const TURBOFANNED = 1 << 6;

/**
 * The top tier a hot function reaches in a fresh process, with or without a worker pool started first
 * (what a scan big enough for workers does), and after how many rounds of 10,000 calls. The function
 * is called until it reaches TurboFan or, at the least, for `minRounds` rounds and 2 seconds.
 */
function topTierReached(startPool: boolean, minRounds: number): { tier: string; rounds: number } {
  return inFreshProcess(
    startPool,
    `function hot(text) { let sum = 0; for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i) * i; return sum; }
    // Never optimised itself, so that it cannot inline \`hot\`: a caller optimised with \`hot\` inlined
    // stops calling it, and \`hot\` then never reaches TurboFan on its own (one run in a few did so).
    function callHot() { for (let i = 0; i < 10000; i++) hot('line ' + i); }
    %NeverOptimizeFunction(callHot);
    let tier = 'none';
    let rounds = 0;
    const started = Date.now();
    while (tier !== 'turbofan' && (rounds < ${minRounds} || Date.now() - started < 2000) && Date.now() - started < 20000) {
      rounds++;
      callHot();
      const status = %GetOptimizationStatus(hot);
      tier = status & ${TURBOFANNED} ? 'turbofan' : status & ${MAGLEVVED} ? 'maglev' : tier;
    }
    console.log(JSON.stringify({ tier, rounds }));`,
    ['--allow-natives-syntax'],
  );
}

describe('compiler tier of a scan with workers', () => {
  const V8_MAJOR = Number(process.versions.v8.split('.')[0]);

  it('stops at Maglev once a worker pool has started, and reaches TurboFan without one', { skip: V8_MAJOR < 12 && 'no Maglev before V8 12 (node 22)' }, () => {
    const control = topTierReached(false, 1);
    assert.equal(control.tier, 'turbofan', `without a pool: ${JSON.stringify(control)}`);
    // Called far longer than the control needed to reach TurboFan.
    const withPool = topTierReached(true, 20 * control.rounds);
    assert.equal(withPool.tier, 'maglev', `after a pool started: ${JSON.stringify(withPool)}`);
  });

  it('leaves the flags alone where V8 has no mid tier by default', () => {
    assert.equal(stopAtMidTierCompiler('11.3.244.8-node.33'), false);
  });
});
