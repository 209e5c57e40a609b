import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as services from '../../../server/src/services';
import { createFixture } from '../../support/fixture';

// Bad input is ordinary input: every feature answers (possibly empty) and never throws.

async function exercise(text: string): Promise<void> {
  const fixture = createFixture(new Map([['Dockerfile', text]]));
  const doc = fixture.open('Dockerfile');
  const ctx = fixture.ctx;
  const end = doc.positionAt(text.length);
  const middle = doc.positionAt(Math.floor(text.length / 2));
  assert.ok(Array.isArray(await services.diagnose(ctx, doc)));
  for (const pos of [{ line: 0, character: 0 }, middle, end]) {
    await services.hover(ctx, doc, pos);
    await services.complete(ctx, doc, pos);
    services.definition(ctx, doc, pos);
    services.references(ctx, doc, pos, true);
    services.prepareRename(ctx, doc, pos);
  }
  services.symbols(ctx, doc);
  services.folding(ctx, doc);
  await services.codeActions(ctx, doc, { start: { line: 0, character: 0 }, end });
}

test('binary content', async () => {
  const bytes = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
  await exercise(`FROM alpine:3.20\n${bytes}\nRUN \u0000\u0001 echo`);
});

test('a 10 MB file', async () => {
  const block = 'FROM alpine:3.20 AS s\nRUN apt-get update && apt-get install curl\nCOPY --from=s /a /b\nENV A=$B\n';
  await exercise(block.repeat(Math.ceil((10 * 1024 * 1024) / block.length)));
});

test('a 5,000-line continuation', async () => {
  await exercise(`FROM alpine:3.20\nRUN echo start \\\n${'    && echo line \\\n'.repeat(5000)}    && echo end\n`);
});

test('unterminated heredocs', async () => {
  await exercise('FROM alpine:3.20\nRUN <<EOF\napt-get install curl\n');
  await exercise("FROM alpine:3.20\nRUN python3 <<-'PY'\nprint(1)\nCOPY <<EOF /x\n");
});

test('unterminated JSON arrays and half-typed flags', async () => {
  await exercise('FROM alpine:3.20\nCMD ["node", "app.js"\nENTRYPOINT [\nSHELL ["/bin/sh"\nRUN --mount=type=\nCOPY --from=\nHEALTHCHECK --interval=');
});

test('half-typed instructions and empty files', async () => {
  for (const text of ['', '\n\n', 'F', 'FROM', 'FROM ', '# escape=', 'ARG', 'ONBUILD', 'ONBUILD ONBUILD', '${', 'FROM ${', 'RUN $', '\\\n\\\n']) exercise(text);
});
