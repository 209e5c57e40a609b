import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, test } from 'node:test';
import { repoPath } from '../../support/paths';

// syntaxes/helm.language-configuration.json: brackets, folding markers, indentation rules.

interface LanguageConfiguration {
  brackets: string[][];
  folding: { markers: { start: string; end: string } };
}

const config = JSON.parse(fs.readFileSync(repoPath('syntaxes', 'helm.language-configuration.json'), 'utf8')) as LanguageConfiguration;
const markers = { start: new RegExp(config.folding.markers.start), end: new RegExp(config.folding.markers.end) };

/** Every regex-valued property of the configuration (VS Code compiles them as JavaScript regexes). */
function regexes(node: unknown, where = ''): Array<{ where: string; source: string }> {
  if (Array.isArray(node)) return node.flatMap((item, i) => regexes(item, `${where}[${i}]`));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    typeof value === 'string' && /^(start|end|beforeText|afterText|increaseIndentPattern|decreaseIndentPattern|wordPattern)$/.test(key)
      ? [{ where: `${where}.${key}`, source: value }]
      : regexes(value, `${where}.${key}`),
  );
}

const template = `{{- /* MARK: Workloads */}}
{{- if .Values.enabled }}
apiVersion: apps/v1
kind: Deployment
spec:
  {{ range $key, $value := .Values.env }}
  - name: {{ $key }}
  {{- end }}
  {{- with .Values.podAnnotations }}
  annotations: {{- toYaml . | nindent 4 }}
  {{- end }}
{{- else }}
{{- end }}
{{- define "app.labels" -}}
app: x
{{- end -}}
{{- block "app.extra" . }}{{ end }}
{{ include "app.labels" . }}
`;

describe('Helm language configuration', () => {
  test('regexes compile; `{{ }}` is a bracket pair', () => {
    for (const { where, source } of regexes(config)) assert.doesNotThrow(() => new RegExp(source), where);
    assert.ok(config.brackets.some(([open, close]) => open === '{{' && close === '}}'));
  });

  test('if, range, with, define and block fold to their end; other actions do not start a fold', () => {
    const lines = template.split('\n');
    assert.deepEqual(
      lines.filter((line) => markers.start.test(line)),
      [
        '{{- if .Values.enabled }}',
        '  {{ range $key, $value := .Values.env }}',
        '  {{- with .Values.podAnnotations }}',
        '{{- define "app.labels" -}}',
        '{{- block "app.extra" . }}{{ end }}',
      ],
    );
    assert.deepEqual(
      lines.filter((line) => markers.end.test(line)),
      ['  {{- end }}', '  {{- end }}', '{{- end }}', '{{- end -}}'],
    );
  });

  // VS Code's minimap draws a section header for every line matching the folding start marker,
  // titled with the rest of the line after the match (editor.minimap.showRegionSectionHeaders);
  // a marker that stopped after the keyword turned `{{- if .Values.enabled }}` into a header
  // ".Values.enabled }}". The start marker therefore takes in the whole line. This runs VS Code's
  // own findSectionHeaders (vs/editor/common/services/findSectionHeaders) over a template.
  test('folding markers make no minimap section headers; `MARK:` comments still do', async () => {
    const { findSectionHeaders } = await import('@codingame/monaco-vscode-api/vscode/vs/editor/common/services/findSectionHeaders');
    const lines = template.split('\n');
    const headers = findSectionHeaders(
      { getLineCount: () => lines.length, getLineContent: (lineNumber) => lines[lineNumber - 1] },
      {
        foldingRules: { markers },
        findRegionSectionHeaders: true,
        findMarkSectionHeaders: true,
        // The default of editor.minimap.markSectionHeaderRegex.
        markSectionHeaderRegex: '\\bMARK:\\s*(?<separator>-?)\\s*(?<label>.*)$',
      },
    );
    assert.deepEqual(
      headers.map((header) => ({ line: header.range.startLineNumber, text: header.text, fromRegion: !header.shouldBeInComments })),
      [{ line: 1, text: 'Workloads */}}', fromRegion: false }],
    );
  });
});
