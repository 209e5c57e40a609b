import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { type CliEnvironment, main } from '../../server/src/cli/index';
import { allRules } from '../../server/src/services';
import { findGoldenFiles, parseGolden } from '../support/golden';
import { repoPath } from '../support/paths';
import { ALLOWED_SEVERITIES, renderRuleTable, tableOf } from '../support/rulesDoc';

// The contract every rule of every module keeps: a stable id under its language's prefix, a
// severity, a title and help text, one file of its own under <language>/rules/ that opens with a
// comment saying when it fires and exports only its Rule, named like the file, and a bundled
// note in each bundled language.

/** The rule-id prefix of each language folder; common rules are part of the suppression policy and have no rule file. */
const PREFIX: Record<string, string> = { dockerfile: 'dockerfile/', kubernetes: 'k8s/', helm: 'helm/', compose: 'compose/', notesfile: 'notes/' };
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

// The severity policy of docs/rules.md: a rule's basis (why it fires) fixes its default severity,
// and the page lists every rule as it is.
describe('the severity policy', () => {
  const byId = new Map(rules.map((r) => [r.id, r]));

  test('every default severity is one its basis allows', () => {
    assert.deepEqual(
      rules
        .filter((r) => !ALLOWED_SEVERITIES[r.basis].includes(r.severity))
        .map((r) => `${r.id}: ${r.severity}, but "${r.basis}" allows ${ALLOWED_SEVERITIES[r.basis].join(' or ')}`),
      [],
    );
  });

  test('an error in a golden comes from a rule whose basis is a refusal', () => {
    const errors = goldenDiagnostics().filter((d) => d.severity === 'error' && !d.configured);
    assert.ok(errors.length > 0, 'the goldens show errors');
    assert.deepEqual([...new Set(errors.filter((d) => !byId.get(d.rule)?.basis.startsWith('refused:')).map((d) => `${d.rule} (${d.file})`))], []);
  });

  test('every Dockerfile rule that BuildKit refuses cites the BuildKit code that refuses', () => {
    for (const file of ruleFiles.filter((f) => f.language === 'dockerfile')) {
      if (byId.get(file.ids[0])?.basis !== 'refused:buildkit') continue;
      assert.match(
        file.text,
        /frontend\/dockerfile\/[\w/]+\.go/,
        `${file.name}.ts names the BuildKit source file that refuses (frontend/dockerfile/…/<file>.go)`,
      );
    }
  });

  test('docs/rules.md lists every rule with its current default severity (npm run docs:rules)', () => {
    const page = fs.readFileSync(repoPath('docs', 'rules.md'), 'utf8');
    assert.equal(tableOf(page), renderRuleTable(rules), 'run `npm run docs:rules` and commit docs/rules.md');
  });
});

/** A diagnostic as a golden file renders it under the source: `^^^ <severity> <rule>: <message>`. */
interface GoldenDiagnostic {
  file: string;
  severity: string;
  rule: string;
  message: string;
  /** Whether the golden sets rule levels (settings or a project file), so severities are not the defaults. */
  configured: boolean;
}

function goldenDiagnostics(): GoldenDiagnostic[] {
  const root = repoPath('test', 'golden');
  return findGoldenFiles(root).flatMap(({ file }) => {
    const c = parseGolden(fs.readFileSync(file, 'utf8'));
    const configured = (c.settings as { rules?: unknown }).rules !== undefined || c.files.has('.container-notes.yaml');
    return [...c.expected.matchAll(/^ +\| +\^+ (error|warning|info|hint) ([\w-]+\/[\w-]+): (.*)$/gm)].map((m) => ({
      file: path.relative(root, file),
      severity: m[1],
      rule: m[2],
      message: m[3],
      configured,
    }));
  });
}

/** The rule-id prefix of each golden folder (test/golden/<area>/). */
const PREFIX_OF_AREA: Record<string, string> = { dockerfile: 'dockerfile/', kubernetes: 'k8s/', helm: 'helm/' };

/**
 * The titles of the code actions the goldens show (`* title`), which the editor also shows as plain
 * text, with the rule-id prefix of the golden's area standing in for the rule.
 */
function goldenFixTitles(): Array<{ rule: string; text: string }> {
  const root = repoPath('test', 'golden');
  return findGoldenFiles(root)
    .filter(({ op }) => op === 'codeactions')
    .flatMap(({ file }) => {
      const area = path.relative(root, file).split(path.sep)[0];
      const prefix = PREFIX_OF_AREA[area] ?? `${area}/`;
      return [...parseGolden(fs.readFileSync(file, 'utf8')).expected.matchAll(/^\* (.*?)(?: \(preferred\))?$/gm)].map((m) => ({ rule: prefix, text: m[1] }));
    });
}

/** Runs the CLI in-process over the repository's own corpus and returns its output. */
async function lintCorpus(format: 'json' | 'sarif'): Promise<string> {
  let stdout = '';
  const io: CliEnvironment = {
    cwd: repoPath(),
    env: {},
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: () => true },
    version: '0.0.0',
    bundledNotesDir: repoPath('notes'),
  };
  await main(['lint', '--no-config', '--format', format, 'test/corpus'], io);
  return stdout;
}

// Messages are plain text: the Problems panel, the CLI and SARIF viewers show them raw, so a
// Markdown backtick is noise there. Names go bare or in double quotes.
describe('messages are plain text', () => {
  const withBackticks = (items: Array<{ rule: string; text: string }>) => [
    ...new Set(items.filter((i) => i.text.includes('`')).map((i) => `${i.rule}: ${i.text}`)),
  ];

  test('in every golden (diagnostics and fix titles)', () => {
    assert.deepEqual(withBackticks(goldenDiagnostics().map((d) => ({ rule: d.rule, text: d.message }))), []);
    assert.deepEqual(withBackticks(goldenFixTitles()), []);
  });

  test('in the CLI report and SARIF over test/corpus', async () => {
    const json = JSON.parse(await lintCorpus('json')) as { files: Array<{ diagnostics: Array<{ rule: string; message: string }> }> };
    const fromJson = json.files.flatMap((f) => f.diagnostics.map((d) => ({ rule: d.rule, text: d.message })));
    assert.ok(fromJson.length > 50, `the corpus gives findings (${fromJson.length})`);
    assert.deepEqual(withBackticks(fromJson), []);
    const sarif = JSON.parse(await lintCorpus('sarif')) as { runs: Array<{ results: Array<{ ruleId: string; message: { text: string } }> }> };
    assert.deepEqual(withBackticks(sarif.runs[0].results.map((r) => ({ rule: r.ruleId, text: r.message.text }))), []);
  });
});
