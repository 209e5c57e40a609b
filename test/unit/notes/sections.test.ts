import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type NoteSection, parseSections } from '../../../server/src/notes';
import { maySeparate, proseOf, readMarkdown } from '../../../server/src/notes/markdown';
import { excerpt, parseNotes } from '../../../server/src/notes/sections';

const parse = (text: string): NoteSection[] => parseSections({ uri: 'file:///n/k8s.md', text, origin: 'user' });
const paths = (text: string): string[] => parse(text).map((s) => s.headingPath.join(' › '));
const section = (text: string, heading: string): NoteSection => {
  const found = parse(text).find((s) => s.headingPath[s.headingPath.length - 1] === heading);
  assert.ok(found, `no section "${heading}"`);
  return found;
};

describe('sectioning: headings', () => {
  test('ATX headings of every level build heading paths', () => {
    const text = ['# Service', 'a', '## Publishing Service', 'b', '### ClusterIP', 'c', '###### Deep', 'd', '## Other', 'e', '# Next', 'f'].join('\n');
    assert.deepEqual(paths(text), [
      'Service',
      'Service › Publishing Service',
      'Service › Publishing Service › ClusterIP',
      'Service › Publishing Service › ClusterIP › Deep',
      'Service › Other',
      'Next',
    ]);
  });

  test('closing hashes, extra spaces and up to three spaces of indent are allowed; #word is no heading', () => {
    assert.deepEqual(paths('#  Ingress Resources ##\nx\n   ## Indented\ny\n#hashtag\nz\n####### seven\n'), [
      'Ingress Resources',
      'Ingress Resources › Indented',
    ]);
  });

  test('setext headings under a single line of text', () => {
    const s = parse('Docker notes\n-------------\n\nbody\n\nTitle\n=====\ntext\n');
    assert.deepEqual(
      s.map((x) => [x.headingPath.join(' › '), x.level, x.startLine]),
      [
        ['Docker notes', 2, 0],
        ['Title', 1, 5],
      ],
    );
    assert.equal(s[0].body, 'body');
  });

  test('a --- after a blank line is a separator, not a heading', () => {
    const text = '# 常见问题\n\n---\nfirst problem\n\n--- \nsecond problem\n';
    const s = parse(text);
    assert.deepEqual(
      s.map((x) => x.headingPath.join(' › ')),
      ['常见问题'],
    );
    assert.match(s[0].body, /first problem[\s\S]*second problem/);
  });

  test('a --- under a paragraph of several lines, a list item or a table stays a separator', () => {
    assert.deepEqual(paths('# H\nline one\nline two\n---\n- item\n---\n| a | b |\n---\n'), ['H']);
  });

  test('a line between separators is no heading, and a match shows its own part', () => {
    const text = '# FAQ\n---\nQ: hostPath?\n---\nQ: subPath?\nmounts one file\n';
    const s = parse(text);
    assert.deepEqual(
      s.map((x) => x.headingPath.join(' › ')),
      ['FAQ'],
    );
    const part = excerpt(s[0], /subPath/g);
    assert.equal(part.body, 'Q: subPath?\nmounts one file');
    assert.equal(part.startLine, 4);
  });

  test('# lines inside ``` and ~~~ fences are not headings, even in long or unclosed fences', () => {
    const text = [
      '# CLI',
      '```shell',
      '# Get a Shell to a running pod.',
      '$ kubectl exec -it shell-demo -- /bin/bash',
      '---',
      '```',
      '~~~',
      '# not a heading',
      '```',
      '# still code',
      '~~~',
      '````md',
      '```',
      '# inside a longer fence',
      '````',
      '## After',
      'x',
      '```',
      '# unclosed fence runs to the end',
    ].join('\n');
    assert.deepEqual(paths(text), ['CLI', 'CLI › After']);
  });

  test('four-space indented # lines are code, not headings', () => {
    assert.deepEqual(paths('# Dockerfile\n\n    # Comment\n    INSTRUCTION arguments\n'), ['Dockerfile']);
  });

  test('a fence inside a list item ends with the item, so a heading after the list is a heading', () => {
    assert.deepEqual(paths('# Steps\n- run:\n  ```sh\n  # a shell comment\nnot in the item\n\n# After\nx\n'), ['Steps', 'After']);
  });

  test('# lines inside an HTML comment, a quote or a list item are not headings', () => {
    assert.deepEqual(paths('# Notes\n<!--\n# draft heading\n-->\n> # quoted\n- # in an item\nx\n'), ['Notes']);
  });

  test('mixed Chinese and English headings keep their text', () => {
    assert.deepEqual(paths('# Docker\n## Dockerfile\n### EXPOSE 暴露端口\nx\n### 镜像（Image）\ny\n'), [
      'Docker',
      'Docker › Dockerfile',
      'Docker › Dockerfile › EXPOSE 暴露端口',
      'Docker › Dockerfile › 镜像（Image）',
    ]);
  });
});

