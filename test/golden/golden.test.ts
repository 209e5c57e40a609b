import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { findGoldenFiles, parseGolden, runGolden, updateGolden } from '../support/golden';
import { repoPath } from '../support/paths';

// Every test/golden/**/<op>/*.txt case; UPDATE_GOLDEN=1 rewrites expected sections.
const root = repoPath('test', 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

for (const { file, op } of findGoldenFiles(root)) {
  const name = path.relative(root, file);
  test(`golden ${name}`, async () => {
    const c = parseGolden(fs.readFileSync(file, 'utf8'));
    const actual = (await runGolden(op, c)).replace(/\s+$/gm, '');
    if (update) {
      if (actual !== c.expected) updateGolden(file, actual);
      return;
    }
    assert.equal(actual, c.expected, `${name}: run with UPDATE_GOLDEN=1 to accept the new output, then review the diff`);
  });
}
