import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse, type TokenType } from '../../../server/src/gotmpl';
import { describeLines, scopeFailures, tokenize, type Token } from './textmate';

// The Helm grammar (syntaxes/helm.tmLanguage.json) on VS Code's TextMate engine with VS Code's own
// YAML grammar. Besides the scopes each sample names, every sample must pass three checks:
// no token is `invalid.*` (all samples are templates Helm renders), every `{{ … }}` the project's
// Go-template parser finds is wholly inside `meta.embedded.block.helm` (or `comment.block.helm`)
// with no YAML scope opened inside it, and every token of the parser gets the matching scope.

/** The scopes a Go-template token of each type may get. */
const scopesByTokenType: Partial<Record<TokenType, string[]>> = {
  keyword: ['keyword.control.helm'],
  string: ['string.quoted.double.helm'],
  rawString: ['string.quoted.raw.helm'],
  char: ['constant.character.helm'],
  number: ['constant.numeric.helm'],
  bool: ['constant.language.helm'],
  nil: ['constant.language.helm'],
  variable: ['variable.other.helm'],
  field: ['variable.language.helm', 'variable.other.member.helm'],
  dot: ['variable.language.dot.helm'],
  identifier: ['support.function.helm'],
  pipe: ['keyword.operator.pipe.helm'],
  declare: ['keyword.operator.assignment.helm'],
  assign: ['keyword.operator.assignment.helm'],
  lparen: ['punctuation.section.parens.helm'],
  rparen: ['punctuation.section.parens.helm'],
};

function tokensIn(tokens: Token[], start: number, end: number): Token[] {
  return tokens.filter((token) => token.offset < end && token.offset + token.text.length > start);
}

/** The three checks every sample passes, as a list of failures. */
function invariantFailures(tokens: Token[], text: string): string[] {
  const failures: string[] = [];
  const invalid = tokens.filter((token) => token.scopes.some((scope) => scope.startsWith('invalid')));
  if (invalid.length) failures.push(`invalid tokens:\n${describeLines(tokens, new Set(invalid.map((t) => t.line)))}`);
  for (const action of parse(text).actions) {
    const outer = action.comment ? 'comment.block.helm' : 'meta.embedded.block.helm';
    const wrong = tokensIn(tokens, action.start, action.end).filter((token) => {
      const at = token.scopes.indexOf(outer);
      return at < 0 || token.scopes.slice(at).some((scope) => scope.endsWith('.yaml'));
    });
    if (wrong.length)
      failures.push(
        `${JSON.stringify(text.slice(action.start, action.end))} is not all ${outer}:\n${describeLines(tokens, new Set(wrong.map((t) => t.line)))}`,
      );
    for (const word of action.tokens) {
      const expected = scopesByTokenType[word.type];
      if (!expected) continue;
      const wrongWord = tokensIn(tokens, word.start, word.end).filter((token) => !expected.some((scope) => token.scopes.includes(scope)));
      if (wrongWord.length)
        failures.push(
          `${word.type} ${JSON.stringify(text.slice(word.start, word.end))} should be ${expected.join(' or ')}:\n${describeLines(tokens, new Set(wrongWord.map((t) => t.line)))}`,
        );
    }
  }
  return failures;
}

interface Sample {
  name: string;
  text: string;
  /** `[needle, scope]`, found in order; see scopeFailures. */
  expect: Array<[string, string]>;
}

const key = 'entity.name.tag.yaml';
const begin = 'punctuation.section.embedded.begin.helm';
const end = 'punctuation.section.embedded.end.helm';
const action = 'meta.embedded.block.helm';
const keyword = 'keyword.control.helm';

