import { FNV_OFFSET, FNV_PRIME } from '../common';
import { ALIAS_GROUPS, type AliasGroup, KUBERNETES_KINDS, TOPIC_TERMS } from './aliases';

/**
 * Hover keys → what to look for in notes: the tags that match the key, and the terms (own words
 * and aliases) to find in headings and bodies. Pure and cheap; the index caches results per key.
 */
export interface Term {
  text: string;
  /** Dockerfile instructions match only in capitals, so "add" or "from" in prose is no mention. */
  caseSensitive: boolean;
  /** From the alias table rather than the key itself; ranks lower. */
  alias: boolean;
  /** Matched in headings only: a word too common in prose to count as a mention ("include"). */
  headingOnly?: boolean;
  /**
   * For an alias: the other names of its group ("ClusterIP" for NodePort's "ServiceType"), and
   * for a kind-qualified field the other kinds ("Ingress" for a Deployment's `resources`). A
   * heading that names one of them (and not one of `kin`) is about that sibling, so the term does
   * not match it there.
   */
  siblings?: readonly string[];
  /** For a kind-qualified field: its own kind's names, which keep a heading that also names another kind ("Deployment vs StatefulSet"). */
  kin?: readonly string[];
}

export interface KeyQuery {
  /** Lower-cased tags that match the key: the key itself, then shorter path ends (most specific first). */
  tags: string[];
  terms: Term[];
}

export interface ParsedKey {
  namespace: string;
  kind: string;
  path: string;
}

/** `k8s:field/spec.volumes.hostPath` → { namespace: k8s, kind: field, path: spec.volumes.hostPath }. */
export function parseKey(key: string): ParsedKey {
  const colon = key.indexOf(':');
  const namespace = colon < 0 ? '' : key.slice(0, colon);
  const rest = key.slice(colon + 1);
  const slash = rest.indexOf('/');
  return slash < 0 ? { namespace, kind: rest, path: '' } : { namespace, kind: rest.slice(0, slash), path: rest.slice(slash + 1) };
}

/** Kinds whose paths are dotted and may be tagged by their end (`k8s:field/hostPath`). */
const DOTTED_KINDS = new Set(['k8s:field', 'k8s:value', 'helm:values', 'compose:field']);

/**
 * The most names a path end that tags a key may have: ranking tells longer ends apart up to it.
 * Without a bound, a generated `.Values` path of 30,000 names made as many tags, of 15,000 names
 * each on average, and its hover took a minute.
 */
export const MAX_TAG_SEGMENTS = 40;

/** The tags that match `key`: equal to it, or naming the end of its dotted path. */
export function matchingTags(key: string): string[] {
  const { namespace, kind, path } = parseKey(key);
  const tags = [key.toLowerCase()];
  const prefix = `${namespace}:${kind}/`;
  if (DOTTED_KINDS.has(`${namespace}:${kind}`)) {
    const segments = path.split('.');
    for (let i = Math.max(1, segments.length - MAX_TAG_SEGMENTS); i < segments.length; i++) {
      const end = segments.slice(i).join('.');
      if (end) tags.push((prefix + end).toLowerCase());
    }
  }
  return tags;
}

/** `HorizontalPodAutoscaler` → `Horizontal Pod Autoscaler`; `clusterIP` → `cluster IP`. */
export function camelWords(word: string): string {
  return word.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
}

function plural(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return word.slice(0, -1) + 'ies';
  if (/(s|x|sh|ch)$/i.test(word)) return word + 'es';
  return word + 's';
}

/**
 * A key's own words: the name itself, its camel-case words, and (for names of things, such as
 * kinds and values) their plurals. A field is written as it is, and the plural of a field name is
 * usually prose: "Everyday docker commands" is no note about a container's `command`.
 */
function ownVariants(name: string, plurals = true): string[] {
  const words = camelWords(name);
  const variants = [name, words];
  if (plurals && /[A-Za-z]$/.test(name) && !/s$/.test(name)) variants.push(plural(name), plural(words));
  return [...new Set(variants)];
}

