import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import * as ts from 'typescript';
import { NotesIndex } from '../../../server/src/notes';
import { FUNCTION_GROUPS, KEYWORDS } from '../../../server/src/helm/reference';
import { allRules } from '../../../server/src/services';
import { bundledNotes } from '../../support/fixture';
import { CONCEPT_KEYS, documentedKeys, keysUnder, PRODUCED_KEYS } from '../../support/noteKeys';
import { repoPath } from '../../support/paths';

// docs/notes-keys.md is the one list of the keys the bundled notes cover; every rule's key is
// covered too. Each needs a bundled note in each language, and each listed key must have a form
// the server can produce (or, for the concept keys, one it does not produce yet).

const KEYS_DOC = fs.readFileSync(repoPath('docs', 'notes-keys.md'), 'utf8');

/** A key's `<namespace>:<kind>`: `k8s:field/spec.selector` → `k8s:field`, `helm:values` → `helm:values`. */
function formOf(key: string): string | undefined {
  return /^[a-z0-9-]+:[a-z]*(?=\/|$)/.exec(key)?.[0];
}

/**
 * The key forms the server can produce: the forms that string literals in server/src start with
 * (`docker:instruction/${…}`, `'helm:values'`, the JSON reference data). notes/ is left out: it
 * reads keys (aliases, terms) and never hands one to a lookup.
 */
function producedForms(): Set<string> {
  const forms = new Set<string>();
  const add = (text: string) => {
    const form = formOf(text);
    if (form) forms.add(form);
  };
  const fromJson = (value: unknown): void => {
    if (typeof value === 'string') add(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(fromJson);
  };
  const fromNode = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node)) add(node.text);
    ts.forEachChild(node, fromNode);
  };
  const src = repoPath('server', 'src');
  for (const file of fs.readdirSync(src, { recursive: true, encoding: 'utf8' })) {
    if (file.split(path.sep)[0] === 'notes') continue;
    const text = () => fs.readFileSync(path.join(src, file), 'utf8');
    if (file.endsWith('.ts')) fromNode(ts.createSourceFile(file, text(), ts.ScriptTarget.Latest));
    else if (file.endsWith('.json')) fromJson(JSON.parse(text()));
  }
  return forms;
}

describe('bundled notes cover every listed key and every rule', () => {
  const index = new NotesIndex();
  for (const note of bundledNotes()) index.setFile({ ...note, origin: 'bundled' });
  const keys = [...documentedKeys(KEYS_DOC), ...allRules().map((r) => `rule:${r.id}`)];
  for (const language of ['en', 'zh-cn'] as const) {
    test(`notes/${language}: a section tagged with each key`, () => {
      const missing = keys.filter((key) => !index.rank([key], { includeBundled: true, language }).some((r) => r.tier === 1));
      assert.deepEqual(missing, [], `keys without a bundled ${language} note; tag a section with <!-- keys: … -->`);
    });
  }
});

describe('every Helm template word has a listed key', () => {
  const listed = new Set(keysUnder(KEYS_DOC, PRODUCED_KEYS));
  test('each function family (helm/data/functionGroups.json) and each keyword (helm/data/keywords.json), `$` and `.`', () => {
    const families = [...new Set(FUNCTION_GROUPS.values())].map((family) => `helm:functions/${family}`);
    const keywords = [...KEYWORDS.map((k) => k.name.split(' ')[0]), '$', '.'].map((name) => `helm:keyword/${name}`);
    assert.deepEqual(
      [...new Set([...families, ...keywords])].filter((key) => !listed.has(key)),
      [],
    );
  });
});

/** The keys whose form is not among `produced`. */
function unproducible(keys: readonly string[], produced: ReadonlySet<string>): string[] {
  return keys.filter((key) => !produced.has(formOf(key) ?? ''));
}

describe('docs/notes-keys.md', () => {
  const produced = producedForms();
  const listed = keysUnder(KEYS_DOC, PRODUCED_KEYS);
  const concepts = keysUnder(KEYS_DOC, CONCEPT_KEYS);

  test('reads as bullets of comma-separated keys, wrapped lines included', () => {
    for (const key of [
      'docker:instruction/MAINTAINER',
      'docker:flag/RUN --mount',
      'k8s:value/Service.spec.type=ExternalName',
      'helm:values',
      'helm:file/charts',
    ]) {
      assert.ok(listed.includes(key), key);
    }
    assert.ok(concepts.includes('k8s:topic/object-model') && concepts.includes('helm:topic/tiller'));
  });

  test('lists only keys of a form the server produces', () => {
    assert.deepEqual(unproducible(listed, produced), []);
  });

  test('lists as concepts only keys of a form nothing produces yet', () => {
    assert.deepEqual(
      concepts.filter((key) => produced.has(formOf(key) ?? '')),
      [],
      'a module now produces these forms: move their bullets up',
    );
  });

  test('the form check catches a kind no module emits', () => {
    const doc = `## ${PRODUCED_KEYS}\n\n- \`k8s:kind/\` Pod\n- \`k8s:knd/\` Pod, Service\n- \`terraform:resource/\` web\n`;
    assert.deepEqual(unproducible(keysUnder(doc, PRODUCED_KEYS), produced), ['k8s:knd/Pod', 'k8s:knd/Service', 'terraform:resource/web']);
  });
});
