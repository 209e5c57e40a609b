import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { parse } from '../../../server/src/gotmpl';
import { keepFinding, valueLocalSpans } from '../../../server/src/helm/kubernetes';
import { neutralize, type Neutralized } from '../../../server/src/helm/neutralize';
import { repoPath } from '../../support/paths';

/** Neutralises with `.Values.<path>` actions resolved from a plain object of defaults. */
function run(text: string, defaults: Record<string, unknown> = {}): Neutralized {
  const template = parse(text);
  const simple = new Map<number, string[]>();
  for (const action of template.actions) {
    const m = /^\{\{-?\s*\.Values\.([\w.]+)\s*(\|\s*quote\s*)?-?\}\}$/.exec(text.slice(action.start, action.end));
    if (m) simple.set(action.start, m[1].split('.'));
  }
  return neutralize(template, simple, (p, quoted) => {
    let v: unknown = defaults;
    for (const k of p) v = (v as Record<string, unknown> | undefined)?.[k];
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return undefined;
    return quoted ? JSON.stringify(String(v)) : String(v);
  });
}

function assertSameLayout(source: string, out: string): void {
  assert.equal(out.length, source.length, 'same length');
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\n' || out[i] === '\n') assert.equal(out[i], source[i], `newline kept at ${i}`);
  }
}

const yamlErrors = (text: string) => parseAllDocuments(text).flatMap((d) => ('errors' in d ? d.errors : []));

describe('neutralize', () => {
  test('keeps every offset and newline', () => {
    const src = 'a: {{ .Values.x }}\n{{- if .Values.y }}\nb: 1\n{{- end }}\n';
    const out = run(src).text;
    assertSameLayout(src, out);
    assert.equal(out.split('\n')[2], 'b: 1');
  });

  test('puts a simple scalar default in place when it fits, padded with spaces', () => {
    const src = 'replicas: {{ .Values.replicas }}\ntype: {{ .Values.service.type | quote }}\n';
    const n = run(src, { replicas: 3, service: { type: 'ClusterIP' } });
    const pad = (value: string, action: string) => value.padEnd(action.length);
    assert.equal(n.text, `replicas: ${pad('3', '{{ .Values.replicas }}')}\ntype: ${pad('"ClusterIP"', '{{ .Values.service.type | quote }}')}\n`);
    assert.deepEqual(
      n.substitutions.map((s) => s.path.join('.')),
      ['replicas', 'service.type'],
    );
    assert.deepEqual(n.opaque, []);
    assert.deepEqual(n.structural, []);
  });

  test('a default longer than its action is not substituted; the action becomes an opaque placeholder', () => {
    const src = 'name: {{ .Values.n }}\n';
    const n = run(src, { n: 'a-very-long-default-name' });
    assert.equal(n.text, `name: ${'x'.repeat('{{ .Values.n }}'.length)}\n`);
    assert.equal(n.substitutions.length, 0);
    assert.equal(n.opaque.length, 1);
  });

  test('inline actions inside strings and flow lists become placeholders', () => {
    const src = 'image: "{{ .Values.repo }}:{{ .Values.tag }}"\nargs: [ {{ join "," .Values.args }} ]\nname: {{ .Release.Name }}-web\n';
    const n = run(src);
    assertSameLayout(src, n.text);
    assert.deepEqual(yamlErrors(n.text), []);
    assert.match(n.text, /^image: "x+:x+"$/m);
    assert.equal(n.opaque.length, 4);
  });

  test('standalone and block-producing actions become blanks and mark their document structural', () => {
    const src = 'a: 1\n---\nmetadata:\n  labels:\n    {{- include "x.labels" . | nindent 4 }}\nspec: {{ toYaml .Values.spec | nindent 2 }}\n';
    const n = run(src);
    assertSameLayout(src, n.text);
    assert.equal(n.structural.length, 1);
    assert.equal(n.structural[0].start, src.indexOf('---'));
    assert.ok(!n.text.includes('x.labels'));
  });

  test('documents opened inside a range body count as built by the template', () => {
    const src = '{{- range .Values.items }}\n---\nkind: ConfigMap\ndata: {}\n{{- end }}\n';
    const n = run(src);
    assert.ok(n.structural.some((d) => d.start <= src.indexOf('kind') && src.indexOf('kind') < d.end));
  });

  test('else branches and define bodies are blanked so no key appears twice', () => {
    const src = '{{- define "d" }}\nkind: X\n{{- end }}\n{{- if .Values.a }}\ntype: A\n{{- else if .Values.b }}\ntype: B\n{{- else }}\ntype: C\n{{- end }}\n';
    const n = run(src);
    assertSameLayout(src, n.text);
    assert.equal(n.text.match(/type:/g)?.length, 1);
    assert.ok(!n.text.includes('kind'));
    assert.deepEqual(yamlErrors(n.text), []);
  });

  test('comments and declarations leave blanks and are not opaque', () => {
    const src = '{{/* doc */}}\n{{- $x := .Values.a }}\na: 1\n';
    const n = run(src);
    assert.equal(n.text.trim(), 'a: 1');
    assert.deepEqual(n.opaque, []);
  });

  test('half-typed and broken templates never throw and keep the layout', () => {
    for (const src of ['a: {{ .Values.', '{{ if .a }}\nb: {{ end', '{{/* x', 'x: {{ "a\n}}', '{{ end }}{{ else }}']) {
      assertSameLayout(src, run(src).text);
    }
  });

  test('the valid corpus templates neutralise to valid YAML', () => {
    const root = repoPath('test', 'corpus', 'helm', 'valid');
    const files: string[] = [];
    const walkDir = (d: string) => {
      for (const name of fs.readdirSync(d)) {
        const p = path.join(d, name);
        if (fs.statSync(p).isDirectory()) walkDir(p);
        else if (/[/\\]templates[/\\]/.test(p) && /\.ya?ml$/.test(name) && !name.startsWith('_')) files.push(p);
      }
    };
    walkDir(root);
    assert.ok(files.length >= 10, `corpus has templates (${files.length})`);
    for (const file of files) {
      const src = fs.readFileSync(file, 'utf8');
      const out = run(src).text;
      assertSameLayout(src, out);
      assert.deepEqual(
        yamlErrors(out).map((e) => e.message),
        [],
        path.relative(root, file),
      );
    }
  });
});