/** The word a key names, by kind: the last path segment, the instruction, the value. */
function ownTerms(key: string, parsed: ParsedKey): Term[] {
  const topic = TOPIC_TERMS[key];
  if (topic) return topic.map((text) => ({ text, caseSensitive: false, alias: false }));
  const { namespace, kind, path } = parsed;
  const loose = (texts: readonly string[]): Term[] => [...new Set(texts)].filter(Boolean).map((text) => ({ text, caseSensitive: false, alias: false }));
  if (namespace === 'docker' && kind === 'instruction') {
    return [{ text: path.toUpperCase(), caseSensitive: true, alias: false }, ...loose([`${path} instruction`])];
  }
  if (namespace === 'docker' && kind === 'flag') {
    const flag = path.slice(path.indexOf(' ') + 1);
    return loose([path, flag]);
  }
  if (namespace === 'docker' && kind === 'directive') return loose([path, `${path} directive`]);
  if (namespace === 'k8s' && kind === 'value') {
    const value = path.slice(path.indexOf('=') + 1);
    return loose(ownVariants(value));
  }
  if (namespace === 'helm' && kind === 'builtin') {
    // `.Release.Name` also matches "Release.Name"; a bare object (`.Release`) keeps its dot so
    // the English word "release" is no mention of it.
    const bare = path.replace(/^\./, '');
    return loose(bare.includes('.') ? [bare] : [path]);
  }
  if (namespace === 'helm' && kind === 'function') {
    // In a body, a template function counts only where a template calls it.
    const calls = [`{{ ${path}`, `{{- ${path}`, `| ${path}`, `(${path}`];
    return [{ text: path, caseSensitive: false, alias: false, headingOnly: true }, ...loose([`${path} function`, ...calls])];
  }
  if (namespace === 'helm' && kind === 'keyword') {
    // A keyword is an everyday word ("with", "if", "range"): it counts only as a template writes it.
    // Headings name keywords by what they do, through the aliases ("flow control", "loops").
    return loose([`{{ ${path}`, `{{- ${path}`]);
  }
  if (namespace === 'helm' && kind === 'values') return loose(path ? [`.Values.${path}`, path] : ['.Values', 'values.yaml']);
  if (namespace === 'helm' && kind === 'file') return loose([path]);
  if (namespace === 'rule') return loose([`${kind}/${path}`, path]);
  const segments = path.split('.');
  const last = segments[segments.length - 1];
  if (namespace === 'k8s' && kind === 'field') {
    // Notes often quote a field with its parent (`spec.selector` in a pasted error message), which
    // names it more exactly than the bare word.
    return loose([...ownVariants(last, false), ...(segments.length > 1 ? [segments.slice(-2).join('.')] : [])]);
  }
  return loose(ownVariants(last || kind));
}

/** The alias-table word a key is known by (its own name, without dots or flags). */
function aliasName(parsed: ParsedKey): string {
  const { kind, path } = parsed;
  if (kind === 'value') return path.slice(path.indexOf('=') + 1);
  if (kind === 'builtin') return path.replace(/^\./, '').split('.')[0];
  if (kind === 'keyword') return path;
  if (kind === 'values' && !path) return 'Values';
  return path.split('.').pop() ?? path;
}

/**
 * The names of a group other than `name` that no alias of the group contains: "Chart" for
 * ".Release" (a ".Chart 内置对象" heading is about .Chart), but nothing for CMD, whose siblings
 * ENTRYPOINT, command and args are aliases of one shared topic.
 */
function siblingNames(group: AliasGroup, name: string): string[] {
  const aliases = group.aliases.map((a) => a.toLowerCase());
  return group.for.filter((other) => other !== name && !aliases.some((a) => a.includes(other.toLowerCase())));
}

/**
 * For `k8s:field/<Kind>.<path>`: the other kinds as headings name them ("Services", "Daemon Set"),
 * and the field's own kind's names.
 */
