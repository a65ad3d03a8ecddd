import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPolicyDataFile, policyDirectoryData } from '../../src/authz/policy-data-files.js';
import { UserError } from '../../src/errors.js';

const file = (path: string, text: string) => ({ path, content: new TextEncoder().encode(text) });

describe('policyDirectoryData', () => {
  it('places each data file at its folder below the policy directory', () => {
    const data = policyDirectoryData('policy/daemon/', [
      file('policy/daemon/limits/data.yaml', 'memory:\n  max: 512m\n'),
      file('policy/daemon/data.json', '{"users": {"ops": ["alice"]}}'),
      file('policy/daemon/users/data.yml', 'readonly: [bob]\n'),
    ]);
    assert.deepEqual(data, { users: { ops: ['alice'], readonly: ['bob'] }, limits: { memory: { max: '512m' } } });
  });

  it('recognises only the names OPA loads from a bundle directory', () => {
    assert.deepEqual(['a/data.json', 'data.yaml', 'a/b/data.yml', 'a/data.json.bak', 'a/mydata.json', 'a/input.json'].map(isPolicyDataFile), [true, true, true, false, false, false]);
  });

  it('refuses two files setting the same value, and a file that is not an object, naming the file', () => {
    assert.throws(() => policyDirectoryData('p', [file('p/data.json', '{"users": {"ops": 1}}'), file('p/users/data.yaml', 'ops: 2\n')]), (e) => e instanceof UserError && /p\/users\/data\.yaml: data\.users\.ops is also set/.test(e.message));
    assert.throws(() => policyDirectoryData('p', [file('p/data.json', '[1, 2]')]), /p\/data\.json: a policy data file must hold an object .* a list/);
    assert.throws(() => policyDirectoryData('p', [file('p/data.json', '{"users": ')]), /p\/data\.json: the policy data file is not valid JSON/);
    assert.throws(() => policyDirectoryData('p', [file('p/data.yaml', 'a: 1\na: 2\n')]), /p\/data\.yaml: the policy data file is not valid YAML/);
  });
});
