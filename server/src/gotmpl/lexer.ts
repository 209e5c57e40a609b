import type { Action, FieldToken, ParseError, Token, TokenType } from './ast';

/**
 * Splits a template into actions (`{{ … }}`) and tokenizes each one. Linear in the text: every
 * character is looked at a bounded number of times, and searches for `*​/` and backticks are
 * memoised so that many unterminated comments cannot make it quadratic.
 */

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue']);

// By character code (NaN past the end is none of them): these run for every character of every
// action, and comparing one-character strings cost twice as much.
const isSpaceCode = (c: number) => c === 32 || c === 9 || c === 13 || c === 10;
const isIdentStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 0x7f;
const isIdentPart = (c: number) => isIdentStart(c) || (c >= 48 && c <= 57);
const isDigit = (c: number) => c >= 48 && c <= 57;
/** Where the run of identifier characters from `from` ends. */
function identEnd(text: string, from: number): number {
  let i = from;
  while (isIdentPart(text.charCodeAt(i))) i++;
  return i;
}

const NUMBER =
  /[+-]?(?:0[xX][0-9a-fA-F_]+(?:\.[0-9a-fA-F_]*)?(?:[pP][+-]?\d+)?|0[bB][01_]+|0[oO][0-7_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?)i?/y;

/** Memoised "next occurrence at or after `from`" for one needle, amortised linear over a scan. */
function finder(text: string, needle: string): (from: number) => number {
  let cachedFrom = -1;
  let cachedAt = -1;
  return (from) => {
    if (cachedFrom >= 0 && from >= cachedFrom && (cachedAt < 0 || cachedAt >= from)) return cachedAt;
    cachedFrom = from;
    cachedAt = text.indexOf(needle, from);
    return cachedAt;
  };
}

/** Where the line holding `from` ends (the text's end on the last line), memoised like `finder`. */
function lineEnds(text: string): (from: number) => number {
  const nextNewline = finder(text, '\n');
  return (from) => {
    const nl = nextNewline(from);
    return nl < 0 ? text.length : nl;
  };
}

/**
 * Memoised searches shared by one scan, so a long line or many unterminated actions stay linear;
 * and the field names met so far, so that a name read again is the string kept the first time
 * (a template reads `.Values` and a few dozen names over and over: its tree keeps each name once).
 */
interface Finders {
  commentEnd: (from: number) => number;
  backtick: (from: number) => number;
  lineEnd: (from: number) => number;
  names: Map<string, string>;
}

export interface Scan {
  actions: Action[];
  errors: ParseError[];
}

export function scan(text: string): Scan {
  const actions: Action[] = [];
  const errors: ParseError[] = [];
  const next = scanner(text);
  for (let action = next(0, errors); action; action = next(resumeAfter(action), errors)) actions.push(action);
  return { actions, errors };
}

/** Where the scan looks for the next action after `action`. */
export function resumeAfter(action: Action): number {
  return Math.max(action.end, action.start + 2);
}

/**
 * The scan one action at a time: the first action at or after `pos`, or undefined when none is
 * left; its errors go to `errors`. What it finds depends on the text from `pos` on only, which is
 * what lets a re-parse take the actions after an edit from the previous scan.
 */
export function scanner(text: string): (pos: number, errors: ParseError[]) => Action | undefined {
  const find: Finders = { commentEnd: finder(text, '*/'), backtick: finder(text, '`'), lineEnd: lineEnds(text), names: new Map() };
  return (pos, errors) => {
    if (pos >= text.length) return undefined;
    const open = text.indexOf('{{', pos);
    if (open < 0) return undefined;
    const trimLeft = text[open + 2] === '-' && isSpaceCode(text.charCodeAt(open + 3));
    const inner = open + (trimLeft ? 3 : 2);
    let probe = inner;
    while (isSpaceCode(text.charCodeAt(probe))) probe++;
    return text.startsWith('/*', probe) && (probe === inner || trimLeft)
      ? scanComment(text, open, trimLeft, probe, find, errors)
      : scanAction(text, open, trimLeft, inner, find, errors);
  };
}

function scanComment(text: string, open: number, trimLeft: boolean, commentStart: number, find: Finders, errors: ParseError[]): Action {
  const close = find.commentEnd(commentStart + 2);
  if (close < 0) {
    const end = find.lineEnd(open);
    errors.push({ code: 'unclosed-comment', start: open, end, message: 'This comment is never closed: end it with */}}.' });
    return { start: open, end, innerStart: commentStart, innerEnd: end, trimLeft, trimRight: false, closed: false, tokens: [], comment: true };
  }
  let after = close + 2;
  let trimRight = false;
  if (text[after] === ' ' && text[after + 1] === '-' && text.startsWith('}}', after + 2)) {
    trimRight = true;
    after += 2;
  }
  if (text.startsWith('}}', after)) {
    return { start: open, end: after + 2, innerStart: commentStart, innerEnd: close + 2, trimLeft, trimRight, closed: true, tokens: [], comment: true };
  }
  errors.push({
    code: 'unclosed-comment',
    start: open,
    end: close + 2,
    message: 'A comment must end right before the closing delimiter: write */}} (or */ -}}).',
  });
  return { start: open, end: close + 2, innerStart: commentStart, innerEnd: close + 2, trimLeft, trimRight: false, closed: false, tokens: [], comment: true };
}

function scanAction(text: string, open: number, trimLeft: boolean, inner: number, find: Finders, actionErrors: ParseError[]): Action {
  const tokens: Token[] = [];
  // Token errors are kept apart until we know how far a half-typed action reaches.
  const errors: ParseError[] = [];
  let pos = inner;
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (isSpaceCode(code)) {
      const spaceStart = pos;
      while (isSpaceCode(text.charCodeAt(pos))) pos++;
      if (text[pos] === '-' && text.startsWith('}}', pos + 1)) {
        actionErrors.push(...errors);
        return {
          start: open,
          end: pos + 3,
          innerStart: inner,
          innerEnd: spaceStart,
          trimLeft,
          trimRight: true,
          closed: true,
          tokens: fitted(tokens),
          comment: false,
        };
      }
      continue;
    }
    const c = text[pos];
    if (c === '}' && text[pos + 1] === '}') {
      actionErrors.push(...errors);
      return { start: open, end: pos + 2, innerStart: inner, innerEnd: pos, trimLeft, trimRight: false, closed: true, tokens: fitted(tokens), comment: false };
    }
    if (c === '{' && text[pos + 1] === '{') {
      // An empty action opened again and again (`{{{{{{…`) is one half-typed action, as Go's
      // lexer stops at the first: a line of 500,000 `{{` made as many actions and findings.
      if (tokens.length === 0) while (text[pos] === '{') pos++;
      break;
    }
    if (c === '"') {
      let i = pos + 1;
      // The value is sliced from the text in runs between escapes, not built a character at a time.
      let value = '';
      let run = i;
      let closed = false;
      while (i < text.length && text[i] !== '\n') {
        if (text[i] === '\\' && i + 1 < text.length) {
          value += text.slice(run, i) + unescape(text[i + 1]);
          i += 2;
          run = i;
          continue;
        }
        if (text[i] === '"') {
          value += text.slice(run, i);
          closed = true;
          i++;
          break;
        }
        i++;
      }
      if (!closed) value += text.slice(run, i);
      if (!closed) errors.push({ code: 'syntax', start: pos, end: i, message: 'This string is never closed: add the closing double quote.' });
      pos = push(tokens, text, 'string', pos, i, value);
      continue;
    }
    if (c === '`') {
      const close = find.backtick(pos + 1);
      if (close < 0) {
        const end = find.lineEnd(pos);
        errors.push({ code: 'syntax', start: pos, end, message: 'This raw string is never closed: add the closing backtick.' });
        pos = push(tokens, text, 'rawString', pos, end, text.slice(pos + 1, end));
      } else {
        pos = push(tokens, text, 'rawString', pos, close + 1, text.slice(pos + 1, close));
      }
      continue;
    }
    if (c === "'") {
      const m = /'(?:\\.[^'\n]*|[^'\\\n])'/y;
      m.lastIndex = pos;
      const hit = m.exec(text);
      if (hit) pos = push(tokens, text, 'char', pos, pos + hit[0].length);
      else {
        errors.push({ code: 'syntax', start: pos, end: pos + 1, message: "A character constant is written like 'a'; use double quotes for strings." });
        pos = push(tokens, text, 'invalid', pos, pos + 1);
      }
      continue;
    }
    if (c === '.' && !isDigit(text.charCodeAt(pos + 1))) {
      const i = identEnd(text, pos + 1);
      const last = tokens.length > 0 ? tokens[tokens.length - 1] : undefined;
      const adjacentToOperand = !!last && last.end === pos && (last.type === 'field' || last.type === 'variable' || last.type === 'rparen');
      if (i > pos + 1 || adjacentToOperand) {
        const read = text.slice(pos + 1, i);
        let name = find.names.get(read);
        if (name === undefined) find.names.set(read, (name = read));
        const field: FieldToken = { type: 'field', start: pos, end: i, value: name, name };
        tokens.push(field);
        pos = i;
      } else pos = push(tokens, text, 'dot', pos, pos + 1);
      continue;
    }
    if (c === '$') {
      pos = push(tokens, text, 'variable', pos, identEnd(text, pos + 1));
      continue;
    }
    if (isIdentStart(code)) {
      const i = identEnd(text, pos + 1);
      const word = text.slice(pos, i);
      pos = push(tokens, text, KEYWORDS.has(word) ? 'keyword' : word === 'true' || word === 'false' ? 'bool' : word === 'nil' ? 'nil' : 'identifier', pos, i);
      continue;
    }
    if (isDigit(code) || c === '+' || c === '-' || c === '.') {
      NUMBER.lastIndex = pos;
      const hit = NUMBER.exec(text);
      if (hit && hit[0].length > 0 && /[0-9]/.test(hit[0])) {
        pos = push(tokens, text, 'number', pos, pos + hit[0].length);
        continue;
      }
    }
    if (c === '(') pos = push(tokens, text, 'lparen', pos, pos + 1);
    else if (c === ')') pos = push(tokens, text, 'rparen', pos, pos + 1);
    else if (c === '|') pos = push(tokens, text, 'pipe', pos, pos + 1);
    else if (c === ',') pos = push(tokens, text, 'comma', pos, pos + 1);
    else if (c === ':' && text[pos + 1] === '=') pos = push(tokens, text, 'declare', pos, pos + 2);
    else if (c === '=') pos = push(tokens, text, 'assign', pos, pos + 1);
    else {
      errors.push({ code: 'syntax', start: pos, end: pos + 1, message: `Unexpected character "${c}" in an action.` });
      pos = push(tokens, text, 'invalid', pos, pos + 1);
    }
  }
  // No `}}` before the next `{{` or the end: the action is half-typed. It ends at the end of its
  // first line so that the rest of the file still parses as text.
  const stop = Math.min(pos, find.lineEnd(open));
  // Tokens end in order, so the ones past the line are the last ones.
  let kept = tokens.length;
  while (kept > 0 && tokens[kept - 1].end > stop) kept--;
  tokens.length = kept;
  for (const e of errors) if (e.start < stop) actionErrors.push(e);
  actionErrors.push({ code: 'unclosed-action', start: open, end: stop, message: 'This action is never closed: add }}.' });
  return { start: open, end: stop, innerStart: inner, innerEnd: stop, trimLeft, trimRight: false, closed: false, tokens: fitted(tokens), comment: false };
}

/**
 * Adds a token and returns its end, for `pos = push(…)`: a function of the scan's own (a closure
 * per action) would be one more allocation per action, and one that assigned `pos` itself would
 * keep `pos` in a context instead of a register.
 */
function push(tokens: Token[], text: string, type: TokenType, start: number, end: number, value = text.slice(start, end)): number {
  tokens.push({ type, start, end, value });
  return end;
}

/**
 * An array of exactly its length. An array filled by `push` keeps room for sixteen or more
 * elements, and the tree keeps every one of them for as long as the text is open: copied to its
 * size, a 1 MB template's tree is about a third smaller, and the garbage collector, which copies
 * what survives, has that much less to copy.
 */
export function fitted<T>(items: T[]): T[] {
  return items.length === 0 ? items : items.slice();
}

function unescape(c: string): string {
  switch (c) {
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case 'r':
      return '\r';
    default:
      return c;
  }
}
