import type { Heredoc, Instruction } from 'dockerfile-ast';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * A rough shell reading of a RUN command, enough for best-practice rules: simple commands split
 * at `&&`, `||`, `;`, `|` and newlines, with words as document offsets. Line continuations and
 * comment lines are blanked out (same length), so every offset is an offset into the document.
 * Heredoc bodies count as shell only when a shell runs them; other bodies (python, ...) are left out.
 */

export interface Word {
  /** The word with quotes removed. */
  text: string;
  start: number;
  end: number;
}

export interface Command {
  words: Word[];
  /** The operator after the command: `|`, `&&`, `||`, `;`, `\n` or '' at the end. */
  next: string;
}

/** What reading a script needs from the document: the model has these, before it is complete. */
interface ScriptSource {
  doc: TextDocument;
  text: string;
  /** The parser directive's escape character, `\\` or `` ` ``. */
  escape: string;
}

const SHELLS = /^(?:\/\S*\/)?(?:sh|bash|ash|dash|zsh)$/;

/** `text` with [from, to) replaced by spaces, line breaks kept. */
function blank(text: string, from: number, to: number): string {
  return text.slice(0, from) + text.slice(from, to).replace(/[^\n]/g, ' ') + text.slice(to);
}

/** Leading `--flag[=value]` words, with the whitespace and continuations around them. */
const LEADING_FLAGS = /^(?:(?:\s|\\\r?\n|`\r?\n)*--[^\s]+)*/;

/** How many characters of an instruction's raw arguments its leading flags take. */
export function leadingFlagsLength(raw: string): number {
  return LEADING_FLAGS.exec(raw)?.[0].length ?? 0;
}

/** The `--flag` words at the start of an instruction's raw arguments, e.g. `--mount=type=cache,target=/c`. */
export function leadingFlags(raw: string): string[] {
  return (LEADING_FLAGS.exec(raw)?.[0] ?? '').split(/\s+|\\\r?\n|`\r?\n/).filter((w) => w.startsWith('--'));
}

/** Offsets [start, end) of the part of a RUN after its flags, or null for exec (JSON) form. */
function scriptSpan(model: ScriptSource, instruction: Instruction): [number, number] | null {
  const doc = model.doc;
  const keywordEnd = doc.offsetAt(instruction.getInstructionRange().end);
  const end = doc.offsetAt(instruction.getRange().end);
  // Found by text: dockerfile-ast's getFlags() re-reads all arguments on each call.
  const start = keywordEnd + (LEADING_FLAGS.exec(model.text.slice(keywordEnd, end))?.[0].length ?? 0);
  const firstNonSpace = model.text.slice(start, end).search(/\S/);
  if (firstNonSpace >= 0 && model.text[start + firstNonSpace] === '[') return null;
  return [start, end];
}

