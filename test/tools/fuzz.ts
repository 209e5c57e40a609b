import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { type Range, TextDocument } from 'vscode-languageserver-textdocument';
import { languageIdFor } from '../support/fixture';
import { findGoldenFiles, parseGolden } from '../support/golden';
import { LspClient, type Message } from '../support/lspClient';
import { repoPath } from '../support/paths';
import { seededRandom } from '../support/random';
import { tempTree } from '../support/tempTree';

/**
 * `npm run fuzz` (issue 14.8): a seeded, time-bounded fuzz run of the built server over stdio.
 *
 * The seeds are the project's own test inputs (every golden case, test/corpus, the VS Code
 * fixture), written to a temporary workspace so charts, values and cross-file rules see their
 * neighbours. Each round opens one file, applies a few random edits (tokens of its language,
 * control characters, splices of other seeds, long runs), and after every edit asks random
 * requests at random (sometimes out-of-range) positions, some of them cancelled at once. Then the
 * edited document's diagnostics, symbols and folding are compared with a second server that opens
 * the final text fresh. It fails on a server exit, a logged exception, an error answer other than
 * "cancelled", a request over 2 s, or an edited-vs-fresh mismatch, and writes what it needs to
 * replay the round to test-results/.
 *
 *   node out/test/tools/fuzz.js [--seconds 60] [--seed 1408] [--replay test-results/fuzz-failure-1408.json]
 */

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const SECONDS = option('--seconds', 60);
const SEED = option('--seed', Number(process.env.FUZZ_SEED ?? 1408));
const REPLAY = args.includes('--replay') ? args[args.indexOf('--replay') + 1] : undefined;
const SLOW_MS = 2000;
const MAX_EDITS = 6;

const next = seededRandom(SEED);
const below = (n: number): number => Math.floor(next() * n);
const pick = <T>(items: readonly T[]): T => items[below(items.length)];

/** Tokens that make each language's parsers take their less travelled paths. */
const TOKENS: Record<string, string[]> = {
  dockerfile: [
    'FROM ',
    'RUN ',
    ' \\\n',
    'ARG A=1\n',
    '${A}',
    '$A',
    ' AS b',
    '--mount=type=cache,target=/x ',
    '<<EOF\n',
    'EOF\n',
    '# syntax=',
    'COPY --from=',
    '["sh", "-c"',
    'ONBUILD ',
  ],
  yaml: [
    '---\n',
    '- ',
    ': ',
    '  ',
    'kind: Pod\n',
    'apiVersion: v1\n',
    '&a ',
    '*a',
    '<<: *a\n',
    '{',
    '}',
    '[',
    ']',
    '|\n',
    '>-\n',
    '? ',
    '!!str ',
    '%YAML 1.2\n',
  ],
  helm: [
    '{{',
    '}}',
    '{{-',
    '-}}',
    '{{- end }}',
    '.Values.',
    '$.',
    ' | quote',
    'include "x" .',
    'range $k, $v := ',
    'with ',
    'define "a"',
    '{{/* */}}',
    '(',
    ')',
  ],
  markdown: ['# ', '## ', '```\n', '`', '[x](command:y)', '<!-- k8s:Pod -->', '---\n', '<script>', '> ', '* '],
  plaintext: ['\n'],
};
const ANYWHERE = ['\n', '\r', '\r\n', '\t', '"', "'", '#', '\u0000', '\uFEFF', '😀', '中文', '\\', ' '];

interface Seed {
  /** Path inside the temporary workspace. */
  file: string;
  languageId: string;
  text: string;
}

function collectSeeds(): Array<{ file: string; text: string }> {
  const seeds: Array<{ file: string; text: string }> = [];
  findGoldenFiles(repoPath('test', 'golden')).forEach(({ file }, index) => {
    for (const [name, text] of parseGolden(fs.readFileSync(file, 'utf8')).files)
      seeds.push({ file: `golden-${index}/${name}`, text: text.replace(/\$0/g, '') });
  });
  for (const [folder, prefix] of [
    [repoPath('test', 'corpus'), 'corpus'],
    [repoPath('test', 'vscode', 'fixture'), 'fixture'],
  ] as const) {
    for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const full = path.join(entry.parentPath, entry.name);
      seeds.push({ file: `${prefix}/${path.relative(folder, full)}`, text: fs.readFileSync(full, 'utf8') });
    }
  }
  return seeds;
}

/** An LSP content change that replaces a range. */
type Change = { range: Range; text: string };

/** One random edit of `doc`. */
function randomChange(doc: TextDocument, seeds: readonly Seed[]): Change {
  const text = doc.getText();
  const start = below(text.length + 1);
  const end = next() < 0.5 ? start : Math.min(text.length, start + below(next() < 0.9 ? 12 : 400));
  const roll = next();
  let insert: string;
  if (roll < 0.5) insert = pick(TOKENS[doc.languageId] ?? TOKENS.plaintext);
  else if (roll < 0.75) insert = pick(ANYWHERE);
  else if (roll < 0.92) {
    const other = pick(seeds).text;
    const from = below(other.length + 1);
    insert = other.slice(from, from + below(300));
  } else if (roll < 0.97) insert = '';
  else insert = pick(['x', '{{', '- a:\n  ', ' \\\n']).repeat(200 + below(2000));
  return { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: insert };
}

