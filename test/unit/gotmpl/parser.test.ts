import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  actionAt,
  type ActionNode,
  type BranchNode,
  type DefineNode,
  expressions,
  type FieldNode,
  nodePath,
  parse,
  type Template,
  type TemplateCallNode,
  type TemplateNode,
  type VariableNode,
  walk,
} from '../../../server/src/gotmpl';
import { corpusTemplates } from '../../support/helmCorpus';

const codes = (t: Template) => t.errors.map((e) => e.code);
const only = <T extends TemplateNode>(t: Template, type: T['type']): T[] => {
  const out: T[] = [];
  walk(t.nodes, (n) => {
    if (n.type === type) out.push(n as T);
  });
  return out;
};
const firstAction = (src: string) => parse(src).nodes.find((n) => n.type === 'action') as ActionNode;
const slice = (src: string, n: { start: number; end: number }) => src.slice(n.start, n.end);

/** Every offset in the tree lies inside the text and nodes are ordered; used on all inputs. */
function assertWellFormed(t: Template): void {
  let last = 0;
  for (const a of t.actions) {
    assert.ok(a.start >= last && a.start <= a.end && a.end <= t.text.length, `action ${a.start}-${a.end}`);
    assert.ok(a.innerStart >= a.start && a.innerEnd <= a.end, 'inner span inside the action');
    for (const tok of a.tokens) assert.ok(tok.start >= a.start && tok.end <= a.end && tok.start <= tok.end, 'token inside its action');
    last = a.end;
  }
  walk(t.nodes, (n, ancestors) => {
    assert.ok(n.start >= 0 && n.start <= n.end && n.end <= t.text.length, `${n.type} ${n.start}-${n.end}`);
    for (const p of ancestors) assert.ok(p.start <= n.start && n.end <= p.end, `${n.type} inside ${p.type}`);
  });
  for (const e of t.errors) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= t.text.length, `error ${e.code} ${e.start}-${e.end}`);
}

describe('gotmpl lexer', () => {
  test('text and actions alternate with exact offsets', () => {
    const src = 'a: {{ .Values.x }}\nb: {{ 1 }}';
    const t = parse(src);
    assert.deepEqual(
      t.nodes.map((n) => [n.type, slice(src, n)]),
      [
        ['text', 'a: '],
        ['action', '{{ .Values.x }}'],
        ['text', '\nb: '],
        ['action', '{{ 1 }}'],
      ],
    );
    assert.deepEqual(t.errors, []);
  });

  test('trim markers need a space; `{{-3}}` is a number', () => {
    const t = parse('{{- .a -}} {{-3}} {{ 3 -}}');
    assert.deepEqual(
      t.actions.map((a) => [a.trimLeft, a.trimRight]),
      [
        [true, true],
        [false, false],
        [false, true],
      ],
    );
    assert.equal(t.actions[1].tokens[0].type, 'number');
    assert.equal(t.actions[1].tokens[0].value, '-3');
  });

  test('strings: escapes, `}}` and `{{` inside strings, raw strings over lines, chars', () => {
    const src = '{{ tpl "{{ .Values.x }}" . }} {{ print "a\\"}}b" }} {{ `x\n}}y` }} {{ \'a\' }}';
    const t = parse(src);
    assert.deepEqual(t.errors, []);
    assert.equal(t.actions.length, 4);
    assert.equal(t.actions[0].tokens[1].value, '{{ .Values.x }}');
    assert.equal(t.actions[1].tokens[1].value, 'a"}}b');
    assert.equal(t.actions[2].tokens[0].type, 'rawString');
    assert.equal(t.actions[2].tokens[0].value, 'x\n}}y');
    assert.equal(t.actions[3].tokens[0].type, 'char');
  });

  test('numbers in Go syntax', () => {
    for (const n of ['0', '42', '-7', '+3', '1.5', '.5', '1e3', '0x1F', '0o17', '0b101', '1_000', '2i']) {
      const a = firstAction(`{{ ${n} }}`);
      const arg = a.pipeline.commands[0].args[0];
      assert.equal(arg.type, 'number', n);
      assert.equal((arg as { value: string }).value, n);
    }
  });

  test('keywords, bools and nil', () => {
    const t = parse('{{ true }}{{ false }}{{ nil }}');
    assert.deepEqual(
      t.actions.map((a) => a.tokens[0].type),
      ['bool', 'bool', 'nil'],
    );
  });

  test('comments, with and without trim markers, over several lines', () => {
    const src = '{{/* one */}}{{- /* two\nlines */ -}}{{/* a }} b */}}';
    const t = parse(src);
    assert.deepEqual(t.errors, []);
    assert.deepEqual(
      t.nodes.map((n) => n.type),
      ['comment', 'comment', 'comment'],
    );
    assert.equal(t.actions[1].trimLeft && t.actions[1].trimRight, true);
  });

  test('a comment must end at the delimiter', () => {
    assert.deepEqual(codes(parse('{{/* x */ .a }}')), ['unclosed-comment']);
    assert.deepEqual(codes(parse('{{/* never closed\nmore text')), ['unclosed-comment']);
  });

  test('unclosed action stops at the line end and the rest still parses', () => {
    const src = 'a: {{ .Values.\nb: {{ .Values.y }}\n';
    const t = parse(src);
    assert.deepEqual(codes(t), ['unclosed-action']);
    assert.equal(slice(src, t.actions[0]), '{{ .Values.');
    assert.equal(slice(src, t.actions[1]), '{{ .Values.y }}');
    assert.equal(t.actions[1].closed, true);
  });

  test('unclosed action before another action on the same line', () => {
    const t = parse('{{ .a {{ .b }}');
    assert.deepEqual(codes(t), ['unclosed-action']);
    assert.equal(t.actions.length, 2);
  });

  test('multi-line actions are fine', () => {
    const t = parse('{{- include "x" (dict\n  "a" 1\n  "b" 2) | nindent 4 }}');
    assert.deepEqual(t.errors, []);
  });

  test('unterminated string is an error, not a crash', () => {
    assert.ok(codes(parse('{{ print "abc }}')).includes('syntax'));
  });

  test('stray characters are reported', () => {
    assert.ok(codes(parse('{{ .a ; .b }}')).includes('syntax'));
  });
});