/** The script text of a RUN with continuations, comments and non-shell heredoc bodies blanked. */
export function scriptOf(model: ScriptSource, instruction: Instruction): { text: string; offset: number } | null {
  const span = scriptSpan(model, instruction);
  if (!span) return null;
  const [start, end] = span;
  const source = model.text.slice(start, end);
  let text = joinContinuations(source, model.escape);
  if (source.includes('<<')) {
    const heredocs = (instruction as unknown as { getHeredocs?: () => Heredoc[] }).getHeredocs?.() ?? [];
    const firstWord = /^\s*(\S+)/.exec(source)?.[1] ?? '';
    const bodiesAreShell = firstWord.startsWith('<<') || SHELLS.test(firstWord);
    for (const h of heredocs) {
      const content = h.getContentRange();
      const delimiter = h.getDelimiterRange();
      if (content && !bodiesAreShell) text = blank(text, model.doc.offsetAt(content.start) - start, model.doc.offsetAt(content.end) - start);
      if (delimiter) text = blank(text, model.doc.offsetAt(delimiter.start) - start, model.doc.offsetAt(delimiter.end) - start);
    }
  }
  // Comment lines in shell heredoc bodies are comments to the shell too.
  if (text.includes('#')) text = text.replace(/^[ \t]*#.*$/gm, (line, at: number) => (at > 0 ? ' '.repeat(line.length) : line));
  return { text, offset: start };
}

/**
 * The lines of a continued instruction joined as the builder joins them: each continuation
 * (an escape character at the end of a line, not itself escaped) and its line break become spaces,
 * and comment and empty lines inside the instruction disappear (frontend/dockerfile/parser/
 * parser.go, Parse). Every replacement keeps the length. What follows the instruction's last line
 * (heredoc bodies) is kept as it is.
 */
function joinContinuations(source: string, escape: string): string {
  const e = escape === '`' ? '`' : '\\\\';
  const continuation = new RegExp(`(^|[^${e}])${e}[ \\t]*\\r?$`);
  const lines = source.split('\n');
  const joined: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const m = continuation.exec(line);
    if (i > 0 && /^[ \t]*(?:#.*)?\r?$/.test(line)) joined.push(' '.repeat(line.length));
    else if (m) joined.push(line.slice(0, m.index + m[1].length) + ' '.repeat(line.length - m.index - m[1].length));
    else return [...joined, lines.slice(i).join('\n')].join(' ');
  }
  return joined.join(' ');
}

/** Shell keywords that may open a command (`then apt-get install …`, `do …`, `! grep …`); they are not part of it. */
const OPENING_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{']);

/** Splits a script into simple commands. */
export function tokenize(text: string, offset: number): Command[] {
  const commands: Command[] = [];
  let words: Word[] = [];
  let word = '';
  let wordStart = -1;
  const endWord = (at: number) => {
    const opening = words.length === 0 && OPENING_KEYWORDS.has(word) && text[wordStart] !== '"' && text[wordStart] !== "'";
    if (wordStart >= 0 && !opening) words.push({ text: word, start: offset + wordStart, end: offset + at });
    word = '';
    wordStart = -1;
  };
  const endCommand = (op: string) => {
    if (words.length) commands.push({ words, next: op });
    words = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      if (wordStart < 0) wordStart = i;
      const close = text.indexOf(c, i + 1);
      const stop = close < 0 ? text.length : close;
      word += text.slice(i + 1, stop);
      i = stop;
      continue;
    }
    if (c === '#' && wordStart < 0) {
      endCommand('\n');
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord(i);
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '&&' || two === '||') {
      endWord(i);
      endCommand(two);
      i++;
      continue;
    }
    if (c === ';' || c === '|' || c === '\n' || c === '&') {
      endWord(i);
      endCommand(c);
      continue;
    }
    if (wordStart < 0) wordStart = i;
    word += c;
  }
  endWord(text.length);
  endCommand('');
  return commands;
}

/** The simple commands of a RUN (shell form), or [] for exec form. */
export function commandsOf(model: ScriptSource, instruction: Instruction): Command[] {
  const script = scriptOf(model, instruction);
  return script ? tokenize(script.text, script.offset) : [];
}

/** xargs options that take the next word as their value. */
const XARGS_VALUE_OPTIONS = /^-[IinLlPdEsa]$/;

/**
 * The program name of a command, skipping `sudo`, `env X=1`, leading assignments and `xargs` with
 * its options (`… | xargs -r apt-get install -y` runs apt-get).
 */
export function programOf(command: Command): { word: Word; index: number } | undefined {
  let i = 0;
  while (i < command.words.length) {
    const w = command.words[i].text;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w) || w === 'sudo' || w === 'env' || w === 'exec' || w === 'command' || w === 'time' || w === 'nohup') i++;
    else if (w === 'xargs') {
      i++;
      while (i < command.words.length && command.words[i].text.startsWith('-')) i += XARGS_VALUE_OPTIONS.test(command.words[i].text) ? 2 : 1;
    } else break;
  }
  return i < command.words.length ? { word: command.words[i], index: i } : undefined;
}

/** True when `command` runs `program` with `sub` as its first non-option argument (`apt-get install`). */
export function isSubcommand(command: Command, programs: readonly string[], sub: readonly string[]): boolean {
  const p = programOf(command);
  if (!p || !programs.includes(p.word.text)) return false;
  const rest = command.words
    .slice(p.index + 1)
    .map((w) => w.text)
    .filter((w) => !w.startsWith('-'));
  return rest.length > 0 && sub.includes(rest[0]);
}

/** Whether any word after the program matches. */
export function hasOption(command: Command, test: (word: string) => boolean): boolean {
  const p = programOf(command);
  return !!p && command.words.slice(p.index + 1).some((w) => test(w.text));
}
