import MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;

/**
 * How tall a hover is: its size in **display lines**, what a reader scrolls through in VS Code's
 * hover box. Counted on the hover's Markdown as a CommonMark parser (markdown-it, HTML off, as in
 * VS Code hovers) reads it:
 *
 * - A paragraph or heading shows its visible text (soft line breaks are spaces, as Markdown renders
 *   them; backticks, `**` and link targets are not shown), wrapped at 80 columns: each line between
 *   hard breaks takes ceil(width / 80) lines, at least one. CJK and fullwidth characters are two
 *   columns wide.
 * - A fenced or indented code block takes one line per code line, never wrapped (the box scrolls
 *   sideways); its fence lines are not shown.
 * - A table takes one line per row, header included (the delimiter row is a border); a row's cells
 *   joined with " | " wrap like prose.
 * - A horizontal rule takes one line. (HTML is off, so tags show as text.)
 * - Blank lines count: one display line between two blocks the source separates with blank lines
 *   (Markdown collapses several blank lines into one gap). Lines of one block and the items of a
 *   tight list have no gap between them.
 */
const WRAP_COLUMNS = 80;

const markdown = new MarkdownIt();

/** East Asian wide and fullwidth ranges (Hangul, CJK, kana, fullwidth forms): two columns each. */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;

/** Columns a line of text takes on screen. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

/** Display lines of visible text: ceil(width / 80) per line, at least one. */
function wrapped(text: string): number {
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / WRAP_COLUMNS)), 0);
}

/** The text an inline token shows: markup and link targets dropped, soft breaks as spaces. */
function visibleText(inline: Token): string {
  return (inline.children ?? [])
    .map((child) => {
      switch (child.type) {
        case 'text':
        case 'code_inline':
          return child.content;
        case 'softbreak':
          return ' ';
        case 'hardbreak':
          return '\n';
        case 'image':
          return child.content;
        default:
          return '';
      }
    })
    .join('');
}

/** A block that takes display lines of its own, with the source lines it spans (end exclusive). */
interface Leaf {
  lines: number;
  from: number;
  to: number;
}

/** The leaf blocks of a parse, in order; table rows are summed into their table. */
function leaves(tokens: readonly Token[]): Leaf[] {
  const result: Leaf[] = [];
  let table: Leaf | undefined;
  let row: string[] | undefined;
  tokens.forEach((token, i) => {
    const [from, to] = token.map ?? [0, 0];
    switch (token.type) {
      case 'paragraph_open':
      case 'heading_open':
        result.push({ lines: wrapped(visibleText(tokens[i + 1])), from, to });
        break;
      case 'fence':
      case 'code_block':
        result.push({ lines: token.content.replace(/\n$/, '').split('\n').length, from, to });
        break;
      case 'hr':
        result.push({ lines: 1, from, to });
        break;
      case 'table_open':
        table = { lines: 0, from, to };
        result.push(table);
        break;
      case 'tr_open':
        row = [];
        break;
      case 'inline':
        if (row && tokens[i - 1]?.type.match(/^t[hd]_open$/)) row.push(visibleText(token));
        break;
      case 'tr_close':
        if (table && row) table.lines += wrapped(row.join(' | '));
        row = undefined;
        break;
      case 'table_close':
        table = undefined;
        break;
    }
  });
  return result;
}

/** The hover's size in display lines (see the definition above). */
export function displayLines(hoverMarkdown: string): number {
  const blocks = leaves(markdown.parse(hoverMarkdown, {}));
  let total = 0;
  blocks.forEach((block, i) => {
    const previous = blocks[i - 1];
    if (previous && block.from > previous.to) total++;
    total += block.lines;
  });
  return total;
}
