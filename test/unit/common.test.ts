import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  applyPolicy,
  closestMatch,
  decodeText,
  defaultSettings,
  describeSize,
  findSuppressions,
  lineRange,
  lineStarts,
  lineText,
  mergeSettings,
  positionInText,
  VersionedCache,
} from '../../server/src/common';

describe('settings', () => {
  test('merge ignores wrongly typed and unknown values', () => {
    const s = mergeSettings(defaultSettings(), {
      notes: { paths: 'notes', maxSections: -1, bundled: 'no' },
      rules: { 'dockerfile/x': 'off', 'dockerfile/y': 'loud' },
      bogus: 1,
    });
    assert.deepEqual(s.notes.paths, ['notes']);
    assert.equal(s.hover.maxSections, 2);
    assert.equal(s.notes.bundled, true);
    assert.deepEqual(s.rules, { 'dockerfile/x': 'off' });
  });
  test('hover.maxSections and hover.maxSectionLines; the deprecated notes.maxSections and notes.maxLines still count', () => {
    assert.deepEqual(defaultSettings().hover, { maxSections: 2, maxSectionLines: 14 });
    assert.deepEqual(mergeSettings(defaultSettings(), { hover: { maxSections: 3, maxSectionLines: 20 } }).hover, { maxSections: 3, maxSectionLines: 20 });
    assert.deepEqual(mergeSettings(defaultSettings(), { notes: { maxSections: 4, maxLines: 30 } }).hover, { maxSections: 4, maxSectionLines: 30 });
    const both = mergeSettings(defaultSettings(), { hover: { maxSections: 1 }, notes: { maxSections: 4, maxLines: 30 } });
    assert.deepEqual(both.hover, { maxSections: 1, maxSectionLines: 30 });
  });
  test('merge of a non-object keeps the base', () => {
    assert.deepEqual(mergeSettings(defaultSettings(), null), defaultSettings());
    assert.deepEqual(mergeSettings(defaultSettings(), 'x'), defaultSettings());
  });
});

describe('suppression and policy', () => {
  const doc = TextDocument.create(
    'file:///Dockerfile',
    'dockerfile',
    1,
    [
      '# container-notes ignore=dockerfile/latest-tag -- pinned by renovate',
      '',
      'FROM ubuntu',
      '# container-notes ignore=dockerfile/apt-no-y',
      'RUN apt-get install curl',
    ].join('\n'),
  );
  const finding = (rule: string, line: number) => ({ rule, range: { start: { line, character: 0 }, end: { line, character: 3 } }, message: 'm' });

  test('an ignore comment targets the next non-blank line and keeps its reason', () => {
    const s = findSuppressions(doc);
    assert.equal(s.length, 2);
    assert.deepEqual([s[0].target, s[0].reason, s[1].target, s[1].reason], [2, 'pinned by renovate', 4, undefined]);
  });
  test('stacked ignore comments all target the line below the stack', () => {
    const stacked = TextDocument.create(
      'file:///Dockerfile',
      'dockerfile',
      1,
      [
        '# container-notes ignore=a/one -- x',
        '# plain comment',
        '# container-notes ignore=a/two -- y',
        '',
        '# container-notes ignore=a/three -- z',
        'FROM ubuntu',
        '# container-notes ignore=a/four -- w',
      ].join('\n'),
    );
    assert.deepEqual(
      findSuppressions(stacked).map((s) => [s.line, s.target]),
      [
        [0, 5],
        [2, 5],
        [4, 5],
        [6, 7],
      ],
    );
  });
  test('ignored rules and rules set to off are dropped; settings set severity', () => {
    const settings = mergeSettings(defaultSettings(), { rules: { 'dockerfile/other': 'error', 'dockerfile/off': 'off' } });
    const out = applyPolicy(
      [finding('dockerfile/latest-tag', 2), finding('dockerfile/other', 2), finding('dockerfile/off', 2), finding('dockerfile/apt-no-y', 4)],
      doc,
      settings,
      () => undefined,
    );
    assert.deepEqual(
      out.map((d) => [d.diagnostic.code, d.diagnostic.severity]),
      [['dockerfile/other', 1]],
    );
  });
  test('requireIgnoreReason reports the comment without a reason', () => {
    const settings = mergeSettings(defaultSettings(), { requireIgnoreReason: true });
    const out = applyPolicy([], doc, settings, () => undefined);
    assert.deepEqual(
      out.map((d) => [d.diagnostic.code, d.diagnostic.range.start.line]),
      [['common/ignore-without-reason', 3]],
    );
  });
});

