import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { reparse } from '../../../server/src/dockerfile/incremental';
import { buildModel, type DockerfileModel } from '../../../server/src/dockerfile/model';
import { RULES } from '../../../server/src/dockerfile/rules';
import { repoPath } from '../../support/paths';

// Re-parsing one instruction after an edit must give exactly what a full parse gives. Every line
// of every corpus file is edited a few ways; whenever the incremental path takes the edit, its
// findings and outline must equal the full parse's.

function summary(model: DockerfileModel): string {
  const findings = RULES.flatMap((r) => r.check(model)).map((f) => `${f.rule} ${JSON.stringify(f.range)} ${f.message} ${JSON.stringify(f.fixes ?? [])}`);
  const steps = model.steps.map((s) => `${s.keyword}@${s.stage} ${JSON.stringify(s.instruction.getRange())} ${s.raw}`);
  const uses = model.uses.map((u) => `${u.name} ${JSON.stringify(u.range)} ${u.step.keyword}`);
  return [...findings, ...steps, ...uses].join('\n');
}

const EDITS: Array<(line: string) => string> = [
  (line) => `${line}x`,
  (line) => line.slice(0, -1),
  (line) => line.replace(/\b(alpine|install|-y|--no-cache|80|CMD|RUN|COPY)\b/, (w) => (w === 'RUN' ? 'CMD' : w === 'CMD' ? 'RUN' : `${w}2`)),
  (line) => `${line} \\`,
  (line) => line.replace(/^(\s*)\S+/, '$1# gone'),
];

const dirs = ['valid', 'invalid'].map((d) => repoPath('test', 'corpus', 'dockerfile', d));
const files = dirs.flatMap((dir) => fs.readdirSync(dir).map((n) => path.join(dir, n)));

test('incremental re-parse equals a full parse for single-line edits', () => {
  let taken = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const previous = buildModel(TextDocument.create('file:///x/Dockerfile', 'dockerfile', 1, text));
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      for (const edit of EDITS) {
        const changed = edit(line);
        if (changed === line) continue;
        const next = [...lines.slice(0, i), changed, ...lines.slice(i + 1)].join('\n');
        const doc = TextDocument.create('file:///x/Dockerfile', 'dockerfile', 2, next);
        const incremental = reparse(previous, doc);
        if (!incremental) continue;
        taken++;
        assert.equal(summary(incremental), summary(buildModel(doc)), `${path.basename(file)} line ${i + 1}: ${JSON.stringify(changed)}`);
      }
    });
  }
  assert.ok(taken > 50, `the incremental path was taken ${taken} times`);
});

test('the previous model may hold the same document object, already updated in place', () => {
  // TextDocument.update (as the LSP document manager and the tests use it) changes the document
  // object it is given, so the old model's `doc` already reads the new text (found by `npm run fuzz`).
  const before = 'FROM alpine:3.20\nENT\r\n /aEOF\np\nCMD --serve\n';
  const doc = TextDocument.create('file:///x/Dockerfile', 'dockerfile', 1, before);
  const previous = buildModel(doc);
  const end = doc.positionAt(before.length);
  const cmd = { line: 4, character: 3 };
  TextDocument.update(
    doc,
    [
      { range: { start: cmd, end: cmd }, text: '# syn"tax=' },
      { range: { start: end, end }, text: 'FROM ' },
    ],
    2,
  );
  assert.equal(summary(reparse(previous, doc) ?? buildModel(doc)), summary(buildModel(TextDocument.create(doc.uri, 'dockerfile', 2, doc.getText()))));
});