describe('gotmpl pipelines', () => {
  test('field chains with segment offsets', () => {
    const src = '{{ .Values.image.tag }}';
    const f = firstAction(src).pipeline.commands[0].args[0] as FieldNode;
    assert.equal(f.type, 'field');
    assert.deepEqual(
      f.path.map((s) => s.name),
      ['Values', 'image', 'tag'],
    );
    assert.deepEqual(
      f.path.map((s) => slice(src, s)),
      ['.Values', '.image', '.tag'],
    );
  });

  test('half-typed field keeps an empty last segment', () => {
    const f = firstAction('{{ .Values.image. }}').pipeline.commands[0].args[0] as FieldNode;
    assert.deepEqual(
      f.path.map((s) => s.name),
      ['Values', 'image', ''],
    );
  });

  test('variables: $, $x.a, declarations and assignments', () => {
    const a = firstAction('{{ $x := $.Values.a }}');
    assert.deepEqual(
      a.pipeline.variables.map((v) => v.name),
      ['$x'],
    );
    assert.equal(a.pipeline.assign, false);
    const v = a.pipeline.commands[0].args[0] as VariableNode;
    assert.equal(v.name, '$');
    assert.deepEqual(
      v.path.map((s) => s.name),
      ['Values', 'a'],
    );
    assert.equal(firstAction('{{ $x = 2 }}').pipeline.assign, true);
  });

  test('a space separates arguments: `$x .a` is two operands', () => {
    const args = firstAction('{{ index $x .a }}').pipeline.commands[0].args;
    assert.deepEqual(
      args.map((a) => a.type),
      ['identifier', 'variable', 'field'],
    );
  });

  test('commands split on pipes; parenthesised calls nest; chains on parens', () => {
    const src = '{{ (include "x" .).field | default (printf "%s-%s" .a (lower .b)) | quote }}';
    const p = firstAction(src).pipeline;
    assert.equal(p.commands.length, 3);
    assert.equal(p.commands[0].args[0].type, 'chain');
    const names = expressions(p)
      .filter((e) => e.type === 'identifier')
      .map((e) => (e as { name: string }).name);
    assert.deepEqual(names, ['include', 'default', 'printf', 'lower', 'quote']);
  });

  test('pipeline errors: leading or doubled pipe, empty parens, unclosed paren, stray `)`', () => {
    assert.ok(codes(parse('{{ | .a }}')).includes('syntax'));
    assert.ok(codes(parse('{{ .a | | quote }}')).includes('syntax'));
    assert.ok(codes(parse('{{ () }}')).includes('syntax'));
    assert.ok(codes(parse('{{ (len .a }}')).includes('syntax'));
    assert.ok(codes(parse('{{ .a ) }}')).includes('syntax'));
    assert.ok(codes(parse('{{ }}')).includes('syntax'));
    assert.ok(codes(parse('{{ $x := }}')).includes('syntax'));
  });

  test('a pipe right before the closing delimiter or parenthesis is accepted, as Go accepts it', () => {
    const t = parse('{{ toYaml .a | nindent 4 | }}{{ (.b | quote |) }}');
    assert.deepEqual(t.errors, []);
    assert.equal(firstAction('{{ toYaml .a | nindent 4 | }}').pipeline.commands.length, 2);
  });

  test('deeply nested parentheses are cut off, not recursed', () => {
    const t = parse(`{{ ${'('.repeat(5000)}1${')'.repeat(5000)} }}`);
    assert.ok(t.errors.some((e) => e.message.includes('nested too deeply')));
    assertWellFormed(t);
  });
});

