import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { useEnvironmentSnapshot } from '../../../server/src/io';

test('the environment snapshot keeps every variable and is a plain object (cheap to read per YAML token)', () => {
  const live = process.env;
  try {
    useEnvironmentSnapshot();
    assert.notEqual(process.env, live);
    assert.equal(Object.getPrototypeOf(process.env), Object.prototype);
    assert.deepEqual({ ...process.env }, { ...live });
  } finally {
    process.env = live;
  }
});
