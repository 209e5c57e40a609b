import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { language } from '../../../server/src/dockerfile';
import { repoPath } from '../../support/paths';

// The Dockerfile module's note keys come only from docs/notes-keys.md (the rule contract for
// every module is test/unit/rules.test.ts).

test('noteKeys lists only covered docker keys and the rule keys', () => {
  const doc = fs.readFileSync(repoPath('docs', 'notes-keys.md'), 'utf8');
  // One bullet per key prefix; long bullets wrap onto indented lines.
  const bullets = doc
    .slice(doc.indexOf('## Keys the bundled notes cover'))
    .replace(/\n {2}/g, ' ')
    .split('\n');
  const line = (prefix: string) => bullets.find((l) => l.startsWith(`- \`${prefix}\``)) ?? '';
  const allowed = new Set<string>();
  for (const prefix of ['docker:instruction/', 'docker:directive/', 'docker:topic/']) {
    const rest = line(prefix).replace(`- \`${prefix}\``, '');
    for (const name of rest.split(/\s+/).filter(Boolean)) allowed.add(prefix + name);
  }
  for (const m of line('docker:flag/').matchAll(/`([A-Z]+ --[a-z-]+)`/g)) allowed.add(`docker:flag/${m[1]}`);
  for (const rule of language.rules) allowed.add(`rule:${rule.id}`);
  const keys = language.noteKeys();
  assert.deepEqual(
    keys.filter((k) => !allowed.has(k)),
    [],
  );
  assert.ok(keys.includes('docker:instruction/FROM') && keys.includes('docker:flag/RUN --mount') && keys.includes('rule:dockerfile/latest-tag'));
});