describe('gotmpl control structures', () => {
  test('if / else if / else / end share one end', () => {
    const src = '{{ if .a }}A{{ else if .b }}B{{ else }}C{{ end }}';
    const t = parse(src);
    assert.deepEqual(t.errors, []);
    const node = t.nodes[0] as BranchNode;
    assert.equal(node.type, 'if');
    assert.equal(node.end, src.length);
    const nested = node.elseList?.[0] as BranchNode;
    assert.equal(nested.type, 'if');
    assert.equal(nested.chained, true);
    assert.equal(slice(src, nested.elseAction as { start: number; end: number }), '{{ else }}');
    assert.equal(nested.end, src.length);
  });

  test('else with, range with two variables and else', () => {
    const src = '{{ with .a }}{{ . }}{{ else with .b }}x{{ end }}{{ range $i, $v := .list }}{{ $i }}{{ else }}none{{ end }}';
    const t = parse(src);
    assert.deepEqual(t.errors, []);
    const range = t.nodes[1] as BranchNode;
    assert.equal(range.type, 'range');
    assert.deepEqual(
      range.pipeline.variables.map((v) => v.name),
      ['$i', '$v'],
    );
    assert.equal(((t.nodes[0] as BranchNode).elseList?.[0] as BranchNode).type, 'with');
  });

  test('break and continue only inside range', () => {
    assert.deepEqual(codes(parse('{{ range .a }}{{ if . }}{{ break }}{{ end }}{{ continue }}{{ end }}')), []);
    assert.deepEqual(codes(parse('{{ break }}')), ['syntax']);
    assert.deepEqual(codes(parse('{{ range .a }}{{ else }}{{ continue }}{{ end }}')), ['syntax']);
  });

  test('define, block and template calls carry their names', () => {
    const src = '{{ define "a.b" }}x{{ end }}{{ block "c" . }}y{{ end }}{{ template "a.b" . }}';
    const t = parse(src);
    assert.deepEqual(t.errors, []);
    assert.deepEqual(
      only<DefineNode>(t, 'define').map((d) => [d.name, slice(src, d.nameSpan)]),
      [['a.b', '"a.b"']],
    );
    assert.equal(only<DefineNode>(t, 'block')[0].name, 'c');
    assert.equal(only<TemplateCallNode>(t, 'template')[0].name, 'a.b');
  });

  test('define without a name, define nested in a block', () => {
    assert.ok(codes(parse('{{ define }}{{ end }}')).includes('syntax'));
    assert.ok(codes(parse('{{ if .a }}{{ define "x" }}{{ end }}{{ end }}')).includes('syntax'));
  });

  test('missing end names the open block; extra end and stray else are reported', () => {
    const src = 'a\n{{ if .a }}\n{{ range .b }}\n';
    const t = parse(src);
    assert.deepEqual(codes(t), ['missing-end', 'missing-end']);
    assert.equal(slice(src, t.errors[0]), '{{ if .a }}');
    assert.deepEqual(codes(parse('{{ end }}')), ['unexpected-end']);
    assert.deepEqual(codes(parse('{{ else }}')), ['unexpected-else']);
    assert.deepEqual(codes(parse('{{ define "x" }}{{ else }}{{ end }}')), ['unexpected-else']);
    assert.deepEqual(codes(parse('{{ if .a }}{{ else }}{{ else }}{{ end }}')), ['unexpected-else']);
  });

  test('a chained else-if without end reports once', () => {
    assert.deepEqual(codes(parse('{{ if .a }}{{ else if .b }}')), ['missing-end']);
  });

  test('if without a condition', () => {
    assert.ok(codes(parse('{{ if }}{{ end }}')).includes('syntax'));
  });

  test('nodePath and actionAt find the innermost node at an offset', () => {
    const src = '{{ range .items }}{{ with .x }}{{ .y }}{{ end }}{{ end }}';
    const t = parse(src);
    const at = src.indexOf('.y');
    assert.deepEqual(
      nodePath(t, at).map((n) => n.type),
      ['range', 'with', 'action'],
    );
    assert.equal(slice(src, actionAt(t, at) as { start: number; end: number }), '{{ .y }}');
    assert.equal(actionAt(t, 0), undefined);
    const half = parse('x: {{ .Values.');
    assert.ok(actionAt(half, half.text.length));
  });

  test('nodePath is, at every offset of the corpus, the path of the first sibling holding it', () => {
    // The definition nodePath's search of sorted siblings must keep: a text node at its very end
    // gives way to what follows it.
    const byScan = (template: Template, offset: number): TemplateNode[] => {
      const path: TemplateNode[] = [];
      let list: readonly TemplateNode[] = template.nodes;
      for (;;) {
        const hit = list.find((n) => n.start <= offset && offset <= n.end && !(n.type === 'text' && offset === n.end));
        if (!hit) return path;
        path.push(hit);
        if (!('list' in hit)) return path;
        list = 'elseAction' in hit && hit.elseAction && offset >= hit.elseAction.start ? (hit.elseList ?? []) : hit.list;
      }
    };
    let offsets = 0;
    for (const text of [...corpusTemplates(), '{{ if .a }}{{ else }}{{ end }}', '{{}}{{ .x', 'a{{ define "x" }}{{ end }}b']) {
      const template = parse(text);
      for (let offset = 0; offset <= text.length; offset++, offsets++)
        assert.deepEqual(nodePath(template, offset), byScan(template, offset), `offset ${offset}`);
    }
    assert.ok(offsets > 10_000, `${offsets} offsets`);
  });
});

