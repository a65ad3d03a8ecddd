import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inFreshProcess } from '../support/fresh-process.js';

interface Growth {
  readonly peakOldSpaceMiB: number;
  readonly fullCollections: number;
}

/**
 * The most old space a heap commits in a fresh process, with or without a worker pool started first
 * (what a scan big enough for workers does), while it keeps ~60 MiB alive and promotes ~1 GiB of
 * objects that die soon after: what the main thread of a big scan does as findings come in.
 */
function oldSpaceGrowth(startPool: boolean): Growth {
  return inFreshProcess<Growth>(
    startPool,
    `const v8 = await import('node:v8');
    const { PerformanceObserver, constants } = await import('node:perf_hooks');
    let fullCollections = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) fullCollections++;
    }).observe({ entryTypes: ['gc'] });
    const oldSpace = () => v8.getHeapSpaceStatistics().find((space) => space.space_name === 'old_space').space_size;
    const kept = Array.from({ length: 400000 }, (_, i) => ({ i, text: 'kept ' + i, pair: [i, i + 1] }));
    globalThis.gc();
    globalThis.gc();
    let peak = 0;
    const recent = [];
    for (let round = 0; round < 400; round++) {
      recent.push(Array.from({ length: 20000 }, (_, i) => ({ round, i, text: 'passing ' + round + ' ' + i })));
      if (recent.length > 30) recent.shift();
      peak = Math.max(peak, oldSpace());
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    console.log(JSON.stringify({ peakOldSpaceMiB: peak / 2 ** 20, fullCollections, kept: kept.length }));`,
    ['--expose-gc'],
  );
}

describe('old generation of a scan with workers', () => {
  it('grows less before a full collection once a worker pool has started', () => {
    const control = oldSpaceGrowth(false);
    const withPool = oldSpaceGrowth(true);
    // V8's own choice let this workload's old space reach 540-680 MiB (node 20 and 24); capped at
    // twice what survives, 280-390 MiB, with more full collections to keep it there.
    assert.ok(withPool.peakOldSpaceMiB < 0.85 * control.peakOldSpaceMiB, `peak old space with a pool ${withPool.peakOldSpaceMiB.toFixed(0)} MiB, without ${control.peakOldSpaceMiB.toFixed(0)} MiB`);
    assert.ok(withPool.fullCollections > control.fullCollections, `full collections with a pool ${withPool.fullCollections}, without ${control.fullCollections}`);
  });
});
