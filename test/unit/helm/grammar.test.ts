import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, test } from 'node:test';
import { repoPath } from '../../support/paths';

const read = (name: string) => JSON.parse(fs.readFileSync(repoPath('syntaxes', name), 'utf8')) as Record<string, unknown>;

/** Every regex-valued property (match, begin, end, while, and language-configuration patterns). */
function regexes(node: unknown, out: Array<{ where: string; source: string }> = [], where = ''): Array<{ where: string; source: string }> {
  if (Array.isArray(node)) node.forEach((n, i) => regexes(n, out, `${where}[${i}]`));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && /^(match|begin|end|while|start|beforeText|afterText|increaseIndentPattern|decreaseIndentPattern|wordPattern)$/.test(key))
        out.push({ where: `${where}.${key}`, source: value });
      else regexes(value, out, `${where}.${key}`);
    }
  }
  return out;
}

describe('Helm grammar', () => {
  const grammar = read('helm.tmLanguage.json');
  const repository = grammar.repository as Record<
    string,
    { begin?: string; end?: string; match?: string; patterns?: Array<{ match?: string; name?: string }> }
  >;

  test('is valid JSON with the scope the manifest names, and every regex compiles', () => {
    assert.equal(grammar.scopeName, 'source.helm');
    const manifest = JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8'));
    assert.ok(manifest.contributes.grammars.some((g: { scopeName: string }) => g.scopeName === 'source.helm'));
    const all = regexes(grammar);
    assert.ok(all.length > 15);
    for (const r of all) assert.doesNotThrow(() => new RegExp(r.source), r.where);
  });

  test('includes resolve to repository entries', () => {
    const text = JSON.stringify(grammar);
    for (const m of text.matchAll(/"include":"#([^"]+)"/g)) assert.ok(repository[m[1]], m[1]);
  });

  test('actions open on `{{` and `{{- ` and close on `}}` and ` -}}`, comments first', () => {
    const begin = new RegExp(repository.action.begin as string, 'g');
    const end = new RegExp(repository.action.end as string);
    assert.deepEqual(
      [...'a-{{ x }} [ {{ join "," .a }} ] {{- y -}}'.matchAll(begin)].map((m) => m[0]),
      ['{{', '{{', '{{-'],
    );
    assert.equal(end.exec(' -}}')?.[0], '-}}');
    assert.equal(new RegExp(repository.action.begin as string).exec('{{-3}}')?.[0], '{{', '`{{-3}}` is a number, not a trim marker');
    assert.ok(new RegExp(repository.comment.begin as string).test('{{- /* x */ -}}'));
  });

  test('a quoted string inside an action is consumed whole, so `","` and `"}}"` do not end anything', () => {
    const string = repository.string;
    assert.equal(string.begin, '"');
    const body = ' join "," .Values.args }}';
    const open = body.indexOf('"');
    const close = body.indexOf('"', open + 1);
    assert.equal(body.slice(open, close + 1), '","');
    assert.ok(new RegExp(string.end as string).test('"'));
  });

  test('functions from the reference table are highlighted', () => {
    const fn = repository.expression.patterns?.find((p) => p.name === 'support.function.helm');
    const re = new RegExp(fn?.match as string);
    for (const name of ['include', 'toYaml', 'nindent', 'required', 'lookup', 'default', 'printf']) assert.ok(re.test(` ${name} `), name);
  });
});

describe('Helm language configuration', () => {
  const config = read('helm.language-configuration.json');
  test('regexes compile; `{{ }}` is a bracket pair; blocks fold to their end', () => {
    for (const r of regexes(config)) assert.doesNotThrow(() => new RegExp(r.source), r.where);
    assert.ok((config.brackets as string[][]).some(([a, b]) => a === '{{' && b === '}}'));
    const markers = (config.folding as { markers: { start: string; end: string } }).markers;
    for (const line of ['{{- if .Values.a }}', '  {{ range $k, $v := .x }}', '{{ with .a }}', '{{- define "x" -}}'])
      assert.ok(new RegExp(markers.start).test(line), line);
    assert.ok(new RegExp(markers.end).test('  {{- end }}'));
    assert.ok(!new RegExp(markers.start).test('{{ include "x" . }}'));
  });
});
