import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type NoteSection,
  parseSections,
  renderBody,
  renderMore,
  renderSection,
  renderSectionMemo,
  renderSections,
  shortenReference,
  shortenReferenceMemo,
  sourceLabel,
} from '../../../server/src/notes';

function sectionOf(text: string, uri = 'file:///home/me/notes/k8s.md', origin: NoteSection['origin'] = 'user'): NoteSection {
  const [section] = parseSections({ uri, text, origin }).filter((s) => !s.empty);
  return section;
}

describe('rendering a section', () => {
  test('one line says whose and where (a link to the line), with the heading; then the body', () => {
    const text = '# Service\nintro\n## Publishing Service\n<!-- keys: k8s:value/Service.spec.type=NodePort -->\nNodePort opens a port on every node.\n';
    const section = parseSections({ uri: 'file:///home/me/notes/k8s.md', text, origin: 'user' })[1];
    assert.equal(
      renderSections([section], { maxLines: 14 }),
      ['Your notes · [k8s.md:3](file:///home/me/notes/k8s.md#L3) — **Publishing Service**', '', 'NodePort opens a port on every node.'].join('\n'),
    );
  });

  test('bundled notes say so; text before any heading has no heading', () => {
    const bundled = sectionOf('\n# Pod\nx\n', 'file:///ext/notes/en/k8s.md', 'bundled');
    assert.equal(sourceLabel(bundled), 'Bundled · k8s.md:2');
    assert.match(renderSection(bundled, { maxLines: 14 }), /^Bundled · \[k8s\.md:2\]\(file:\/\/\/ext\/notes\/en\/k8s\.md#L2\) — \*\*Pod\*\*\n/);
    assert.equal(renderSections([sectionOf('just text\n')], { maxLines: 5 }), 'Your notes · [k8s.md:1](file:///home/me/notes/k8s.md#L1)\n\njust text');
  });

  test('several sections follow each other, each opening with its own line; the ones after the first are shorter', () => {
    const body = Array.from({ length: 12 }, (_, i) => `para ${i + 1}`).join('\n\n');
    const a = sectionOf(`# A\n${body}\n`);
    const b = sectionOf(`# B\n${body}\n`, 'file:///n/b.md');
    const out = renderSections([a, b], { maxLines: 14 });
    assert.equal(out.match(/^Your notes · /gm)?.length, 2);
    assert.doesNotMatch(out, /^---$/m);
    const [first, second] = out.split(/\n\n(?=Your notes)/);
    assert.ok(second.split('\n').length < first.split('\n').length, out);
  });

  test('a long section is cut at a paragraph boundary, with a "more…" link to the line the rest starts at', () => {
    const paragraphs = Array.from({ length: 10 }, (_, i) => `paragraph ${i + 1}`).join('\n\n');
    const out = renderSection(sectionOf(`# Long\n${paragraphs}\n`), { maxLines: 8 });
    // Title, gap, then paragraphs 1–3 with their gaps; the link ends the last shown line.
    assert.equal(
      out,
      'Your notes · [k8s.md:1](file:///home/me/notes/k8s.md#L1) — **Long**\n\nparagraph 1\n\nparagraph 2\n\nparagraph 3 [more…](file:///home/me/notes/k8s.md#L8)',
    );
  });

  test('after a code block the link takes a line of its own; a section that fits is not cut', () => {
    const text = '# Pod\nintro\n\n```yaml\nkind: Pod\n```\n\nlast words\n';
    const cut = renderSection(sectionOf(text), { maxLines: 6 });
    assert.match(cut, /```\n\n\[more…\]\(file:\/\/\/home\/me\/notes\/k8s\.md#L8\)$/);
    assert.doesNotMatch(renderSection(sectionOf(text), { maxLines: 14 }), /more…/);
  });

  test('display lines: long lines wrap at 80 columns and CJK characters are two columns wide', () => {
    const long = 'word '.repeat(40).trim(); // 199 columns: 3 lines
    const chinese = '中'.repeat(50); // 100 columns: 2 lines
    // 3 + gap + 2 + gap + 1 lines.
    assert.equal(renderBody(`${long}\n\n${chinese}\n\nend`, { maxLines: 8 }).cutAt, undefined);
    assert.equal(renderBody(`${long}\n\n${chinese}\n\nend`, { maxLines: 7 }).cutAt, 4);
  });

  test('a block too long for what is left is cut inside when it is the first, or a code block with room left', () => {
    const code = ['```yaml', ...Array.from({ length: 20 }, (_, i) => `k${i}: ${i}`), '```'].join('\n');
    const first = renderBody(code, { maxLines: 5 });
    assert.equal(first.text, '```yaml\nk0: 0\nk1: 1\nk2: 2\nk3: 3\n```');
    assert.equal(first.cutAt, 5);
    const later = renderBody(`intro\n\n${code}`, { maxLines: 8 });
    assert.match(later.text, /^intro\n\n```yaml\nk0: 0\n[\s\S]*\n```$/);
    const prose = renderBody(`intro\n\n${'long prose '.repeat(60)}`, { maxLines: 5 });
    assert.equal(prose.text, 'intro');
  });

  test('a line ending in a colon goes with what it introduces when that is cut', () => {
    const table = `| field | meaning |\n| --- | --- |\n${'| `.Release.Name` | the name |\n'.repeat(8)}`;
    const out = renderBody(`Use it in names.\n\nThe fields:\n\n${table}`, { maxLines: 6 });
    assert.equal(out.text, 'Use it in names.');
    assert.equal(out.cutAt, 2);
    assert.equal(renderBody(`The fields:\n\n${table}`, { maxLines: 6 }).text, 'The fields:');
  });

  test('plain .txt notes keep their line breaks; Markdown notes flow', () => {
    const text = '# Helm\nhelm create test\nhelm lint\n- item\n\n| a |\n| --- |\n';
    assert.match(renderSection(sectionOf(text, 'file:///n/notes.txt'), { maxLines: 14 }), /helm create test\\\nhelm lint\n- item/);
    assert.match(renderSection(sectionOf(text, 'file:///n/notes.md'), { maxLines: 14 }), /helm create test\nhelm lint\n- item/);
  });

  test('command: and other unsafe links lose their target; safe links stay', () => {
    const { text } = renderBody(
      '[run](command:workbench.action.terminal.new) [x](  command:foo?%5B%5D) ![img](javascript:alert(1)) [ok](https://kubernetes.io) [ref]\n\n[ref]: command:evil\nafter',
      { maxLines: 10 },
    );
    // The definition goes; `after` was its paragraph's continuation and stays.
    assert.equal(text, 'run x img [ok](https://kubernetes.io) ref\n\nafter');
  });

  test('file links stay only inside the folder of the note', () => {
    const out = renderSections([sectionOf('# A\n[b](file:///home/me/notes/b.md) [c](file:///home/me/notes/../secret) [d](file:///etc/passwd)\n')], {
      maxLines: 5,
    });
    assert.match(out, /\[b\]\(file:\/\/\/home\/me\/notes\/b\.md\) c d$/);
  });

  test('raw HTML is escaped outside code and left alone in code', () => {
    const { text } = renderBody('<img src=x onerror=alert(1)> and `<b>` stay\n```\n<script>\n```\n\n    ADD <src>... <dest>', { maxLines: 10 });
    assert.equal(text, '\\<img src=x onerror=alert(1)> and `<b>` stay\n\n```\n<script>\n```\n\n    ADD <src>... <dest>');
  });

  test('key tags and other comments are stripped, also across lines; headings in bodies become bold', () => {
    const { text } = renderBody('<!-- keys: k8s:kind/Pod -->\nbefore <!-- hidden --> after\n<!--\nmulti\n-->\n## Sub\nx', { maxLines: 10 });
    assert.equal(text, 'before  after\n**Sub**\nx');
  });

  test('headings with HTML or links are made safe too', () => {
    const out = renderSections([sectionOf('# <b>Bold</b> [x](command:y)\nbody\n')], { maxLines: 5 });
    assert.match(out, / — \*\*\\<b>Bold\\<\/b> x\*\*\n/);
  });

  test('URIs with spaces and parentheses still make one link', () => {
    const out = renderSections([sectionOf('# A\nb\n', 'file:///n/my%20notes/a (1).md')], { maxLines: 5 });
    assert.match(out, /\[a \\\(1\\\)\.md:1\]|\(file:\/\/\/n\/my%20notes\/a%20%281%29\.md#L1\)/);
    assert.match(out, /\(file:\/\/\/n\/my%20notes\/a%20%281%29\.md#L1\)/);
  });

  test('a render memo remembers each section per line limit; another section object renders anew', () => {
    const renderOne = renderSectionMemo();
    const pod = sectionOf('# Pod\none\n\ntwo\n\nthree\n\nfour\n');
    const short = renderSection(pod, { maxLines: 4 });
    const long = renderSection(pod, { maxLines: 14 });
    assert.notEqual(short, long);
    assert.equal(renderOne(pod, { maxLines: 4 }), short);
    assert.equal(renderOne(pod, { maxLines: 14 }), long);
    // Sections are never changed in place; changing one here shows the answers come from the memo.
    const remembered = { ...pod };
    Object.assign(pod, { body: 'changed' });
    assert.equal(renderOne(pod, { maxLines: 4 }), short);
    assert.equal(renderOne(pod, { maxLines: 14 }), long);
    assert.match(renderOne({ ...pod }, { maxLines: 14 }), /changed/);
    assert.equal(renderOne(remembered, { maxLines: 14 }), long);
  });
});

describe('the line of links to more sections', () => {
  test('"More in your notes", then the bundled ones; long titles are cut', () => {
    const mine = sectionOf('# Service\nx\n');
    const long = sectionOf('# Docker entry and cmd overwritten when Kubernetes runs it.\nx\n', 'file:///n/b.md');
    const ours = sectionOf('# Pod\nx\n', 'bundled:/notes/en/k8s.md', 'bundled');
    assert.equal(
      renderMore([mine, long, ours]),
      'More in your notes: [Service](file:///home/me/notes/k8s.md#L1) · [Docker entry and cmd overwritten…](file:///n/b.md#L1); bundled: [Pod](bundled:/notes/en/k8s.md#L1)',
    );
    assert.equal(renderMore([ours]), 'More in the bundled notes: [Pod](bundled:/notes/en/k8s.md#L1)');
    assert.equal(renderMore([]), '');
  });
});

describe('shortening the reference part', () => {
  test('"More info: <URL>" becomes a "more" link; a long paragraph keeps its first sentences', () => {
    const description =
      'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. "ClusterIP" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction. "NodePort" builds on ClusterIP and allocates a port on every node. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types';
    const out = shortenReference(`**spec.type** · \`string\`\n\n${description}\n\nValues: \`ClusterIP\`, \`NodePort\``, 6);
    assert.equal(
      out,
      '**spec.type** · `string`\n\ntype determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. [more](https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types)\n\nValues: `ClusterIP`, `NodePort`',
    );
  });

  test('a short reference, code and tables stay as they are; without a URL a shortened paragraph ends in …', () => {
    const short = '**CMD**\n\n```\nCMD ["a"]\n```\n\nThe default command.';
    assert.equal(shortenReference(short, 6), short);
    const long = `**ARG**\n\n\`\`\`\nARG <name>\n\`\`\`\n\nDeclares a build argument set with \`--build-arg\`. ${'Before the first FROM it is usable only in FROM lines. '.repeat(4)}`;
    // Whole sentences within 160 characters.
    assert.equal(
      shortenReference(long, 6),
      `**ARG**\n\n\`\`\`\nARG <name>\n\`\`\`\n\nDeclares a build argument set with \`--build-arg\`. ${'Before the first FROM it is usable only in FROM lines. '.repeat(2).trim()} …`,
    );
    const table = `| file | value |\n| --- | --- |\n${'| values.yaml | `x` |\n'.repeat(8)}`.trim();
    assert.equal(shortenReference(table, 6), table);
  });

  test("a session's memo gives shortenReference's text for each reference and limit, also after more references than it keeps", () => {
    const shorten = shortenReferenceMemo();
    const references = Array.from(
      { length: 300 },
      (_, i) => `**field${i}** · \`string\`\n\n${'A sentence about the field that goes on. '.repeat(i % 7)}<b>${i}</b>`,
    );
    for (const round of [0, 1]) {
      for (const [i, reference] of references.entries()) {
        const lines = 3 + ((i + round) % 4);
        assert.equal(shorten(reference, lines), shortenReference(reference, lines), `reference ${i}, round ${round}`);
      }
    }
  });
});
