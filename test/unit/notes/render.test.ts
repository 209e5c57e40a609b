import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type NoteSection,
  parseSections,
  renderBody,
  renderSection,
  renderSectionMemo,
  renderSections,
  sourceLabel,
  sourceLink,
} from '../../../server/src/notes';

function sectionOf(text: string, uri = 'file:///home/me/notes/k8s.md', origin: NoteSection['origin'] = 'user'): NoteSection {
  const [section] = parseSections({ uri, text, origin }).filter((s) => !s.empty);
  return section;
}

describe('rendering', () => {
  test('heading path, body and a link to the source line', () => {
    const text = '# Service\nintro\n## Publishing Service\n<!-- keys: k8s:value/Service.spec.type=NodePort -->\nNodePort opens a port on every node.\n';
    const section = parseSections({ uri: 'file:///home/me/notes/k8s.md', text, origin: 'user' })[1];
    assert.equal(
      renderSections([section], { maxLines: 40 }),
      ['#### Service › Publishing Service', '', 'NodePort opens a port on every node.', '', '[notes/k8s.md:3](file:///home/me/notes/k8s.md#L3)'].join('\n'),
    );
  });

  test('bundled notes say so; text before any heading is titled by its file', () => {
    const bundled = sectionOf('\n# Pod\nx\n', 'file:///ext/notes/en/k8s.md', 'bundled');
    assert.equal(sourceLabel(bundled), 'bundled notes · k8s.md:2');
    // The golden files leave the line out of bundled links (test/support/render.ts); the product keeps it.
    assert.equal(sourceLink(bundled), '[bundled notes · k8s.md:2](file:///ext/notes/en/k8s.md#L2)');
    assert.match(renderSections([sectionOf('just text\n')], { maxLines: 5 }), /^#### notes\/k8s\.md\n\njust text\n/);
  });

  test('several sections are separated by rules', () => {
    const a = sectionOf('# A\na\n');
    const b = sectionOf('# B\nb\n', 'file:///n/b.md');
    assert.equal(renderSections([a, b], { maxLines: 5 }).split('\n---\n').length, 2);
  });

  test('long sections are cut after maxLines with … and still end with the link', () => {
    const body = Array.from({ length: 10 }, (_, i) => `line ${i + 1}`).join('\n');
    const out = renderSections([sectionOf(`# Long\n${body}\n`)], { maxLines: 3 });
    assert.match(out, /line 3\n…\n\n\[notes\/k8s\.md:1\]\(file:\/\/\/home\/me\/notes\/k8s\.md#L1\)$/);
    assert.doesNotMatch(out, /line 4/);
  });

  test('a cut inside a code fence closes the fence', () => {
    const { text, cut } = renderBody('```yaml\na: 1\nb: 2\nc: 3\n```', 2);
    assert.equal(cut, true);
    assert.equal(text, '```yaml\na: 1\n```\n…');
  });

  test('command: and other unsafe links lose their target; safe links stay', () => {
    const { text } = renderBody(
      '[run](command:workbench.action.terminal.new) [x](  command:foo?%5B%5D) ![img](javascript:alert(1)) [ok](https://kubernetes.io) [ref]\n\n[ref]: command:evil\nafter',
      10,
    );
    // The definition goes; `after` was its paragraph's continuation and stays.
    assert.equal(text, 'run x img [ok](https://kubernetes.io) ref\n\nafter');
  });

  test('file links stay only inside the folder of the note', () => {
    const out = renderSections([sectionOf('# A\n[b](file:///home/me/notes/b.md) [c](file:///home/me/notes/../secret) [d](file:///etc/passwd)\n')], {
      maxLines: 5,
    });
    assert.match(out, /\[b\]\(file:\/\/\/home\/me\/notes\/b\.md\) c d\n/);
  });

  test('raw HTML is escaped outside code and left alone in code', () => {
    const { text } = renderBody('<img src=x onerror=alert(1)> and `<b>` stay\n```\n<script>\n```\n\n    ADD <src>... <dest>', 10);
    assert.equal(text, '\\<img src=x onerror=alert(1)> and `<b>` stay\n```\n<script>\n```\n\n    ADD <src>... <dest>');
  });

  test('key tags and other comments are stripped, also across lines; headings in bodies become bold', () => {
    const { text } = renderBody('<!-- keys: k8s:kind/Pod -->\nbefore <!-- hidden --> after\n<!--\nmulti\n-->\n## Sub\nx', 10);
    assert.equal(text, 'before  after\n**Sub**\nx');
  });

  test('headings with HTML or links are made safe too', () => {
    const out = renderSections([sectionOf('# <b>Bold</b> [x](command:y)\nbody\n')], { maxLines: 5 });
    assert.match(out, /^#### \\<b>Bold\\<\/b> x\n/);
  });

  test('URIs with spaces and parentheses still make one link', () => {
    const out = renderSections([sectionOf('# A\nb\n', 'file:///n/my%20notes/a (1).md')], { maxLines: 5 });
    assert.match(out, /\(file:\/\/\/n\/my%20notes\/a%20%281%29\.md#L1\)$/);
  });

  test('a render memo remembers each section per line limit; another section object renders anew', () => {
    const renderOne = renderSectionMemo();
    const pod = sectionOf('# Pod\none\ntwo\nthree\n');
    const short = renderSection(pod, { maxLines: 2 });
    const long = renderSection(pod, { maxLines: 9 });
    assert.equal(renderOne(pod, { maxLines: 2 }), short);
    assert.equal(renderOne(pod, { maxLines: 9 }), long);
    assert.equal(renderSections([pod, pod], { maxLines: 9 }, renderOne), renderSections([pod, pod], { maxLines: 9 }));
    // Sections are never changed in place; changing one here shows the answers come from the memo.
    const remembered = { ...pod };
    Object.assign(pod, { body: 'changed' });
    assert.equal(renderOne(pod, { maxLines: 2 }), short);
    assert.equal(renderOne(pod, { maxLines: 9 }), long);
    assert.match(renderOne({ ...pod }, { maxLines: 9 }), /changed/);
    assert.equal(renderOne(remembered, { maxLines: 9 }), long);
  });
});