const samples: Sample[] = [
  {
    name: '`{{- end }}` after a list item inside `range`, at the list indentation',
    text: `env:
  {{- range .Values.env }}
  - name: {{ .name }}
  {{- end }}
ports:
  - 80
`,
    expect: [
      ['{{-', begin],
      ['«-» name', 'punctuation.definition.block.sequence.item.yaml'],
      ['.name', 'variable.other.member.helm'],
      ['{{- «end» }}', keyword],
      ['«ports»:', key],
    ],
  },
  {
    name: '`{{ end }}` at every indentation, after mappings, lists, flow collections and block scalars',
    text: `apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: app
          {{- if .Values.args }}
          args: [{{ .Values.args | join "," }}]
          {{- end }}
          {{- with .Values.env }}
          env:
            - name: A
              value: {{ .a }}
        {{- end }}
        {{- if .Values.sidecar }}
        - name: sidecar
          command: ["sh", "-c"]
      {{- end }}
      {{- if .Values.script }}
      script: |
        echo start
        {{ .Values.script }}
    {{- end }}
{{ end }}
  {{- end -}}
metadata:
  name: x
`,
    expect: [
      ['{{- end }}', action],
      ['{{- end }}', action],
      ['{{- end }}', action],
      ['echo start', 'string.unquoted.block.yaml'],
      ['{{- end }}', action],
      ['{{ end }}', action],
      ['{{- end «-}}»', end],
      ['«metadata»:', key],
      ['«name»: x', key],
    ],
  },
  {
    name: 'trim markers: `{{-` and `-}}` need a space; `{{-3}}` is a number',
    text: `a: {{- .Values.a -}}
b: {{-3}}
c: {{ -3 }}
`,
    expect: [
      ['{{-', begin],
      ['-}}', end],
      ['{{', begin],
      ['-3', 'constant.numeric.helm'],
      ['}}', end],
    ],
  },
  {
    name: 'comments: `{{/* */}}`, `{{- /* */ -}}` and comments over several lines that look like YAML',
    text: `{{/* one line */}}
a: 1 {{- /* trimmed */ -}}
{{/*
Expand the name: of the chart.
  - not: a list
  {{ not an action }}
*/}}
b: 2
`,
    expect: [
      ['{{/* one line */}}', 'comment.block.helm'],
      ['«a»: 1', key],
      ['{{- /* trimmed */ -}}', 'comment.block.helm'],
      ['Expand the name: of the chart.', 'comment.block.helm !entity.name.tag'],
      ['- not: a list', 'comment.block.helm !punctuation.definition.block.sequence.item'],
      ['{{ not an action }}', 'comment.block.helm !meta.embedded'],
      ['*/}}', 'punctuation.definition.comment.end.helm'],
      ['«b»: 2', key],
    ],
  },
  {
    name: 'if / else if / else / end',
    text: `{{- if .Values.a }}
a: 1
{{- else if eq .Values.b "x" }}
b: 2
{{- else }}
c: 3
{{- end }}
`,
    expect: [
      ['if', keyword],
      ['«a»: 1', key],
      ['else', keyword],
      ['if', keyword],
      ['eq', 'support.function.helm'],
      ['"x"', 'string.quoted.double.helm'],
      ['«b»: 2', key],
      ['else', keyword],
      ['«c»: 3', key],
      ['end', keyword],
    ],
  },
  {
    name: 'with, and range with `$i, $v :=`',
    text: `metadata:
  {{- with .Values.podAnnotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  rules:
    {{- range $i, $host := .Values.hosts }}
    - host: {{ $host.name | quote }}
      index: {{ $i }}
    {{- end }}
`,
    expect: [
      ['with', keyword],
      ['.Values', 'variable.language.helm'],
      ['annotations', key],
      ['toYaml', 'support.function.helm'],
      ['|', 'keyword.operator.pipe.helm'],
      ['4', 'constant.numeric.helm'],
      ['range', keyword],
      ['$i', 'variable.other.helm'],
      [',', action],
      ['$host', 'variable.other.helm'],
      [':=', 'keyword.operator.assignment.helm'],
      ['- «host»:', key],
      ['$host', 'variable.other.helm'],
      ['.name', 'variable.other.member.helm'],
      ['«index»:', key],
      ['end', keyword],
    ],
  },
  {
    name: 'define, template, block and include',
    text: `{{- define "app.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
{{- end }}
{{- block "app.extra" . }}{{ end }}
metadata:
  labels:
    {{- include "app.labels" . | nindent 4 }}
    {{- template "app.more" $ }}
`,
    expect: [
      ['define', keyword],
      ['"app.labels"', 'string.quoted.double.helm'],
      ['app.kubernetes.io/name', key],
      ['.Chart', 'variable.language.helm'],
      ['block', keyword],
      ['include', 'support.function.helm'],
      ['template', keyword],
      ['$', 'variable.other.helm'],
    ],
  },
  {
    name: 'pipelines, functions, parentheses, strings with escaped quotes and raw strings',
    text: `image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
arg: {{ printf "%s \\"quoted\\" }}" .Values.x | quote }}
regex: {{ regexMatch \`^a}}b$\` .Values.y }}
value: {{ (include "x" .) | trim }}
count: {{ add 1 (len .Values.list) }}
char: {{ 'c' }}
empty: {{ default nil .Values.none }}
secret: {{ required "a secret" (lookup "v1" "Secret" .Release.Namespace "db") }}
`,
    expect: [
      ['"', 'string.quoted.double.yaml'],
      ['{{', begin],
      ['.image', 'variable.other.member.helm'],
      ['default', 'support.function.helm'],
      ['}}«"»', 'string.quoted.double.yaml'],
      ['«"%s »', 'string.quoted.double.helm'],
      ['«\\"»quoted', 'constant.character.escape.helm'],
      ['«\\"»', 'constant.character.escape.helm'],
      ['« }}"»', 'string.quoted.double.helm'],
      ['quote', 'support.function.helm'],
      ['`^a}}b$`', 'string.quoted.raw.helm'],
      ['(', 'punctuation.section.parens.helm'],
      [')', 'punctuation.section.parens.helm'],
      ['trim', 'support.function.helm'],
      ['len', 'support.function.helm'],
      ["'c'", 'constant.character.helm'],
      ['nil', 'constant.language.helm'],
      ['required', 'support.function.helm'],
      ['lookup', 'support.function.helm'],
    ],
  },
  {
    name: 'variables: `$x`, `$`, assignment, `.Values.a.b`',
    text: `{{- $name := .Values.nameOverride | default .Chart.Name -}}
{{- $name = printf "%s-x" $name }}
global: {{ $.Values.global.registry }}
deep: {{ .Values.a.b.c }}
`,
    expect: [
      ['$name', 'variable.other.helm'],
      [':=', 'keyword.operator.assignment.helm'],
      ['$name', 'variable.other.helm'],
      ['=', 'keyword.operator.assignment.helm'],
      ['$', 'variable.other.helm'],
      ['.Values', 'variable.language.helm'],
      ['.Values', 'variable.language.helm'],
      ['.a', 'variable.other.member.helm'],
      ['.c', 'variable.other.member.helm'],
    ],
  },
  {
    name: 'templates in YAML keys, values, list items, flow collections, quoted strings and comments',
    text: `metadata:
  labels:
    {{ $key }}: {{ $value | quote }}
    {{ template "common.names.fullname" . }}-client: "true"
    app.io/{{ .Values.part }}: yes
  - {{ .Values.item | quote }}
  - name: {{ .Values.name }}
args: [{{ .Values.first | quote }}, "b", '{{ .Values.third }}']
limits: { cpu: {{ .Values.cpu }} }
name: app-{{ .Release.Name }}-web
# {{ .Values.commented }}
`,
    expect: [
      ['«{{ $key }}»: ', key],
      ['«{{» $value', '!entity.name.tag'],
      ['{{ template', key],
      ['-client', key],
      ['"true"', 'string.quoted.double.yaml'],
      ['app.io/', key],
      ['.Values.part', key],
      ['yes', '!entity.name.tag'],
      ['-', 'punctuation.definition.block.sequence.item.yaml'],
      ['{{', begin],
      ['name', key],
      ['[', 'meta.flow.sequence.yaml'],
      ['{{', begin],
      ['"b"', 'string.quoted.double.yaml'],
      ["'", 'string.quoted.single.yaml'],
      ['{{', begin],
      ['.Values.third', action],
      ['{', 'meta.flow.mapping.yaml'],
      ['{{', begin],
      ['app-', 'string.unquoted.plain.out.yaml'],
      ['{{', begin],
      ['-web', 'string.unquoted.plain.out.yaml'],
      ['#', 'comment.line.number-sign.yaml'],
      ['{{', begin],
    ],
  },
  {
    name: 'block scalars: actions inside are actions, the text stays block text, a key-like line stays text',
    text: `data:
  run.sh: |
    echo {{ .Values.greeting | quote }}
    {{- if .Values.debug }}
    set -x: yes
    {{ .Values.key }}-x: not a key
    {{- end }}
  other: value
`,
    expect: [
      ['echo', 'string.unquoted.block.yaml'],
      ['{{', begin],
      ['{{-', begin],
      ['set -x: yes', 'string.unquoted.block.yaml !entity.name.tag'],
      ['-x: not a key', 'string.unquoted.block.yaml !entity.name.tag'],
      ['{{-', begin],
      ['other', key],
    ],
  },
  {
    name: 'an action over several lines',
    text: `env: {{- include "env" (dict
  "ctx" $
  "name" "x:y") | nindent 2 }}
next: 1
`,
    expect: [
      ['{{-', begin],
      ['"ctx"', 'string.quoted.double.helm'],
      ['"x:y"', 'string.quoted.double.helm'],
      ['nindent', 'support.function.helm'],
      ['}}', end],
      ['next', key],
    ],
  },
  {
    name: 'NOTES.txt: prose with actions',
    text: `Thank you for installing {{ .Chart.Name }}.
Run: kubectl get pods -n {{ .Release.Namespace }}
`,
    expect: [
      ['.Chart', 'variable.language.helm'],
      ['.Release', 'variable.language.helm'],
    ],
  },
];

describe('Helm grammar on VS Code’s TextMate engine', () => {
  for (const sample of samples) {
    test(sample.name, async () => {
      const tokens = await tokenize('source.helm', sample.text);
      const failures = [...invariantFailures(tokens, sample.text), ...scopeFailures(tokens, sample.text, sample.expect)];
      assert.deepEqual(failures, []);
    });
  }

  test('the YAML scopes do not depend on how the file starts (YAML, an action, a comment or a blank line)', async () => {
    const body = `spec:
  - name: {{ .name }}
  {{- end }}
  script: |
    echo
`;
    const scopesOf = (tokens: Token[]) => tokens.filter((t) => t.line > 1).map((t) => `${t.text} ${t.scopes.slice(1).join(' ')}`);
    const reference = scopesOf(await tokenize('source.helm', `apiVersion: v1\n${body}`));
    for (const first of ['{{- range .Values.list }}', '{{/* a comment */}}', '', '# a YAML comment'])
      assert.deepEqual(scopesOf(await tokenize('source.helm', `${first}\n${body}`)), reference, first);
  });
});