function kinds(parsed: ParsedKey): { others: string[]; own: string[] } {
  const kind = parsed.path.slice(0, parsed.path.indexOf('.'));
  if (parsed.namespace !== 'k8s' || parsed.kind !== 'field' || !/^[A-Z]/.test(kind)) return { others: [], own: [] };
  return { others: KUBERNETES_KINDS.filter((other) => other !== kind).flatMap((other) => ownVariants(other)), own: ownVariants(kind) };
}

/**
 * The longest term looked for: longer is no word or phrase of a note, only a generated key (a
 * `.Values` path of thousands of names), and looking for it costs as much as it is long.
 */
const MAX_TERM_LENGTH = 200;

/** Everything to look for when the cursor asks for `key`. */
export function queryFor(key: string): KeyQuery {
  const parsed = parseKey(key);
  const name = aliasName(parsed);
  const kind = kinds(parsed);
  // A kind-qualified field's own word in a heading about another kind is that kind's field: the
  // "Resources" of "Ingress Resources" is no container's `resources`.
  const fieldOf = kind.others.length ? { siblings: kind.others, kin: kind.own } : {};
  const own = ownTerms(key, parsed)
    .filter((t) => t.text.length <= MAX_TERM_LENGTH)
    .map((t) => ({ ...t, ...fieldOf }));
  const seen = new Set(own.map((t) => (t.caseSensitive ? t.text : t.text.toLowerCase())));
  const aliases: Term[] = [];
  for (const group of ALIAS_GROUPS) {
    if (!group.for.includes(name)) continue;
    const siblings = [...siblingNames(group, name), ...kind.others];
    for (const text of group.aliases) {
      const id = text.toLowerCase();
      if (seen.has(id)) continue;
      seen.add(id);
      aliases.push({ text, caseSensitive: false, alias: true, ...(siblings.length ? { siblings } : {}), ...(kind.own.length ? { kin: kind.own } : {}) });
    }
  }
  return { tags: matchingTags(key), terms: [...own, ...aliases] };
}

const WORD_CHAR = /[A-Za-z0-9_]/;

/**
 * A regex finding `term` on token boundaries where it starts or ends with a letter or digit: not
 * inside a longer word, nor a hyphenated one (`--from` is not in `--from-file`).
 */
export function termPattern(term: Term): RegExp {
  const escaped = term.text
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
  const tail = WORD_CHAR.test(term.text.trim().slice(-1)) ? '(?!-?[A-Za-z0-9_])' : '';
  // Not after a word: checked behind the term's first word instead of before it (the same test, as
  // that word has just matched), so the pattern starts with text the engine can look for quickly.
  const first = /^[A-Za-z0-9_]+/.exec(escaped)?.[0];
  const head = first ? `${first}(?<![A-Za-z0-9_]-?${first})` : '';
  return new RegExp(head + escaped.slice(first?.length ?? 0) + tail, term.caseSensitive ? 'g' : 'gi');
}

/**
 * The index's tokens: words (letters, digits, `_`, and hyphens between them: `--from-file` is one
 * word, not `--from`) lower-cased, and again with the `--` or `.` right before them (`--network`,
 * `.values`), so a flag or a dotted name is looked up by its rare marked form instead of a common
 * word. `visit` also gets the word as written.
 */
export function forEachToken(text: string, visit: (token: string, word: string) => void): void {
  const words = new Words(text);
  while (words.next()) {
    const word = text.slice(words.start, words.end);
    const lower = words.upper ? word.toLowerCase() : word;
    visit(lower, word);
    if (words.marked < words.start) visit(text.slice(words.marked, words.start) + lower, word);
  }
}

/**
 * The words of `forEachToken` as ranges of a text, one `next()` at a time, with whether each has
 * a capital and where its marked token starts; makes no strings, for the index, which numbers
 * tokens straight from the text.
 */
export class Words {
  /** The current word: `text.slice(start, end)`, and whether it has an ASCII capital. */
  start = 0;
  end = 0;
  upper = false;
  /** Where the current word's marked token starts: before a `--` or `.` right before it; else `start`. */
  marked = 0;
  /** `fnv1a` of the current word lower-cased (common/text.ts), taken while scanning it. */
  hash = 0;

