import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { allRules } from '../../server/src/services';
import { repoPath } from '../support/paths';

// The contract every rule of every module keeps: a stable id under its language's prefix, a
// severity, a title and help text, one file of its own under <language>/rules/ that opens with a
// comment saying when it fires and exports only its Rule, named like the file, and a bundled
// note in each bundled language.

/** The rule-id prefix of each language folder; common rules are part of the suppression policy and have no rule file. */
const PREFIX: Record<string, string> = { dockerfile: 'dockerfile/', kubernetes: 'k8s/', helm: 'helm/', notesfile: 'notes/' };
const COMMON_PREFIX = 'common/';
/** Files of a rules folder that hold shared helpers and the rule table, not a rule. */
const NOT_RULES = new Set(['rule.ts', 'index.ts']);

const SRC = repoPath('server', 'src');
const rules = allRules();

interface RuleFile {
  language: string;
  name: string;
  text: string;
  ids: string[];
}

const ruleFiles: RuleFile[] = fs
  .readdirSync(SRC, { withFileTypes: true })
  .filter((e) => e.isDirectory() && fs.existsSync(path.join(SRC, e.name, 'rules')))
  .flatMap((language) =>
    fs
      .readdirSync(path.join(SRC, language.name, 'rules'))
      .filter((name) => name.endsWith('.ts') && !NOT_RULES.has(name))
      .map((name) => {
        const text = fs.readFileSync(path.join(SRC, language.name, 'rules', name), 'utf8');
        return { language: language.name, name: name.replace(/\.ts$/, ''), text, ids: [...text.matchAll(/\bid: '([^']+)'/g)].map((m) => m[1]) };
      }),
  );

/** Every notes key the bundled notes of a language tag (`<!-- keys: a b -->`). */
function taggedKeys(language: string): Set<string> {
  const dir = repoPath('notes', language);
  const keys = new Set<string>();
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.md'))) {
    for (const m of fs.readFileSync(path.join(dir, name), 'utf8').matchAll(/<!-- keys: (.*?) -->/g)) {
      for (const key of m[1].split(/\s+/).filter(Boolean)) keys.add(key);
    }
  }
  return keys;
}

describe('the rule contract', () => {
  test('ids are unique and stable strings under a known prefix', () => {
    const ids = rules.map((r) => r.id);
    assert.deepEqual(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      [],
    );
    const prefixes = [...Object.values(PREFIX), COMMON_PREFIX];
    assert.deepEqual(
      ids.filter((id) => !prefixes.some((p) => id.startsWith(p)) || !/^[a-z0-9]+\/[a-z][a-z0-9-]*$/.test(id)),
      [],
    );
  });

  test('every rule has a severity, a title and help', () => {
    for (const rule of rules) {
      assert.ok(['error', 'warning', 'info', 'hint'].includes(rule.severity), rule.id);
      assert.ok(rule.title.trim().length > 0, `${rule.id} has a title`);
      assert.ok(rule.help.trim().length > 0, `${rule.id} has help`);
    }
  });

  test('every language folder with rules has a prefix', () => {
    assert.deepEqual(
      [...new Set(ruleFiles.map((f) => f.language))].filter((l) => !(l in PREFIX)),
      [],
    );
  });

  test('every rule file holds one registered rule, under its language prefix, headed by when it fires', () => {
    const registered = new Set(rules.map((r) => r.id));
    for (const file of ruleFiles) {
      const where = `${file.language}/rules/${file.name}.ts`;
      assert.equal(file.ids.length, 1, `${where} defines one rule`);
      const [id] = file.ids;
      assert.ok(id.startsWith(PREFIX[file.language]), `${where}: ${id} starts with ${PREFIX[file.language]}`);
      assert.ok(registered.has(id), `${where}: ${id} is in its module's rule table`);
      assert.ok(file.text.startsWith('// Fires '), `${where} opens with a comment saying when it fires`);
      assert.match(file.text, /^const meta: RuleMeta = \{$/m, `${where} keeps its meta in the file`);
      const exports = [...file.text.matchAll(/^export .*$/gm)].map((m) => m[0]);
      assert.equal(exports.length, 1, `${where} exports only its rule (shared helpers go to rule.ts)`);
      assert.match(exports[0], new RegExp(`^export const ${file.name}: Rule<\\w+> = `), `${where} exports one Rule named like the file`);
    }
  });

  test('every language rule lives in a file of its own', () => {
    for (const rule of rules.filter((r) => !r.id.startsWith(COMMON_PREFIX))) {
      assert.equal(ruleFiles.filter((f) => f.ids.includes(rule.id)).length, 1, `${rule.id} is defined in exactly one rule file`);
    }
  });

  for (const language of ['en', 'zh-cn']) {
    test(`every rule has a bundled note in notes/${language}`, () => {
      const keys = taggedKeys(language);
      assert.deepEqual(
        rules.map((r) => `rule:${r.id}`).filter((key) => !keys.has(key)),
        [],
        'tag a section with <!-- keys: rule:<id> -->',
      );
    });
  }
});
