import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { codeBlock, codeSpan, sanitizeMarkdown } from '../../../server/src/common';
import { liveProblems } from '../../support/markdownSafety';

/** Sanitised, then checked the way a hover test checks it: rendered with HTML on and every scheme allowed. */
function safe(text: string, options?: Parameters<typeof sanitizeMarkdown>[1]): string {
  const out = sanitizeMarkdown(text, options);
  assert.deepEqual(liveProblems(out), [], `still live in:\n${out}`);
  return out;
}

describe('markdown sanitiser', () => {
  test('safe Markdown comes back byte for byte', () => {
    const text =
      '# Title\n\n- a `<b>` code span\n- [docs](https://kubernetes.io "title") and ![x](https://x/y.png)\n\n```yaml\n<script>\n```\n\n    <indented>\n\n| a | b |\n| --- | --- |\n| `x` | y |\n\n[ok]: https://example.com\n';
    assert.equal(safe(text), text);
  });

  test('raw HTML is escaped, inline and as a block; comments go', () => {
    assert.equal(safe('a <img src=x onerror=alert(1)> b'), 'a \\<img src=x onerror=alert(1)> b');
    assert.equal(safe('<details open ontoggle=alert(5)>x</details>'), '\\<details open ontoggle=alert(5)>x\\</details>');
    assert.equal(safe('<script>\nalert(1)\n</script>'), '\\<script>\nalert(1)\n\\</script>');
    assert.equal(safe('<!-- keys: k8s:kind/Pod -->\nbefore <!-- hidden --> after'), 'before  after');
  });

  test('unsafe links and images keep their text, whatever the spelling', () => {
    for (const [input, expected] of [
      ['[run](command:workbench.action.terminal.new)', 'run'],
      ['[RUN](  COMMAND:x)', 'RUN'],
      ['[a [b] c](command:x)', 'a [b] c'],
      ['[a\\]b](command:x)', 'a\\]b'],
      ['[esc](command\\:x)', 'esc'],
      ['[ent](command&#58;x) [ent2](javascript&colon;alert(1))', 'ent ent2'],
      ['[first\nsecond](command:x)', 'first\nsecond'],
      ['[next](\ncommand:x)', 'next'],
      ['[d](data:text/html,x) [v](vscode:extension/x) [m](mailto:a@b)', 'd v m'],
      ['![img](javascript:alert(1))', 'img'],
      ['[t](<command:x> "title")', 't'],
    ]) {
      assert.equal(safe(input), expected, input);
    }
  });

  test('a dropped link that leaves a new link behind is read again', () => {
    assert.equal(safe('[[x](command:a)](command:b)'), 'x');
    assert.equal(safe('[x](command:a)<img src=y>'), 'x\\<img src=y>');
  });

  test('autolinks with unsafe schemes become text', () => {
    assert.equal(safe('<command:workbench.action.terminal.new> <https://ok.example>'), '\\<command:workbench.action.terminal.new> <https://ok.example>');
  });

  test('reference definitions with unsafe targets go, also split over lines or inside lists', () => {
    assert.equal(safe('[r2] and [r3]\n\n[r2]:\n  command:x\n- [r3]: javascript:alert(6)\n'), 'r2 and r3\n\n- \n');
    assert.equal(safe('[ok]\n\n[ok]: https://example.com\n[ok]: command:x\n'), '[ok]\n\n[ok]: https://example.com\n');
    assert.equal(safe('- a\n\n  [x]: command:y\n\n  [x]\n'), '- a\n\n\n  x\n');
  });

  test('escaped backticks do not make a code span that hides HTML', () => {
    assert.equal(safe('\\`<img src=x onerror=alert(2)>\\`'), '\\`\\<img src=x onerror=alert(2)>\\`');
  });

  test('a fence in a list ends with its item: what follows is read and escaped', () => {
    assert.equal(safe('- fenced in a list\n  ```\n<img src=x onerror=alert(4)>'), '- fenced in a list\n  ```\n\\<img src=x onerror=alert(4)>');
  });

  test('indented HTML in a list item, headings, quotes and table cells', () => {
    assert.equal(safe('- item\n\n    <img src=x>'), '- item\n\n    \\<img src=x>');
    assert.equal(safe('## T <b> [x](command:y) ##'), '## T \\<b> x ##');
    assert.equal(safe('> q [a](javascript:1)\n> more <x>'), '> q a\n> more \\<x>');
    assert.equal(safe('| a | b |\n| --- | --- |\n| x <i> | [k](command:x) |'), '| a | b |\n| --- | --- |\n| x \\<i> | k |');
  });

  test('a top-level fence left open is closed, so it cannot swallow what follows', () => {
    assert.equal(safe('text\n```\ncode'), 'text\n```\ncode\n```');
  });

  test('file links stay only where the caller allows them', () => {
    const allowFile = (uri: string) => uri.startsWith('file:///notes/');
    assert.equal(safe('[a](file:///notes/k8s.md#L3) [b](file:///etc/passwd)', { allowFile }), '[a](file:///notes/k8s.md#L3) b');
    assert.equal(safe('[a](file:///notes/k8s.md)'), 'a');
    assert.equal(safe('[top](#top) [rel](../secret.md)'), '[top](#top) rel');
  });

  test('random mixes of the tricky pieces never leave anything live (seeded)', () => {
    const pieces = ['[', '](', ')', 'command:x', 'javascript:a', '\\', '`', '``', '<', '>', 'img src=x', '!', '\n', '\n\n', '- ', '> ', '    ', '```', '~~~'];
    pieces.push('| a |', '|---|', '[r]', '[r]: ', '<!--', '-->', '&#58;', '&colon;', ' ', 'a', '<b>', '</b>', '"t"', '<command:x>', '*', '#  ', '\t', '1. ');
    let seed = 14;
    const next = (below: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % below;
    };
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: 1 + next(40) }, () => pieces[next(pieces.length)]).join('');
      const out = sanitizeMarkdown(text);
      assert.deepEqual(liveProblems(out), [], JSON.stringify(text));
    }
  });

  test('a place that cannot be found in the source (a cell with an escaped pipe) shows the text as code', () => {
    const text = '| a |\n| --- |\n| x \\| <b> |';
    assert.equal(safe(text), codeBlock(text));
  });

  test('CR line ends and NUL are read as the parser reads them', () => {
    assert.equal(safe('a <b>\r\nc\rd\0'), 'a \\<b>\nc\nd\uFFFD');
  });
});

describe('code spans and blocks from workspace text', () => {
  test('fenced by one backtick more than the longest run, padded where a backtick touches the fence', () => {
    assert.equal(codeSpan('nginx:1.25'), '`nginx:1.25`');
    assert.equal(codeSpan('a`b'), '``a`b``');
    assert.equal(codeSpan('`x``'), '``` `x`` ```');
    assert.equal(codeSpan('two\n\nparagraphs'), '`two  paragraphs`');
    assert.deepEqual(liveProblems(`x ${codeSpan('` <img src=x onerror=alert(1)> [a](command:y) `')} y`), []);
  });

  test('a code block is not closed by a fence inside it', () => {
    assert.equal(codeBlock('a\n```\n<script>', 'helm'), '````helm\na\n```\n<script>\n````');
    assert.deepEqual(liveProblems(codeBlock('```\n<script>alert(1)</script>\n```')), []);
  });
});