  constructor(public text = '') {}

  /** Starts over on another text. */
  reset(text: string): this {
    this.text = text;
    this.start = this.end = 0;
    return this;
  }

  /** Moves to the next word; false when there is none. */
  next(): boolean {
    // A hand-written scan: this runs over every byte of every notes file.
    const text = this.text;
    const n = text.length;
    let i = this.end;
    while (i < n && !isWordCode(text.charCodeAt(i))) i++;
    if (i >= n) {
      this.start = this.end = n;
      return false;
    }
    const start = i;
    let upper = false;
    let hash = OFFSET;
    for (; i < n; i++) {
      let c = text.charCodeAt(i);
      if (c !== 45 || i + 1 >= n || !isWordCode(text.charCodeAt(i + 1))) {
        if (!isWordCode(c)) break;
        if (c >= 65 && c <= 90) {
          upper = true;
          c += 32;
        }
      }
      hash = Math.imul(hash ^ c, PRIME);
    }
    this.start = start;
    this.end = i;
    this.upper = upper;
    this.hash = hash;
    this.marked = markedStart(text, start);
    return true;
  }
}

/** Where a word's marked token starts: before a `--` or `.` right before the word, else the word's own start. */
function markedStart(text: string, start: number): number {
  if (start >= 2 && text.charCodeAt(start - 1) === 45 && text.charCodeAt(start - 2) === 45) return start - 2;
  if (start >= 1 && text.charCodeAt(start - 1) === 46) return start - 1;
  return start;
}

/** `CMD`, `EXPOSE`: two or more capitals or digits, starting with a capital. */
export function isCapitalWord(text: string, start: number, end: number): boolean {
  if (end - start < 2) return false;
  const first = text.charCodeAt(start);
  if (first < 65 || first > 90) return false;
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

/**
 * FNV-1a's constants as this module's own: the CommonJS that tsc emits (which the tests and the
 * bench load) reads an imported binding through a getter at every use, a call per character here.
 */
const OFFSET = FNV_OFFSET;
const PRIME = FNV_PRIME;

/** A-Z, a-z, 0-9 and `_`. */
function isWordCode(c: number): boolean {
  return c < 128 && WORD_CODES[c] === 1;
}

/** 1 for the codes of `isWordCode`: one load instead of four comparisons in the scan of every note. */
const WORD_CODES = Uint8Array.from({ length: 128 }, (_, c) => Number((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95));

/**
 * A pseudo-token the prose postings hold for every section whose prose has a template action
 * (`{{`): a term like `{{ with` is then looked for only there, not in every section that says "with".
 */
export const TEMPLATE_ACTION = '{{';

export function asciiTokens(text: string): string[] {
  const tokens: string[] = [];
  forEachToken(text, (token) => tokens.push(token));
  return tokens;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;

export function cjkChars(text: string): string[] {
  return text.match(CJK) ?? [];
}

/** Where `cjkChars(text)` are in `text`, in order, with no strings made. */
export function forEachCjkChar(text: string, visit: (at: number) => void): void {
  // The pattern finds them faster than a scan in script; it is global, so each test starts after the last.
  CJK.lastIndex = 0;
  while (CJK.test(text)) visit(CJK.lastIndex - 1);
}

/**
 * The split of tag lists: whitespace or commas, except that a `--flag` belongs to the key before
 * it (`docker:flag/COPY --from`).
 */
export function splitTags(text: string): string[] {
  const tags: string[] = [];
  if (!text) return tags;
  for (const raw of text.split(/[\s,]+/)) {
    const token = raw.replace(/^["'[]+|["'\]]+$/g, '');
    if (!token) continue;
    if (token.startsWith('--') && tags.length > 0 && !tags[tags.length - 1].includes(' ')) tags[tags.length - 1] += ' ' + token;
    else tags.push(token);
  }
  return tags;
}
