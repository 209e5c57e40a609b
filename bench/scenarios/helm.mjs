// Helm: a generated chart of 300 templates (plus helpers, values with 600 keys, a library
// subchart), measured in-process on the compiled out/ modules: building the chart index,
// diagnostics per template, hover and completion latency.
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const title = 'Helm chart of 300 templates (in-process)';

const TEMPLATES = 300;

function chartFiles() {
  const root = 'file:///bench/chart';
  const files = new Map();
  files.set(
    `${root}/Chart.yaml`,
    'apiVersion: v2\nname: big\nversion: 1.0.0\nappVersion: "1.0"\ndependencies:\n  - name: lib\n    version: 1.x.x\n    repository: file://charts/lib\n',
  );
  const values = [];
  for (let i = 0; i < TEMPLATES; i++)
    values.push(
      `# -- Settings of component ${i}.\nc${i}:\n  enabled: true\n  image:\n    repository: registry.example.com/c${i}\n    tag: "1.${i}"\n  replicas: ${1 + (i % 3)}\n  port: ${8000 + i}\n  env:\n    A: "1"\n`,
    );
  files.set(`${root}/values.yaml`, values.join(''));
  files.set(`${root}/values-prod.yaml`, 'c0:\n  replicas: 5\n');
  files.set(`${root}/charts/lib/Chart.yaml`, 'apiVersion: v2\nname: lib\nversion: 1.0.0\ntype: library\n');
  files.set(`${root}/charts/lib/templates/_lib.tpl`, '{{- define "lib.labels" -}}\napp.kubernetes.io/instance: {{ .Release.Name }}\n{{- end }}\n');
  files.set(
    `${root}/templates/_helpers.tpl`,
    '{{- define "big.name" -}}{{ .Chart.Name | trunc 63 }}{{- end }}\n{{- define "big.labels" -}}\n{{ include "lib.labels" . }}\napp: {{ include "big.name" . }}\n{{- end }}\n',
  );
  for (let i = 0; i < TEMPLATES; i++) {
    files.set(
      `${root}/templates/c${i}.yaml`,
      `{{- if .Values.c${i}.enabled }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "big.name" . }}-c${i}
  labels:
    {{- include "big.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.c${i}.replicas }}
  selector:
    matchLabels:
      app: c${i}
  template:
    metadata:
      labels:
        app: c${i}
    spec:
      containers:
        - name: c${i}
          image: "{{ .Values.c${i}.image.repository }}:{{ .Values.c${i}.image.tag | default $.Chart.AppVersion }}"
          ports:
            - containerPort: {{ .Values.c${i}.port }}
          env:
            {{- range $k, $v := .Values.c${i}.env }}
            - name: {{ $k }}
              value: {{ $v | quote }}
            {{- end }}
{{- end }}
`,
    );
  }
  return { root, files };
}

export async function run({ ROOT, stats }) {
  const require = createRequire(import.meta.url);
  const out = (p) => require(join(ROOT, 'out/server/src', p));
  const { memoryFileSystem, defaultSettings, VersionedCache } = out('common/index.js');
  const { Workspace } = out('workspace/index.js');
  const { NotesIndex } = out('notes/index.js');
  const services = out('services/index.js');
  const { TextDocument } = require('vscode-languageserver-textdocument');
  const { root, files } = chartFiles();

  const context = () => {
    const workspace = new Workspace(memoryFileSystem(files), ['file:///bench']);
    workspace.setFiles(files.keys());
    return { settings: defaultSettings(), workspace, notes: new NotesIndex(), cache: new VersionedCache(), locale: 'en' };
  };
  const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
  const docOf = (ctx, i) => {
    const uri = `${root}/templates/c${i}.yaml`;
    const doc = TextDocument.create(uri, 'helm', 1, files.get(uri));
    ctx.workspace.openDocument(doc);
    return doc;
  };

  // Chart index: the first request on a cold session loads Chart.yaml, the values files and
  // every template's defines (first-run JIT included, median over fresh sessions).
  const indexSamples = [];
  for (let run = 0; run < 5; run++) {
    const ctx = context();
    const doc = docOf(ctx, 0);
    const start = process.hrtime.bigint();
    await services.complete(ctx, doc, doc.positionAt(doc.getText().indexOf('include "') + 9));
    indexSamples.push(ms(start));
  }

  // Diagnostics of every template on a warm index (each template parsed for the first time).
  const ctx = context();
  const docs = Array.from({ length: TEMPLATES }, (_, i) => docOf(ctx, i));
  await services.diagnose(ctx, docs[0]);
  const diag = [];
  for (const doc of docs) {
    const start = process.hrtime.bigint();
    await services.diagnose(ctx, doc);
    diag.push(ms(start));
  }

  // Hover and completion at typical places, on the warm session.
  const hoverAt = ['.replicas', '.repository', 'nindent', '"big.labels"', '.Chart'];
  const completeAt = ['.Values.c', '.image.', 'include "'];
  const hover = [];
  const completion = [];
  for (let round = 0; round < 4; round++) {
    for (const doc of docs) {
      const text = doc.getText();
      for (const needle of hoverAt) {
        const pos = doc.positionAt(text.indexOf(needle) + 2);
        const start = process.hrtime.bigint();
        await services.hover(ctx, doc, pos);
        hover.push(ms(start));
      }
      for (const needle of completeAt) {
        const pos = doc.positionAt(text.indexOf(needle) + needle.length);
        const start = process.hrtime.bigint();
        await services.complete(ctx, doc, pos);
        completion.push(ms(start));
      }
    }
  }
  // An edit in one template bumps the workspace generation: the index is rebuilt, reusing the
  // parses of every unchanged file.
  const reindex = [];
  for (let i = 0; i < 20; i++) {
    const doc = docs[i];
    const edited = TextDocument.create(doc.uri, 'helm', 2 + i, doc.getText() + `# edit ${i}\n`);
    ctx.workspace.openDocument(edited);
    const start = process.hrtime.bigint();
    await services.complete(ctx, edited, edited.positionAt(edited.getText().indexOf('include "') + 9));
    reindex.push(ms(start));
  }
  const d = stats(diag);
  return [
    { measure: `chart index, cold (${TEMPLATES} templates, median of 5)`, value: stats(indexSamples).median, target: '≤ 500 ms' },
    { measure: 'chart index after an edit, median', value: stats(reindex).median, target: '≤ 500 ms' },
    { measure: 'diagnostics per template, median', value: d.median, target: '≤ 20 ms' },
    { measure: 'diagnostics per template, p95', value: d.p95, target: '≤ 20 ms' },
    { measure: 'diagnostics per template, max', value: d.max },
    { measure: `hover p95 (n=${hover.length})`, value: stats(hover).p95, target: '≤ 5 ms' },
    { measure: `completion p95 (n=${completion.length})`, value: stats(completion).p95, target: '≤ 5 ms' },
  ];
}
