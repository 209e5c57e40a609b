import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';
import { repoPath } from '../support/paths';

// The reproducers an adversarial run filed (test/repro/, format in ../shared/repro/README.md), run
// over stdio against the built server: each must no longer log an exception, and its document must
// answer as the one it is compared with (the same text with LF line ends, or a fresh open of the
// edited text). The slow-* ones are test/unit/slowInputs.test.ts's, the Markdown ones test/lsp/repro.test.ts's.

interface Repro {
  input: string;
  place: string;
  languageId: string;
  /** Absent for an edit reproducer: then diagnostics, symbols and folding are compared. */
  requests?: Array<{ method: string; position: { line: number; character: number } }>;
  edits?: Array<{ range: unknown; text: string }>;
  failure: 'logged' | 'wrong' | 'wrongAfterEdit' | 'slow' | 'unsafeMarkdown';
  match?: string;
  compare?: { input: string };
}

const DIR = repoPath('test', 'repro');
const ORIGIN = { line: 0, character: 0 };
const AFTER_EDIT = ['textDocument/diagnostic', 'textDocument/documentSymbol', 'textDocument/foldingRange'].map((method) => ({ method, position: ORIGIN }));
const OWN_TESTS: ReadonlySet<Repro['failure']> = new Set(['slow', 'unsafeMarkdown']);

const read = (name: string): string => {
  const raw = fs.readFileSync(path.join(DIR, name), 'utf8');
  return name.endsWith('.json') ? (JSON.parse(raw) as string) : raw;
};

const repros = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.repro.json'))
  .map((f) => ({ name: f.replace(/\.repro\.json$/, ''), repro: JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as Repro }))
  .filter(({ repro }) => !OWN_TESTS.has(repro.failure));

describe('reproducers of the adversarial run', () => {
  let client: LspClient;
  let dir: string;
  let opened = 0;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-repro-'));
    client = new LspClient();
    await client.start({ rootUri: pathToFileURL(dir).toString(), pullDiagnostics: true });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Opens `text` at a fresh place shaped like `repro.place`, edits it, and answers every request of the repro. */
  async function answers(repro: Repro, text: string, edits: Repro['edits'] = []): Promise<unknown[]> {
    const uri = pathToFileURL(path.join(dir, `case-${++opened}`, repro.place)).toString();
    client.open(uri, repro.languageId, text, 1);
    if (edits.length) client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: edits });
    const out: unknown[] = [];
    for (const { method, position } of repro.requests ?? AFTER_EDIT) {
      const params =
        method === 'textDocument/codeAction'
          ? { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }
          : ['textDocument/diagnostic', 'textDocument/documentSymbol', 'textDocument/foldingRange'].includes(method)
            ? { textDocument: { uri } }
            : { textDocument: { uri }, position };
      const answer = await client.request<unknown>(method, params);
      // Answers name the document; the compared one lives at another place.
      out.push(
        JSON.parse(
          JSON.stringify(answer ?? null)
            .split(uri)
            .join('<doc>'),
        ),
      );
    }
    return out;
  }

  const loggedErrors = (from: number) =>
    client.notifications
      .slice(from)
      .filter((m) => m.method === 'window/logMessage' && (m.params as { type: number }).type === 1)
      .map((m) => (m.params as { message: string }).message);

  test('every reproducer is run here or by its own test', () => {
    assert.ok(repros.length >= 6, `${repros.length} reproducers`);
  });

  for (const { name, repro } of repros) {
    test(`${name} (${repro.failure})`, async () => {
      const before = client.notifications.length;
      const found = await answers(repro, read(repro.input), repro.edits);
      assert.deepEqual(loggedErrors(before), [], 'the server logged an exception');
      if (repro.failure === 'logged') return;
      assert.ok(repro.compare, 'a "wrong" reproducer names what it is compared with');
      assert.deepEqual(found, await answers(repro, read(repro.compare.input)));
    });
  }
});
