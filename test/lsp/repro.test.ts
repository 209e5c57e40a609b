import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { NOTES_READY } from '../../shared/protocol';
import { LspClient } from '../support/lspClient';
import { liveProblems } from '../support/markdownSafety';
import { repoPath } from '../support/paths';
import { tempTree } from '../support/tempTree';

/**
 * The adversarial run's reproducers (test/repro/, copied from the shared folder; the format is in
 * its README) over stdio against the built server: each hover's Markdown, rendered with HTML on
 * and every scheme allowed, must hold no raw HTML element and no link outside the allow-list.
 */
interface Repro {
  input: string;
  place: string;
  languageId: string;
  files?: Record<string, string>;
  notes?: string[];
  requests: { method: string; position: { line: number; character: number } }[];
  failure: string;
}

const reproFolder = repoPath('test', 'repro');
const read = (name: string) => fs.readFileSync(`${reproFolder}/${name}`, 'utf8');
const unsafeMarkdown = fs
  .readdirSync(reproFolder)
  .filter((name) => name.endsWith('.repro.json'))
  .map((name) => ({ name: name.replace(/\.repro\.json$/, ''), repro: JSON.parse(read(name)) as Repro }))
  .filter(({ repro }) => repro.failure === 'unsafeMarkdown');

describe('reproducers of unsafe hover Markdown', () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  test('every unsafe-Markdown reproducer is here', () => {
    assert.deepEqual(unsafeMarkdown.map((r) => r.name).sort(), ['crd-description-injection', 'notes-sanitizer-bypass', 'values-comment-injection']);
  });

  for (const { name, repro } of unsafeMarkdown) {
    test(`${name}: the hover is safe to render`, async () => {
      const files: Record<string, string> = { [repro.place]: read(repro.input) };
      for (const [place, input] of Object.entries(repro.files ?? {})) files[place] = read(input);
      for (const note of repro.notes ?? []) files[`notes/${note}`] = read(note);
      const tree = tempTree(files);
      const client = new LspClient();
      cleanups.push(async () => {
        await client.stop();
        tree.remove();
      });
      await client.start({ rootUri: pathToFileURL(tree.dir).toString(), settings: { notes: { paths: ['notes'], bundled: false } } });
      const uri = pathToFileURL(tree.file(repro.place)).toString();
      client.open(uri, repro.languageId, files[repro.place]);
      await client.request(NOTES_READY, null);
      // A custom resource's hover comes from its CRD, which the workspace index finds between requests.
      if (Object.values(files).some((text) => /kind: CustomResourceDefinition/.test(text)))
        await client.waitFor('window/logMessage', (p) => /workspace index:/.test(p.message));
      for (const request of repro.requests) {
        const hover = await client.request<{ contents: { value: string } } | null>(request.method, { textDocument: { uri }, position: request.position });
        const markdown = hover?.contents.value ?? '';
        // The untrusted text is there, made harmless, not dropped.
        assert.match(markdown, /run|Nested brackets/, markdown);
        assert.deepEqual(liveProblems(markdown), [], markdown);
      }
    });
  }
});
