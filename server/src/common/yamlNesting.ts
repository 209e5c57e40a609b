/**
 * The `yaml` library composes nested collections recursively and reports a stack overflow as a
 * syntax error ("Maximum call stack size exceeded"). Where the stack runs out depends on how warm
 * the JIT is, so the same text once parsed and once did not (found by `npm run fuzz`: 1,100
 * nested `{` gave an edited document and a fresh open different diagnostics). Flow collections
 * nested deeper than this are cut before parsing, the same way every time; real files nest a few
 * levels, and a cold process overflows near 800.
 */
export const MAX_FLOW_NESTING = 256;

export interface NestingCut {
  /** The text with too-deep brackets and what they hold blanked (line ends kept, so offsets hold). */
  text: string;
  /** Where the first bracket past the limit opens. */
  at: number;
  message: string;
}

/**
 * Blanks what flow collections (`{`, `[`) hold past MAX_FLOW_NESTING levels, or returns undefined
 * when the text never nests that deep. Brackets in comments and quoted scalars do not count.
 */
export function cutDeepFlowNesting(text: string): NestingCut | undefined {
  // Most text never gets near the limit: found out without allocating.
  if (!deeperThanLimit(text)) return undefined;
  const chars = text.split('');
  let at = -1;
  scan(text, (i, depth) => {
    // Inside a too-deep collection, or a bracket that opens or closes one.
    if (depth > MAX_FLOW_NESTING) {
      if (chars[i] !== '\n') chars[i] = ' ';
      if (at < 0) at = i;
    }
  });
  return {
    text: chars.join(''),
    at,
    message: `Brackets are nested more than ${MAX_FLOW_NESTING} levels deep here; what they hold is not read. Flatten the structure.`,
  };
}

function deeperThanLimit(text: string): boolean {
  let brackets = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x7b || code === 0x5b) brackets++;
  }
  if (brackets <= MAX_FLOW_NESTING) return false;
  let deep = false;
  scan(text, (_i, depth) => {
    if (depth > MAX_FLOW_NESTING) deep = true;
  });
  return deep;
}

/**
 * Calls `visit` for every character with the flow nesting depth it sits at (for a bracket, the
 * depth of the collection it opens or closes). Brackets in `#` comments and quoted scalars do not
 * count; a quote starts a scalar only where one can start.
 */
function scan(text: string, visit: (i: number, depth: number) => void): void {
  let depth = 0;
  let quote: string | undefined;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      quote = undefined;
      comment = false;
    } else if (comment) {
      // Nothing in a comment counts.
    } else if (quote) {
      if (c === quote && !(quote === '"' && text[i - 1] === '\\')) quote = undefined;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      comment = true;
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(text[i - 1]))) {
      quote = c;
    } else if (c === '{' || c === '[') {
      visit(i, ++depth);
      continue;
    } else if (c === '}' || c === ']') {
      if (depth > 0) visit(i, depth--);
      continue;
    }
    visit(i, depth);
  }
}

/**
 * The `yaml` parser also recurses once per line of block-style text inside a flow collection left
 * open (`data: {` above 2,000 `key: value` lines), and that overflow it does not catch. Parsing
 * goes through here so such text gives `fallback()` (a syntax problem saying what to look for)
 * instead of an exception in every request on the file.
 */
export function unlessNestedTooDeep<T>(parse: () => T, fallback: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof RangeError) return fallback();
    throw error;
  }
}

export const NESTED_TOO_DEEP = 'This YAML nests too deeply to be read; look for a { or [ that is never closed.';

/**
 * A YAML document or node as plain data (objects, arrays, scalars), as its `toJS()` gives it
 * (called here with Maps kept as Maps), except that a key which is itself a collection is dropped
 * instead of stringified: `toJS()` stringifies such keys level by level, and 256 nested `{` took
 * seconds (found by `npm run fuzz` in a kustomization). No file we read has such keys on purpose.
 * Throws what `toJS()` throws (an alias past `maxAliasCount`).
 */
export function yamlData(toJS: (options: { maxAliasCount: number; mapAsMap: true }) => unknown, maxAliasCount: number): unknown {
  return plain(toJS({ maxAliasCount, mapAsMap: true }));
}

function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (!(value instanceof Map)) return value;
  const object: Record<string, unknown> = {};
  for (const [key, item] of value) if (key === null || typeof key !== 'object') object[String(key)] = plain(item);
  return object;
}
