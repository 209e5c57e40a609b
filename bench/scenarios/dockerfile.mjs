// Dockerfile: ours side by side with rcjsuen's dockerfile-language-server-nodejs (the server behind
// the Docker extension) on the same generated 500-line Dockerfile, in the same run.
// - first diagnostics: didOpen → publishDiagnostics (each sample opens, then closes, a new document)
// - re-diagnostics: an edit → fresh diagnostics (ours: didChange + pull `textDocument/diagnostic`,
//   which measures the work alone; the peer: didChange → its publishDiagnostics; peers.mjs compares pushes)
// - hover and completion p95 over a mix of positions (keywords, flags, variables, stage names)
import { createRequire } from 'node:module';

export const title = 'Dockerfile (500 lines): ours vs dockerfile-language-server-nodejs';

const require = createRequire(import.meta.url);
const PEER = require.resolve('dockerfile-language-server-nodejs/bin/docker-langserver');
const SAMPLES = 60;
/** Untimed opens first, so both servers are measured warm. */
const WARMUP = 20;
/** Untimed edits first: a minute of typing is a few hundred edits, so steady state is what users feel. */
const EDIT_WARMUP = 100;

/** A realistic multi-stage Dockerfile of about 500 lines. */
function generate() {
  const lines = ['# syntax=docker/dockerfile:1', 'ARG BASE_VERSION=3.20', 'ARG GO_VERSION=1.22', ''];
  for (let s = 0; lines.length < 490; s++) {
    lines.push(
      `FROM --platform=$BUILDPLATFORM golang:\${GO_VERSION}-alpine AS build${s}`,
      'ARG TARGETOS',
      'ARG TARGETARCH',
      `ENV APP_HOME=/src/app${s} CGO_ENABLED=0`,
      'WORKDIR $APP_HOME',
      'COPY go.mod go.sum ./',
      'RUN --mount=type=cache,target=/go/pkg/mod \\',
      '    go mod download',
      'COPY . .',
      'RUN --mount=type=cache,target=/root/.cache/go-build \\',
      `    GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app${s} ./cmd/app${s}`,
      '',
      `FROM alpine:\${BASE_VERSION} AS runtime${s}`,
      'RUN apk add --no-cache ca-certificates tzdata \\',
      '    && adduser -D -u 10001 app',
      `COPY --from=build${s} --chown=app:app /out/app${s} /usr/local/bin/app`,
      'EXPOSE 8080',
      'HEALTHCHECK --interval=30s --timeout=3s CMD ["/usr/local/bin/app", "health"]',
      'USER app',
      'ENTRYPOINT ["/usr/local/bin/app"]',
      '',
    );
  }
  return lines.join('\n') + '\n';
}

/** Positions to hover and complete at: keywords, flags, variables, stage names, empty lines. */
function positions(text) {
  const lines = text.split('\n');
  const hover = [];
  const complete = [];
  lines.forEach((line, i) => {
    if (line.startsWith('COPY --from=')) hover.push({ line: i, character: 14 }, { line: i, character: 2 });
    if (line.startsWith('RUN --mount')) hover.push({ line: i, character: 1 }, { line: i, character: 7 });
    if (line.startsWith('WORKDIR $')) {
      hover.push({ line: i, character: 11 });
      complete.push({ line: i, character: 9 });
    }
    if (line === '') complete.push({ line: i, character: 0 });
    if (line.startsWith('COPY --from=')) complete.push({ line: i, character: 12 });
  });
  return { hover, complete };
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
}

async function measure({ LspClient, time }, server, { ours }) {
  const text = generate();
  const { hover, complete } = positions(text);
  const pushClient = server ? new LspClient(server, ['--stdio']) : new LspClient();
  await pushClient.start({});
  // First diagnostics: each sample opens a new document; the first WARMUP are not timed.
  const first = [];
  for (let i = 0; i < SAMPLES + WARMUP; i++) {
    const uri = `file:///bench/first${i}/Dockerfile`;
    const ms = await time(async () => {
      const published = pushClient.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, 10000, pushClient.notifications.length);
      pushClient.open(uri, 'dockerfile', text);
      await published;
    });
    if (i >= WARMUP) first.push(ms);
    // Close it again, as an editor would when the next file opens, so neither server piles up documents.
    pushClient.notify('textDocument/didClose', { textDocument: { uri } });
  }
  await pushClient.stop();

  const client = server ? new LspClient(server, ['--stdio']) : new LspClient();
  await client.start(ours ? { pullDiagnostics: true } : {});
  const uri = 'file:///bench/edit/Dockerfile';
  const opened = ours ? Promise.resolve() : client.diagnostics(uri);
  client.open(uri, 'dockerfile', text);
  await opened;
  // Re-diagnostics after an edit: toggle a port on one line (a full-text change).
  const re = [];
  for (let v = 2; v < SAMPLES + EDIT_WARMUP + 2; v++) {
    const edited = text.replace('EXPOSE 8080', `EXPOSE ${8000 + v}`);
    const ms = await time(async () => {
      const published = ours ? undefined : client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, 10000, client.notifications.length);
      client.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: edited }] });
      if (ours) await client.request('textDocument/diagnostic', { textDocument: { uri } });
      else await published;
    });
    if (v >= EDIT_WARMUP + 2) re.push(ms);
  }
  const sample = async (method, list) => {
    const out = [];
    for (let round = 0; round < 3; round++) {
      for (const position of list) {
        const ms = await time(() => client.request(method, { textDocument: { uri }, position }));
        if (round > 0) out.push(ms);
      }
    }
    return stats(out);
  };
  const hoverStats = await sample('textDocument/hover', hover);
  const completeStats = await sample('textDocument/completion', complete);
  await client.stop();
  return { first: stats(first), re: stats(re), hover: hoverStats, complete: completeStats, lines: text.split('\n').length };
}

export async function run(bench) {
  const ours = await measure(bench, undefined, { ours: true });
  const peer = await measure(bench, PEER, { ours: false });
  return [
    { measure: `first diagnostics, median (${ours.lines} lines)`, value: ours.first.median, target: '≤ 20 ms', peer: peer.first.median },
    { measure: 'first diagnostics, p95', value: ours.first.p95, peer: peer.first.p95 },
    { measure: 're-diagnostics after an edit, median', value: ours.re.median, target: '≤ 5 ms', peer: peer.re.median },
    { measure: 're-diagnostics after an edit, p95', value: ours.re.p95, peer: peer.re.p95 },
    { measure: 'hover p95', value: ours.hover.p95, target: '≤ 3 ms', peer: peer.hover.p95 },
    { measure: 'completion p95', value: ours.complete.p95, target: '≤ 3 ms', peer: peer.complete.p95 },
  ];
}
