import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { lint } from '../../server/src/cli/lint';
import { defaultSettings, pathToUri } from '../../server/src/common';
import { LspClient } from '../support/lspClient';
import { tempTree } from '../support/tempTree';

// A chart finds its values files exactly as the command line does, wherever it lies and whichever
// folder the editor opened: here it sits under vendor/ (which the workspace scan skips), one values
// file is git-ignored, one is a symbolic link, and a named template lives in templates/*.txt. The
// built server's diagnostics of a template must equal `lint`'s for the same file.
const TEMPLATE = `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "app.name" . }}
data:
  replicas: {{ .Values.replicas | quote }}
  prod: {{ .Values.prodOnly | quote }}
  local: {{ .Values.localOnly | quote }}
  linked: {{ .Values.linkedOnly | quote }}
  nowhere: {{ .Values.nowhere | quote }}
`;

interface Seen {
  code: string;
  line: number;
  character: number;
  message: Diagnostic['message'];
}

const seen = (diagnostics: Diagnostic[]): Seen[] =>
  diagnostics
    .filter((d) => String(d.code).startsWith('helm/'))
    .map((d) => ({ code: String(d.code), line: d.range.start.line, character: d.range.start.character, message: d.message }))
    .sort((a, b) => a.line - b.line || a.character - b.character);

describe('a chart seen by the server and by the command line', () => {
  let tree: ReturnType<typeof tempTree>;
  let template: string;
  let cli: Seen[];

  before(async () => {
    tree = tempTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'values-local.yaml\n',
      'shared/values-common.yaml': 'linkedOnly: y\n',
      'vendor/charts/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\n',
      'vendor/charts/app/values.yaml': 'replicas: 2\n',
      'vendor/charts/app/values-prod.yaml': 'prodOnly: true\n',
      'vendor/charts/app/values-local.yaml': 'localOnly: x\n',
      'vendor/charts/app/templates/names.txt': '{{- define "app.name" -}}app{{- end -}}\n',
      'vendor/charts/app/templates/cm.yaml': TEMPLATE,
    });
    fs.symlinkSync(tree.file('shared/values-common.yaml'), tree.file('vendor/charts/app/values-linked.yaml'));
    template = tree.file('vendor/charts/app/templates/cm.yaml');
    const report = await lint({ paths: ['vendor/charts/app'], settings: defaultSettings(), cwd: tree.dir, locale: 'en', only: [], disabled: [] });
    cli = seen(report.files.find((f) => f.path === 'vendor/charts/app/templates/cm.yaml')?.diagnostics ?? []);
  });
  after(() => tree.remove());

  test('the command line sees every values file: only the value no file sets is reported', () => {
    assert.deepEqual(
      cli.map((d) => `${d.code} ${d.line}:${d.character}`),
      [`helm/undefined-value ${TEMPLATE.split('\n').findIndex((l) => l.includes('nowhere'))}:${'  nowhere: {{ .Values'.length}`],
    );
  });

  for (const [opened, folder] of [
    ['the repository', () => tree.dir],
    ["the chart's templates folder", () => tree.file('vendor/charts/app/templates')],
    ['no folder', () => undefined],
  ] as const) {
    test(`the server agrees with it when the editor opened ${opened}`, async () => {
      const client = new LspClient();
      try {
        const root = folder();
        await client.start({ rootUri: root && pathToUri(root), pullDiagnostics: true });
        const uri = pathToUri(template);
        client.open(uri, 'helm', TEMPLATE);
        const report = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
        assert.deepEqual(seen(report.items), cli);
      } finally {
        await client.stop();
      }
    });
  }
});