/** A position in the document, now and then past its end or negative (the server clamps). */
function randomPosition(doc: TextDocument): { line: number; character: number } {
  if (next() < 0.05)
    return pick([
      { line: doc.lineCount + 3, character: 0 },
      { line: 0, character: 10_000 },
      { line: -1, character: -1 },
    ]);
  return doc.positionAt(below(doc.getText().length + 1));
}

/** A request without its document (filled in when played, so a recorded round replays in another folder). */
interface PlannedRequest {
  after: number;
  method: string;
  params: object;
  cancel: boolean;
}

function randomRequest(doc: TextDocument, after: number): PlannedRequest {
  const position = randomPosition(doc);
  const method = pick([
    'textDocument/hover',
    'textDocument/hover',
    'textDocument/completion',
    'textDocument/completion',
    'textDocument/definition',
    'textDocument/references',
    'textDocument/prepareRename',
    'textDocument/rename',
    'textDocument/documentSymbol',
    'textDocument/foldingRange',
    'textDocument/codeAction',
    'textDocument/diagnostic',
  ]);
  const params = (() => {
    switch (method) {
      case 'textDocument/references':
        return { position, context: { includeDeclaration: true } };
      case 'textDocument/rename':
        return { position, newName: pick(['web', 'x-y', '', 'a b', '{{']) };
      case 'textDocument/codeAction':
        return { range: { start: position, end: randomPosition(doc) }, context: { diagnostics: [] } };
      case 'textDocument/documentSymbol':
      case 'textDocument/foldingRange':
      case 'textDocument/diagnostic':
        return {};
      default:
        return { position };
    }
  })();
  return { after, method, params, cancel: next() < 0.1 };
}

/** One round: a seed file, the edits made to it, and the requests asked after each edit. */
interface Round {
  round: number;
  file: string;
  changes: Change[];
  requests: PlannedRequest[];
  /** The text after the last edit. */
  final: string;
}

function planRound(round: number, seed: Seed, seeds: readonly Seed[]): Round {
  let doc = TextDocument.create('file:///plan', seed.languageId, 1, seed.text);
  const planned: Round = { round, file: seed.file, changes: [], requests: [], final: '' };
  for (let step = 0, steps = 1 + below(MAX_EDITS); step < steps; step++) {
    const change = randomChange(doc, seeds);
    doc = TextDocument.update(doc, [change], doc.version + 1);
    planned.changes.push(change);
    for (let r = 0, requests = below(4); r < requests; r++) planned.requests.push(randomRequest(doc, step));
  }
  planned.final = doc.getText();
  return planned;
}

/** What must be the same whether the document was edited into its text or opened with it. */
async function observe(client: LspClient, uri: string): Promise<unknown> {
  const textDocument = { uri };
  const diagnostic = (await client.request<{ items: unknown[] }>('textDocument/diagnostic', { textDocument })).items;
  const symbols = await client.request('textDocument/documentSymbol', { textDocument });
  const folding = await client.request('textDocument/foldingRange', { textDocument });
  return { diagnostic, symbols, folding };
}

interface Failure {
  kind: 'exit' | 'logged' | 'error' | 'slow' | 'mismatch';
  detail: string;
}

interface Counts {
  rounds: number;
  edits: number;
  requests: number;
  cancelled: number;
  compared: number;
  slowest: { ms: number; method: string; file: string; length: number; round?: Round };
}

/** Plays a round on both servers; returns what went wrong, if anything. */
async function playRound(
  edited: LspClient,
  fresh: LspClient,
  uriOf: (file: string) => string,
  seed: Seed,
  round: Round,
  counts: Counts,
): Promise<Failure | undefined> {
  const uri = uriOf(round.file);
  let failure: Failure | undefined;
  edited.open(uri, seed.languageId, seed.text, 1);
  for (const [step, change] of round.changes.entries()) {
    edited.notify('textDocument/didChange', { textDocument: { uri, version: step + 2 }, contentChanges: [change] });
    for (const request of round.requests.filter((r) => r.after === step)) {
      const params = { textDocument: { uri }, ...request.params };
      const began = performance.now();
      let answer: Message;
      try {
        answer = request.cancel ? await edited.requestCancelled(request.method, params, SLOW_MS * 5) : await edited.call(request.method, params, SLOW_MS * 5);
      } catch (error) {
        return { kind: edited.exited ? 'exit' : 'slow', detail: `${request.method}: ${String(error)}` };
      }
      const ms = performance.now() - began;
      counts.requests++;
      if (ms > counts.slowest.ms) counts.slowest = { ms, method: request.method, file: round.file, length: round.final.length, round };
      if (ms > SLOW_MS) failure ??= { kind: 'slow', detail: `${request.method} took ${ms.toFixed(0)} ms` };
      if (answer.error?.code === -32800) counts.cancelled++;
      else if (answer.error) failure ??= { kind: 'error', detail: `${request.method}: ${answer.error.code} ${answer.error.message}` };
    }
  }
  counts.edits += round.changes.length;
  if (!failure) {
    fresh.open(uri, seed.languageId, round.final, 1);
    try {
      const [live, expected] = await Promise.all([observe(edited, uri), observe(fresh, uri)]);
      counts.compared++;
      if (!isDeepStrictEqual(live, expected)) failure = { kind: 'mismatch', detail: `edited: ${JSON.stringify(live)}\nfresh:  ${JSON.stringify(expected)}` };
    } catch (error) {
      return { kind: edited.exited || fresh.exited ? 'exit' : 'slow', detail: `comparing: ${String(error)}` };
    }
    fresh.notify('textDocument/didClose', { textDocument: { uri } });
  }
  edited.notify('textDocument/didClose', { textDocument: { uri } });
  for (const client of [edited, fresh]) {
    const errors = client.notifications.filter((m) => m.method === 'window/logMessage' && (m.params as { type: number }).type === 1);
    if (errors.length) failure ??= { kind: 'logged', detail: (errors[0].params as { message: string }).message };
    // Only this round's messages are looked at; dropping them keeps a long run's memory flat.
    client.notifications.length = 0;
  }
  counts.rounds++;
  return failure;
}

