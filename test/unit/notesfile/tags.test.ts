import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSections } from '../../../server/src/notes';
import { tagComments } from '../../../server/src/notesfile/tags';

// notesfile/tags.ts finds the tags the notes index reads, with their places in the document, so
// completion, hover and the warning point at the very text the index matches.

const NOTE = [
  '---',
  'title: x',
  '---',
  '# Copying',
  '<!-- keys: docker:flag/COPY   --from, "k8s:kind/Deployment" [helm:values] -->',
  'Text with an inline <!-- keys: rule:dockerfile/latest-tag --> tag.',
  '```md',
  '<!-- keys: not/a-tag -->',
  '```',
  '<!-- KEYS:',
  '  k8s:field/hostPath',
  '  k8s:field/subPath -->',
  '~~~',
  '<!-- keys: still/code -->',
  '~~~',
].join('\r\n');

/** The tags of NOTE, as the notes index reads them. */
const TAGS = ['docker:flag/COPY --from', 'k8s:kind/Deployment', 'helm:values', 'rule:dockerfile/latest-tag', 'k8s:field/hostPath', 'k8s:field/subPath'];

test('the tags are the ones the notes index reads, in order, with fenced code left out', () => {
  const found = tagComments(NOTE).flatMap((c) => c.tags.map((t) => t.text));
  const indexed = parseSections({ uri: 'file:///n.md', text: NOTE, origin: 'user' }).flatMap((s) => s.tags);
  assert.deepEqual(found, indexed);
  assert.deepEqual(found, TAGS);
});

test('each tag points at its text, a joined flag from its key to the flag', () => {
  const spans = tagComments(NOTE)
    .flatMap((c) => c.tags)
    .map((t) => NOTE.slice(t.start, t.end));
  // The flag's tag is written with three spaces; its text is the key as the index reads it.
  assert.deepEqual(
    spans,
    TAGS.map((tag) => (tag === 'docker:flag/COPY --from' ? 'docker:flag/COPY   --from' : tag)),
  );
});

test('a comment still being typed runs to the end of its line and is marked open', () => {
  const text = '# x\n<!-- keys: k8s:kind/Depl\nmore text\n';
  const [comment] = tagComments(text);
  assert.equal(comment.closed, false);
  assert.equal(text.slice(comment.listStart, comment.listEnd), ' k8s:kind/Depl');
  assert.deepEqual(
    comment.tags.map((t) => t.text),
    ['k8s:kind/Depl'],
  );
});

test('no comment, no tags', () => {
  assert.deepEqual(tagComments('# Plain notes\nNothing tagged.\n'), []);
  assert.deepEqual(tagComments('<!-- a comment that is no tag -->'), []);
});