describe('gotmpl robustness', () => {
  const samples = [
    '{{- define "chart.labels" -}}\napp: {{ .Chart.Name | quote }}\n{{- end }}\n',
    'spec:\n  {{- with .Values.nodeSelector }}\n  nodeSelector:\n    {{- toYaml . | nindent 4 }}\n  {{- end }}\n',
    '{{ range $k, $v := .Values.env }}\n- name: {{ $k }}\n  value: {{ $v | quote }}\n{{ else }}\n[]\n{{ end }}',
    '{{ if and .a (or .b (not .c)) }}x{{ else if eq .d "y" }}y{{ else }}z{{ end }}',
    '{{/* comment */}}{{ $x := dict "a" (list 1 2 3) }}{{ tpl (toYaml $x) $ | indent 2 }}',
    'args: [ {{ join "," .Values.args }} ]\nname: "{{ .Release.Name }}-{{ .Chart.Name }}"\nraw: {{ `a "b" }}` }}\n',
    '{{ block "x" . }}{{ template "y" (dict "a" 1) }}{{ end }}{{ range .a }}{{ break }}{{ continue }}{{ end }}',
  ];

  test('every prefix of valid templates parses without throwing', () => {
    for (const s of samples) {
      for (let i = 0; i <= s.length; i++) assertWellFormed(parse(s.slice(0, i)));
    }
  });

  test('random cuts and splices never throw and keep offsets in range', () => {
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const joined = samples.join('\n');
    for (let round = 0; round < 2000; round++) {
      const a = rand(joined.length);
      const b = rand(joined.length);
      const c = rand(joined.length);
      const text = joined.slice(Math.min(a, b), Math.max(a, b)) + joined.slice(c, c + rand(40)) + '{}()"`\'$.|-'[rand(11)];
      assertWellFormed(parse(text));
    }
  });

  test('binary content and long lines', () => {
    assertWellFormed(parse('\u0000\u0001{{\u0000}}\uffff{{'.repeat(100)));
    assertWellFormed(parse('x'.repeat(1_000_000) + '{{ .a }}'));
    assertWellFormed(parse('{{ "' + 'a'.repeat(100_000)));
  });

  test('10,000 actions and 10,000 nested blocks', () => {
    const flat = parse('a: {{ .Values.a | default "x" | quote }}\n'.repeat(10_000));
    assert.equal(flat.actions.length, 10_000);
    assert.deepEqual(flat.errors, []);
    const nested = parse('{{ if .a }}'.repeat(10_000) + '{{ end }}'.repeat(10_000));
    assert.deepEqual(nested.errors, []);
    let depth = 0;
    walk(nested.nodes, (_n, ancestors) => {
      depth = Math.max(depth, ancestors.length);
    });
    assert.equal(depth, 9_999);
    const unclosed = parse('{{ if .a }}'.repeat(10_000));
    assert.equal(unclosed.errors.length, 10_000);
    const comments = parse('{{/* '.repeat(10_000));
    assertWellFormed(comments);
    const backticks = parse('{{ `'.repeat(10_000));
    assertWellFormed(backticks);
  });
});

test('a run of empty actions opened again and again is one half-typed action', () => {
  const src = `a: ${'{{'.repeat(5000)}\nb: {{ .Values.b }}\n`;
  const t = parse(src);
  assert.deepEqual(codes(t), ['unclosed-action']);
  assert.equal(t.errors[0].end, src.indexOf('\n'));
  assert.equal(only<ActionNode>(t, 'action').length, 2);
});