async function main(): Promise<void> {
  const seeds: Seed[] = collectSeeds().map((s) => ({ ...s, languageId: languageIdFor(s.file) }));
  const tree = tempTree(Object.fromEntries(seeds.map((s) => [s.file, s.text])));
  const rootUri = pathToFileURL(tree.dir).toString();
  const uriOf = (file: string) => pathToFileURL(tree.file(file)).toString();
  const edited = new LspClient();
  const fresh = new LspClient();
  await Promise.all([edited.start({ rootUri, pullDiagnostics: true }), fresh.start({ rootUri, pullDiagnostics: true })]);

  // Both servers read the whole workspace before the first round: until then a custom resource's
  // schema may come from a CRD not read yet or from the catalog, by how far each server got.
  const manifest = seeds.find((s) => s.languageId === 'yaml' && /^apiVersion:/m.test(s.text) && /^kind:/m.test(s.text));
  if (manifest) {
    await Promise.all(
      [edited, fresh].map(async (client) => {
        const uri = uriOf(manifest.file);
        client.open(uri, manifest.languageId, manifest.text, 1);
        await client.waitFor('window/logMessage', (p) => /workspace index:/.test(p.message), 120_000);
        client.notify('textDocument/didClose', { textDocument: { uri } });
      }),
    );
  }
  const editable = seeds.filter((s) => s.languageId !== 'plaintext');
  const replay = REPLAY ? (JSON.parse(fs.readFileSync(REPLAY, 'utf8')) as Array<{ round: Round }>).map((f) => f.round) : undefined;
  const deadline = performance.now() + SECONDS * 1000;
  const counts: Counts = { rounds: 0, edits: 0, requests: 0, cancelled: 0, compared: 0, slowest: { ms: 0, method: '', file: '', length: 0 } };
  const failures: Array<Failure & { seed: number; round: Round }> = [];
  for (let index = 0; replay ? index < replay.length : performance.now() < deadline; index++) {
    if (failures.length || edited.exited || fresh.exited) break;
    const round = replay ? replay[index] : planRound(index, pick(editable), seeds);
    const seed = seeds.find((s) => s.file === round.file)!;
    const failure = await playRound(edited, fresh, uriOf, seed, round, counts);
    if (failure) failures.push({ ...failure, seed: SEED, round });
  }
  if (failures.length === 0 && (edited.exited || fresh.exited))
    failures.push({ kind: 'exit', detail: `${edited.stderr}${fresh.stderr}`, seed: SEED, round: null as never });

  const { slowest } = counts;
  console.log(
    `fuzz: ${replay ? `replay of ${REPLAY}` : `seed ${SEED}, ${SECONDS} s`}, ${seeds.length} seed files: ${counts.rounds} rounds, ${counts.edits} edits, ${counts.requests} requests (${counts.cancelled} cancelled), ${counts.compared} edited-vs-fresh comparisons; slowest request ${slowest.ms.toFixed(0)} ms (${slowest.method} on ${slowest.file}, ${slowest.length} characters)`,
  );
  await Promise.allSettled([edited.stop(), fresh.stop()]);
  tree.remove();
  // The round of the slowest request, to replay when looking into speed.
  fs.mkdirSync(repoPath('test-results'), { recursive: true });
  if (slowest.round)
    fs.writeFileSync(
      repoPath('test-results', 'fuzz-slowest.json'),
      JSON.stringify([{ kind: 'slowest', detail: `${slowest.method} ${slowest.ms.toFixed(0)} ms`, round: slowest.round }]),
    );
  if (failures.length) {
    const report = repoPath('test-results', `fuzz-failure-${SEED}.json`);
    if (!replay) fs.writeFileSync(report, JSON.stringify(failures, null, 2));
    console.error(
      `fuzz: ${failures[0].kind}: ${failures[0].detail.slice(0, 2000)}\nfuzz: the round to replay is in ${REPLAY ?? report} (npm run fuzz -- --replay <file>)`,
    );
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
