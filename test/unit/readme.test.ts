import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../support/paths';

test("the README's settings table lists every setting the extension contributes, and only those", () => {
  const manifest = JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, unknown> } };
  };
  const contributed = Object.keys(manifest.contributes.configuration.properties).sort();
  const readme = fs.readFileSync(repoPath('README.md'), 'utf8');
  const documented = [...readme.matchAll(/^\| `(containerNotes\.[\w.]+)` \|/gm)].map((m) => m[1]).sort();
  assert.deepEqual(documented, contributed);
});