describe('sectioning: ranges, bodies, front matter and tags', () => {
  test('line ranges are 0-based with an exclusive end; bodies drop blank edges', () => {
    const s = parse('intro\n\n# A\n\nbody a\n\n# B\nbody b');
    assert.deepEqual(
      s.map((x) => [x.headingPath.join(), x.startLine, x.endLine, x.body]),
      [
        ['', 0, 2, 'intro'],
        ['A', 2, 6, 'body a'],
        ['B', 6, 8, 'body b'],
      ],
    );
  });

  test('a heading with nothing of its own shows its subsections', () => {
    const text = '# Volumes\n\n## hostPath\nnode dir\n## emptyDir\nscratch\n# Namespaces\nvirtual clusters\n';
    const volumes = section(text, 'Volumes');
    assert.equal(volumes.coversSubsections, true);
    assert.equal(volumes.endLine, 6);
    assert.match(volumes.body, /## hostPath[\s\S]*scratch/);
    assert.equal(section(text, 'hostPath').coversSubsections, false);
  });

  test('an empty heading with no subsections is marked empty', () => {
    const s = parse('### Ingress\n\n\n### Next\nx\n');
    assert.equal(s[0].empty, true);
    assert.equal(s[1].empty, false);
  });

  test('a body of blanks and HTML comments only is empty; any text besides them is not', () => {
    const bodies: Array<[string, boolean]> = [
      ['<!-- keys: k8s:kind/Pod -->', true],
      ['<!-- one -->\n\n  <!-- two\nlines -->  ', true],
      ['<!-- a --> text', false],
      ['text <!-- a -->', false],
      ['<!-- unclosed\ncomment', false],
      ['<!-- a -->\n<!-- b', false],
      ['  \n\t', true],
    ];
    for (const [body, empty] of bodies) assert.equal(parse(`## H\n${body}\n## Next\nx\n`)[0].empty, empty, JSON.stringify(body));
  });

  test('YAML front matter is skipped and its keys tag every section', () => {
    const text = '---\ntitle: k8s\nkeys: k8s:kind/Pod, k8s:topic/labels\n---\n# Pod\nshared network\n# Labels\nkey rules\n';
    const s = parse(text);
    assert.deepEqual(
      s.map((x) => x.headingPath[0]),
      ['Pod', 'Labels'],
    );
    assert.deepEqual(s[0].fileTags, ['k8s:kind/Pod', 'k8s:topic/labels']);
    assert.deepEqual(s[1].fileTags, ['k8s:kind/Pod', 'k8s:topic/labels']);
    assert.equal(s[0].startLine, 4);
  });

  test('front matter keys as a block list; a --- first line that is no front matter is a separator', () => {
    assert.deepEqual(parse('---\nkeys:\n  - docker:flag/COPY --from\n  - docker:instruction/COPY\n---\n# COPY\nx\n')[0].fileTags, [
      'docker:flag/COPY --from',
      'docker:instruction/COPY',
    ]);
    assert.deepEqual(paths('---\n# Title\n\ntext\n\n---\nmore\n'), ['Title']);
  });

  test('<!-- keys: --> tags belong to their section; --flags join the key before them; tags in code do not count', () => {
    const text = '# COPY\n<!-- keys: docker:instruction/COPY docker:flag/COPY --from -->\ncopies\n# Code\n```\n<!-- keys: k8s:kind/Pod -->\n```\n';
    const s = parse(text);
    assert.deepEqual(s[0].tags, ['docker:instruction/COPY', 'docker:flag/COPY --from']);
    assert.deepEqual(s[1].tags, []);
  });

  test('multi-line tag comments', () => {
    assert.deepEqual(parse('# Pod\n<!--\nkeys: k8s:kind/Pod\n  k8s:topic/networking\n-->\nx\n')[0].tags, ['k8s:kind/Pod', 'k8s:topic/networking']);
  });
});

describe('sectioning: bad input', () => {
  test('empty, blank, binary-ish, CRLF and huge input never throw', () => {
    assert.deepEqual(parse(''), []);
    assert.deepEqual(parse('\n\n  \n'), []);
    assert.ok(Array.isArray(parse('\u0000\u0001# x\uFFFD\n')));
    assert.deepEqual(paths('# A\r\nbody\r\n## B\r\nx\r\n'), ['A', 'A › B']);
    const big = Array.from({ length: 20000 }, (_, i) => (i % 50 === 0 ? `## H${i}` : 'line of text with hostPath and 中文')).join('\n');
    assert.equal(parse(big).length, 400);
  });

  test('deep nesting and pathological fences stay linear', () => {
    const deep = Array.from({ length: 5000 }, (_, i) => `${'#'.repeat((i % 6) + 1)} h${i}\nx`).join('\n');
    assert.equal(parse(deep).length, 5000);
    const fences = '```\n'.repeat(10000);
    assert.ok(parse(fences).length <= 1);
    assert.ok(Array.isArray(parse(`${'> '.repeat(5000)}# quoted\n${'- '.repeat(5000)}x\n`)));
  });
});

describe('sectioning: prose', () => {
  /** Each section's prose from the file's own parse, and `proseOf` its body parsed alone. */
  const both = (text: string) => {
    const { sections, prose } = parseNotes({ uri: 'file:///n/k8s.md', text, origin: 'user' });
    return { prose, alone: sections.map((s) => (s.coversSubsections ? '' : proseOf(s.body))) };
  };

  test("a section's prose, told from its code by the file's parse, is its body's prose parsed alone", () => {
    const texts = [
      '# Shell\ntext `inline`\n```shell\n# kubectl get pods\n```\nafter\n<!-- keys: k8s:kind/Pod -->\n## Next\nmore\n',
      '# H\n\n    indented code\n\ntext\n    lazy line\n- item\n\n      code in the item\n# H2\n    code right after a heading\n',
      '# H\n---\n    code after a separator\n***\nprose\n~~~\nfenced\n~~~\n',
      '---\nkeys: k8s:kind/Pod\n---\n    preamble code\npreamble prose\n# H\nx\n',
      '# H\n> quote\n>     quoted code\n\t\ttabbed code\n# Unclosed\n```\n# not a heading\n',
      '# CRLF\r\n```\r\ncode\r\n```\r\nprose\r\n',
      '# Code at both ends\n```\ncode\n```\nprose one\n<!-- c -->\nprose two\n~~~\nlast\n~~~\n# Middle\ntext\n```\ncode\n```\nmore text\n# Only code\n```\nx\n```\n',
    ];
    for (const text of texts) {
      const { prose, alone } = both(text);
      assert.deepEqual(prose, alone, JSON.stringify(text));
    }
    assert.deepEqual(both(texts[0]).prose[0], 'text `inline`\nafter\n ');
    assert.deepEqual(both(texts[6]).prose, ['prose one\n \nprose two', 'text\nmore text', '']);
  });

  test('a body after a dropped line that is no separator (a paragraph "-*-") is parsed alone', () => {
    // In the file "-*-" is a paragraph that the indented line continues; the body starts after it, where that line is code.
    const { prose, alone } = both('# H\n-*-\n    code or not\nprose\n');
    assert.deepEqual(prose, alone);
    assert.equal(prose[0], 'prose');
  });
});

describe('sectioning: excerpts', () => {
  test('a body the separator check passes over has no separator the parser finds', () => {
    const indents = ['', ' ', '   ', '    ', '\t', '> ', '- ', '1. ', ' \t'];
    const marks = ['---', '***', '___', '- - -', '* * *', '_ _ _', '-', '--', '==', '-\t-\t-', '---  ', '--- x', '***\t', '-_-', '- -', '+++'];
    const before = ['', 'para\n', '# H\n', '\n', 'a\nb\n', '```\n', '| a | b |\n'];
    let separated = 0;
    for (const indent of indents)
      for (const mark of marks)
        for (const lead of before) {
          const body = `${lead}${indent}${mark}\nafter`;
          if (readMarkdown(body).separators.length === 0) continue;
          separated++;
          assert.ok(maySeparate(body), JSON.stringify(body));
        }
    assert.ok(separated > 100);
    assert.equal(maySeparate('text\n- item\n* star\n_emphasis_\n== not a break'), false);
  });

  test('a body without separators is its own excerpt; with one, the part that matches', () => {
    const [plain] = parse('# H\nhostPath here\n- a list\n');
    assert.equal(excerpt(plain, /hostPath/g), plain);
    const [parts] = parse('# H\nfirst\n\n - - -\nhostPath here\n');
    assert.equal(excerpt(parts, /hostPath/g).body, 'hostPath here');
  });
});
