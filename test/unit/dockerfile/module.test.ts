import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { language } from '../../../server/src/dockerfile';
import { repoPath } from '../../support/paths';

// The Dockerfile module's surface: stable rule ids with metadata, one rule per file, a bundled note
// per rule in both languages.

test('every rule has a stable id, a severity, a title and help', () => {
  const ids = language.rules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
  for (const rule of language.rules) {
    assert.match(rule.id, /^dockerfile\/[a-z][a-z0-9-]*$/);
    assert.ok(['error', 'warning', 'info', 'hint'].includes(rule.severity), rule.id);
    assert.ok(rule.title.length > 0 && rule.help.length > 0, rule.id);
  }
  assert.ok(language.rules.filter((r) => r.severity !== 'error').length >= 30, 'at least 30 best-practice rules');
});

test('each rule lives in its own file, headed by a comment', () => {
  const dir = repoPath('server', 'src', 'dockerfile', 'rules');
  const sources = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.ts'))
    .map((n) => fs.readFileSync(`${dir}/${n}`, 'utf8'));
  for (const rule of language.rules) {
    const owners = sources.filter((s) => s.includes(`id: '${rule.id}'`));
    assert.equal(owners.length, 1, `${rule.id} is defined in exactly one file`);
    assert.ok(owners[0].startsWith('// Fires '), `${rule.id}'s file opens with a comment saying when it fires`);
  }
});

test('every rule has a bundled note in English and Chinese', () => {
  for (const language_ of ['en', 'zh-cn']) {
    const text = fs.readFileSync(repoPath('notes', language_, 'rules-dockerfile.md'), 'utf8');
    for (const rule of language.rules) assert.ok(text.includes(`<!-- keys: rule:${rule.id} -->`), `${language_} note for ${rule.id}`);
  }
});