describe('keepFinding', () => {
  const src = [
    'apiVersion: extensions/v1beta1',
    'kind: Deployment',
    'spec:',
    '  replicas: {{ .Values.replicas }}',
    '  name: {{ .Release.Name }}',
    '  template:',
    '    spec:',
    '      {{- toYaml .Values.pod | nindent 6 }}',
    '      containers:',
    '        - image: nginx:latest',
    '          name: web',
  ].join('\n');
  const n = run(src, { replicas: 'three' });
  const local = valueLocalSpans(n.text);
  const at = (needle: string) => {
    const start = src.indexOf(needle);
    return [start, start + needle.length] as const;
  };

  test('a finding on a literal value of a value-local key is kept even in a structural document', () => {
    assert.deepEqual(keepFinding(n, local, ...at('extensions/v1beta1')), {});
    assert.deepEqual(keepFinding(n, local, ...at('nginx:latest')), {});
  });

  test('a finding about a mapping in a structural document is dropped (generated lines may answer it)', () => {
    assert.equal(keepFinding(n, local, ...at('containers')), undefined);
    assert.equal(keepFinding(n, local, ...at('name: web')), undefined);
  });

  test('a finding touching an opaque action is dropped; one inside a substituted default is attributed to it', () => {
    assert.equal(keepFinding(n, local, ...at('{{ .Release.Name }}')), undefined);
    const plain = run('spec:\n  replicas: {{ .Values.replicas }}\n', { replicas: 'three' });
    const start = plain.text.indexOf('three');
    assert.deepEqual(keepFinding(plain, valueLocalSpans(plain.text), start, start + 5)?.substitution?.path, ['replicas']);
    assert.equal(keepFinding(plain, valueLocalSpans(plain.text), start - 4, start + 5), undefined);
  });

  test('in a document without generated structure every literal finding is kept', () => {
    const plain = run('kind: Service\nspec:\n  type: {{ .Values.type }}\n  ports: []\n', { type: 'NodePorts' });
    const start = plain.text.indexOf('ports');
    assert.deepEqual(keepFinding(plain, valueLocalSpans(plain.text), start, start + 5), {});
  });
});
