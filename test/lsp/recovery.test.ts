import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { NOTE_AT_CURSOR, NOTES_READY, type RequestResult } from '../../shared/protocol';
import { LspClient } from '../support/lspClient';

// Half-typed YAML over the real dist/server.js (issue 11 item 5): typing `vol` on its own line in
// a Deployment's pod spec, one keystroke at a time as incremental changes, leaves hovers and
// "Open Note at Cursor" elsewhere in that document as they were, and the Service in the same
// file does not suddenly "select no pods". The worker Deployment makes that conclusion possible
// at all: without any pod in the file, the rule would stay quiet either way.
const APP = `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx:1.27.3
      hostNetwork: true
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: worker }
spec:
  selector: { matchLabels: { app: worker } }
  template:
    metadata: { labels: { app: worker } }
    spec:
      containers: [{ name: worker, image: "busybox:1.36" }]
`;

const NOTES = `# Host network
<!-- keys: k8s:field/spec.hostNetwork -->
Ports clash with the node's.
# Images
<!-- keys: k8s:field/containers.image -->
Pin them.
`;

interface Report {
  items: Array<{ code: string; message: string; range: { start: { line: number } } }>;
}

describe('half-typed YAML over stdio', () => {
  let client: LspClient;
  let dir: string;
  let uri: string;
  let notes: string;
  const lines = APP.split('\n');
  const imageLine = lines.indexOf('          image: nginx:1.27.3');
  const hostNetworkLine = lines.indexOf('      hostNetwork: true');

  // On the key of the line: the character after its indentation.
  const onKey = (line: number, shifted = 0) => ({ line: line + shifted, character: lines[line].search(/\S/) + 1 });
  const hover = async (line: number, shifted = 0) => {
    const result = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: onKey(line, shifted),
    });
    return result?.contents.value;
  };
  const noteAt = (line: number, shifted = 0) =>
    client.request<RequestResult<typeof NOTE_AT_CURSOR>>(NOTE_AT_CURSOR, { textDocument: { uri }, position: onKey(line, shifted) });
  const findings = async () => (await client.request<Report>('textDocument/diagnostic', { textDocument: { uri } })).items;
  let version = 1;
  const insert = (line: number, character: number, text: string) =>
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text }],
    });

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-recovery-'));
    notes = path.join(dir, 'notes.md');
    fs.writeFileSync(notes, NOTES);
    uri = pathToFileURL(path.join(dir, 'app.yaml')).toString();
    client = new LspClient();
    await client.start({ rootUri: pathToFileURL(dir).toString(), pullDiagnostics: true, settings: { notes: { paths: ['notes.md'], bundled: false } } });
    client.open(uri, 'yaml', APP, version);
    await client.request(NOTES_READY, null);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // Findings as "line code", lines counted as in the file without the typed line.
  const shown = (items: Report['items'], typed: boolean) =>
    items.map((d) => `${typed && d.range.start.line > hostNetworkLine ? d.range.start.line - 1 : d.range.start.line} ${d.code}`);
  let hoversBefore: Array<string | undefined>;
  let noteBefore: RequestResult<typeof NOTE_AT_CURSOR>;
  let findingsBefore: string[];

  // The tests run in order: the first reads the finished file, the second types into it.
  test('the finished file: hovers with notes, and the Service selects a pod', async () => {
    hoversBefore = [await hover(imageLine), await hover(hostNetworkLine)];
    assert.match(hoversBefore[0] ?? '', /Pin them/);
    assert.match(hoversBefore[1] ?? '', /Ports clash/);
    noteBefore = await noteAt(hostNetworkLine);
    assert.equal(noteBefore?.uri, pathToFileURL(notes).toString());
    findingsBefore = shown(await findings(), false);
    assert.ok(findingsBefore.length > 0 && !findingsBefore.some((f) => f.endsWith('k8s/service-no-match')), findingsBefore.join('\n'));
  });

  test('typing `vol` on its own line adds one syntax error there and changes no other finding', async () => {
    insert(hostNetworkLine, 0, '      \n');
    for (const [at, char] of [...'vol'].entries()) insert(hostNetworkLine, 6 + at, char);
    const after = await findings();
    assert.deepEqual(
      shown(
        after.filter((d) => d.code !== 'k8s/yaml-syntax'),
        true,
      ),
      findingsBefore,
    );
    assert.deepEqual(
      after.filter((d) => d.code === 'k8s/yaml-syntax').map((d) => [d.range.start.line, d.message]),
      [[hostNetworkLine, 'YAML syntax error: "vol" has no colon; write it as "vol: value", or remove it.']],
    );
  });

  test('with `vol` typed, hovers before and after it and Open Note at Cursor are unchanged', async () => {
    assert.deepEqual([await hover(imageLine), await hover(hostNetworkLine, 1)], hoversBefore);
    assert.deepEqual(await noteAt(hostNetworkLine, 1), noteBefore);
  });
});
