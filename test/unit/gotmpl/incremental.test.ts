import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { expressions, parse, reparse, type Template, walk } from '../../../server/src/gotmpl';
import { corpusTemplates } from '../../support/helmCorpus';
import { seededRandom } from '../../support/random';

/** What an edit may insert: delimiters, keywords, quotes and the lexer's look-ahead cases (an open raw string, a char constant running past `}}`). */
const INSERTS = [
  '{{',
  '}}',
  '{{- ',
  ' -}}',
  '\n',
  ' ',
  '.',
  '$x',
  '"',
  '`',
  "'",
  '(',
  ')',
  '|',
  ':=',
  'end',
  '{{ end }}',
  '{{ else }}',
  '{{ else if .Values.b }}',
  '{{ if .Values.a }}',
  '{{ range $i, $v := .Values.list }}',
  '{{ define "x" }}',
  '{{/* ',
  ' */}}',
  '{{ `open',
  "{{ '\\x }} y' }}",
  '{{ break }}',
  'x',
];

/** Every action a node points at is the template's own action object, as in a fresh parse. */
function assertSharesActions(t: Template): void {
  const actions = new Set(t.actions);
  walk(t.nodes, (node) => {
    for (const key of ['action', 'elseAction', 'endAction'] as const) {
      const action = (node as Partial<Record<typeof key, unknown>>)[key];
      if (action) assert.ok(actions.has(action as never), `${node.type}.${key} is one of the template's actions`);
    }
  });
}

/** Every segment of a path is a field token of the template's actions, as the parser makes it (see FieldToken). */
function assertSegmentsAreTokens(t: Template): void {
  const tokens = new Set(t.actions.flatMap((a) => a.tokens));
  walk(t.nodes, (node) => {
    const pipeline = 'pipeline' in node ? node.pipeline : undefined;
    for (const e of pipeline ? expressions(pipeline) : []) {
      for (const segment of 'path' in e ? e.path : []) assert.ok(tokens.has(segment as never), `the segment "${segment.name}" at ${segment.start} is a token`);
    }
  });
}

test('re-parsing after random edits of real templates gives exactly a fresh parse', () => {
  const templates = corpusTemplates();
  assert.ok(templates.length >= 10, 'the corpus has templates');
  const random = seededRandom(13);
  const pick = (n: number) => Math.floor(random() * n);
  let edits = 0;
  for (let round = 0; round < 300; round++) {
    let text = templates[round % templates.length];
    let tree = parse(text);
    // A run of edits, each applied to the tree the previous re-parse made, as while typing.
    for (let step = 0; step < 8; step++) {
      const at = pick(text.length + 1);
      const removed = pick(3) === 0 ? pick(12) : 0;
      const inserted = pick(4) === 0 ? '' : INSERTS[pick(INSERTS.length)];
      text = text.slice(0, at) + inserted + text.slice(at + removed);
      tree = reparse(tree, text);
      assert.deepEqual(tree, parse(text), `round ${round}, step ${step}: ${JSON.stringify(inserted)} at ${at}, ${removed} removed`);
      assertSharesActions(tree);
      assertSegmentsAreTokens(tree);
      edits++;
    }
  }
  assert.equal(edits, 2400);
});

test('an edit keeps the nodes before its line and moves the ones after it', () => {
  const block = (i: number) => `item${i}: {{ .Values.a${i} | quote }}\n{{- if .Values.b${i} }}\nb: {{ .Values.b${i} }}\n{{- end }}\n`;
  const before = Array.from({ length: 50 }, (_, i) => block(i)).join('');
  const at = before.indexOf('item25: ') + 'item25'.length;
  const after = before.slice(0, at) + 'x' + before.slice(at);
  const previous = parse(before);
  const next = reparse(previous, after);
  assert.deepEqual(next, parse(after));
  const firstKept = previous.nodes.findIndex((n) => n.start >= before.indexOf('item25'));
  assert.ok(firstKept > 0);
  // The nodes before the edited line are the previous objects; the last ones are copies one character later.
  assert.ok(previous.nodes.slice(0, firstKept - 1).every((n, i) => next.nodes[i] === n));
  const lastBefore = previous.nodes[previous.nodes.length - 2];
  const lastAfter = next.nodes[next.nodes.length - 2];
  assert.notEqual(lastAfter, lastBefore);
  assert.equal(lastAfter.start, lastBefore.start + 1);
});

test('re-parsing the same text gives the same tree', () => {
  const text = 'a: {{ .Values.a }}\n';
  const tree = parse(text);
  assert.equal(reparse(tree, text), tree);
});

test('edits that change how earlier actions scan are parsed from the start of what they change', () => {
  // Each edit makes text before it read differently: a backtick closes a raw string left open
  // lines above, `}}` closes an action, `*/` a comment.
  const cases: Array<[string, string, string]> = [
    ['{{ `a\nb }}\nc: d\n', 'c: d', 'c: `d'],
    ['{{ .Values.a\nb: {{ .Values.b }}\n', 'b:', '}} b:'],
    ['{{/* note\nx: {{ .Values.x }}\n', 'x:', '*/}} x:'],
    ["{{ '\\x }} y: {{ .Values.y }}\n", 'y:', "' }} y:"],
  ];
  for (const [before, find, replace] of cases) {
    const after = before.replace(find, replace);
    assert.deepEqual(reparse(parse(before), after), parse(after), JSON.stringify(after));
  }
});