describe('text helpers', () => {
  test('closestMatch suggests a near key', () => {
    assert.equal(closestMatch('replica', ['replicas', 'selector', 'template']), 'replicas');
    assert.equal(closestMatch('zzzzzz', ['replicas']), undefined);
    assert.equal(closestMatch('contaner', ['container']), 'container');
    assert.equal(closestMatch('contanr', ['container'], 1), undefined, 'two edits exceed a limit of one');
    assert.equal(closestMatch('Replicas', ['replicas'], 0), 'replicas', 'case alone is no edit');
  });
  test('lineRange and lineText end a line at its LF, CRLF or lone CR, and the last line at the end', () => {
    const doc = TextDocument.create('file:///x', 'plaintext', 1, 'ab\r\ncd\ref\ngh');
    assert.deepEqual(
      [0, 1, 2, 3, 4].map((line) => lineText(doc, line)),
      ['ab', 'cd', 'ef', 'gh', ''],
    );
    assert.deepEqual(lineRange(doc, 3), { start: { line: 3, character: 0 }, end: { line: 3, character: 2 } });
  });
  test('positionInText maps offsets with UTF-16 columns', () => {
    const text = '中文\nab';
    assert.deepEqual(positionInText(lineStarts(text), 4), { line: 1, character: 1 });
  });
  test('VersionedCache computes once per version', () => {
    const cache = new VersionedCache();
    let calls = 0;
    const compute = () => ++calls;
    cache.get('k', 'u', 1, compute);
    cache.get('k', 'u', 1, compute);
    cache.get('k', 'u', 2, compute);
    assert.equal(calls, 2);
  });
  test('VersionedCache evicts the least recently used entry, so an entry read often survives', () => {
    const cache = new VersionedCache(3);
    let calls = 0;
    const compute = () => ++calls;
    cache.get('index', '', 0, compute);
    for (const uri of ['a', 'b', 'c', 'd']) {
      cache.get('parse', uri, 1, compute);
      cache.get('index', '', 0, compute);
    }
    assert.equal(calls, 5, 'the index was computed once');
  });
});

describe('decodeText', () => {
  const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

  test('UTF-8 text comes back as it is, without a leading byte-order mark', () => {
    assert.deepEqual(decodeText(bytes('FROM debian:12\n')), { text: 'FROM debian:12\n' });
    assert.deepEqual(decodeText(bytes([0xef, 0xbb, 0xbf], 'kind: Pod\n')), { text: 'kind: Pod\n' });
    assert.deepEqual(decodeText(bytes('# 中文 notes\n')), { text: '# 中文 notes\n' });
    assert.deepEqual(decodeText(new Uint8Array()), { text: '' });
  });

  test('a NUL byte in the first 8 KB means binary; one further on does not', () => {
    assert.deepEqual(decodeText(bytes('FR', [0, 1, 2])), { problem: 'binary' });
    assert.deepEqual(decodeText(bytes('x'.repeat(8191), [0])), { problem: 'binary' });
    assert.ok('text' in decodeText(bytes('x'.repeat(8192), [0])));
  });

  test('bytes that are not strict UTF-8 are refused, not replaced', () => {
    assert.deepEqual(decodeText(bytes('# caf', [0xe9], '\n')), { problem: 'not-utf8' });
    assert.deepEqual(decodeText(bytes('ok', [0xe4, 0xb8])), { problem: 'not-utf8' }, 'a sequence cut short');
  });

  test('more bytes than the limit is too large, whatever they hold; the limit itself is fine', () => {
    assert.deepEqual(decodeText(bytes('abcd'), 4), { text: 'abcd' });
    assert.deepEqual(decodeText(bytes('abcde'), 4), { problem: 'too-large', bytes: 5 });
    assert.deepEqual(decodeText(bytes([0, 0, 0, 0, 0]), 4), { problem: 'too-large', bytes: 5 }, 'size is judged before content');
    assert.equal(describeSize(10 * 1024 * 1024), '10.0 MB is over the 5 MB limit');
  });
});
