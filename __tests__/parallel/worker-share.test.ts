import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMPTY_CONFIG } from '../../src/config/config-file.js';
import { configurationRefiner, type FileRefiner } from '../../src/evaluate/file-refiner.js';
import type { TargetFile } from '../../src/model.js';
import { workerShare } from '../../src/parallel/worker-share.js';

const dockerfiles = (n: number): TargetFile[] => Array.from({ length: n }, (_, i) => ({ path: `d${i}/Dockerfile`, kind: 'dockerfile' }));
const composeFiles = (n: number): TargetFile[] => Array.from({ length: n }, (_, i) => ({ path: `c${i}/compose.yaml`, kind: 'compose' }));
const CONFIGURATION_ONLY = configurationRefiner(EMPTY_CONFIG);
// A refiner that reads whole documents (custom or daemon policies): only the main thread has them.
const READS_DOCUMENTS: FileRefiner = (checked) => ({ findings: checked.findings, errors: checked.errors, suppressed: [] });

/** The paths the workers take. */
function taken(files: readonly TargetFile[], refine: FileRefiner | undefined, workers: number): string[] {
  return files.filter(workerShare(files, refine, workers)).map((file) => file.path);
}

describe('workerShare', () => {
  it('keeps compose files on the main thread up to an equal part of the scan, and shares them past it', () => {
    // One worker: the main thread's share is half the files.
    assert.deepEqual(taken([...dockerfiles(3), ...composeFiles(3)], CONFIGURATION_ONLY, 1), ['d0/Dockerfile', 'd1/Dockerfile', 'd2/Dockerfile']);
    assert.deepEqual(taken([...dockerfiles(3), ...composeFiles(4)], CONFIGURATION_ONLY, 1).length, 7);
    // Three workers: a quarter.
    assert.deepEqual(taken([...dockerfiles(6), ...composeFiles(2)], CONFIGURATION_ONLY, 3).length, 6);
    assert.deepEqual(taken([...dockerfiles(5), ...composeFiles(2)], CONFIGURATION_ONLY, 3).length, 7);
    // Compose files alone are shared, so that a compose-only repository still uses every core.
    assert.deepEqual(taken(composeFiles(100), CONFIGURATION_ONLY, 1).length, 100);
  });

  it('never gives the workers a file of a compose project, nor compose files when the refiner needs whole documents', () => {
    const project = ['p/compose.yaml', 'p/compose.override.yaml'];
    const projectFiles: TargetFile[] = project.map((path) => ({ path, kind: 'compose', project }));
    assert.deepEqual(taken([...dockerfiles(1), ...composeFiles(3), ...projectFiles], CONFIGURATION_ONLY, 1), ['d0/Dockerfile', 'c0/compose.yaml', 'c1/compose.yaml', 'c2/compose.yaml']);
    assert.deepEqual(taken([...dockerfiles(1), ...composeFiles(3)], READS_DOCUMENTS, 1), ['d0/Dockerfile']);
    assert.deepEqual(taken([...dockerfiles(1), ...composeFiles(3)], undefined, 1), ['d0/Dockerfile']);
  });
});
