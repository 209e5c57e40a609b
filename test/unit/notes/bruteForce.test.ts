import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, test } from 'node:test';
import {
  type LookupOptions,
  type MatchReason,
  type NoteFile,
  type NoteSection,
  NotesIndex,
  parseSections,
  queryFor,
  type RankedSection,
} from '../../../server/src/notes';
import { excerpt } from '../../../server/src/notes/sections';
import { cjkChars, forEachToken, type Term, termPattern } from '../../../server/src/notes/terms';
import { documentedKeys } from '../../support/noteKeys';
import { bundledNotes } from '../../support/fixture';
import { repoPath } from '../../support/paths';

/**
 * The index ranks through postings lists, numbered candidates and per-file ranks. This test ranks
 * the same files by brute force — every section of every file tokenized and scanned for every
 * lookup, the scoring rules written out plainly — and expects identical results.
 */

type Options = Omit<LookupOptions, 'maxSections'>;
const SCORE = { tag: 1000, fileTag: 800, heading: 600, headingAlias: 450, body: 100, bodyAlias: 50, bodyDotted: 25 };

interface Scanned {
  file: NoteFile;
  sections: NoteSection[];
  headings: string[];
  headingTokens: Array<Set<string>>;
  headingChars: Array<Set<string>>;
  searchable: string[];
  bodyTokens: Array<Map<string, number>>;
  capitals: Array<Map<string, number>>;
  /** Indexes of the sections with content. */
  live: number[];
}

function counts(words: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const w of words) map.set(w, (map.get(w) ?? 0) + 1);
  return map;
}

function scan(file: NoteFile): Scanned {
  const sections = parseSections(file);
  const headings = sections.map((s) => (s.headingPath[s.headingPath.length - 1] ?? '').trim());
  const searchable = sections.map((s) => (s.coversSubsections ? '' : s.body).replace(/<!--[\s\S]*?-->/g, ' '));
  const tokensOf = (text: string) => {
    const tokens: string[] = [];
    const capitals: string[] = [];
    forEachToken(text, (token, word) => {
      tokens.push(token);
      if (token.length === word.length && /^[A-Z][A-Z0-9]+$/.test(word)) capitals.push(word);
    });
    return { tokens, capitals };
  };
  return {
    file,
    sections,
    headings,
    headingTokens: headings.map((h) => new Set(tokensOf(h).tokens)),
    headingChars: headings.map((h) => new Set(cjkChars(h))),
    searchable,
    bodyTokens: searchable.map((b) => counts(tokensOf(b).tokens)),
    capitals: searchable.map((b) => counts(tokensOf(b).capitals)),
    live: sections.flatMap((s, i) => (s.empty ? [] : [i])),
  };
}

function isPlain(term: Term): boolean {
  return term.caseSensitive ? /^[A-Z][A-Z0-9]+$/.test(term.text) : /^(--|\.)?[A-Za-z0-9_]+$/.test(term.text);
}

function tokensOfTerm(term: Term): string[] {
  if (isPlain(term)) return [term.caseSensitive ? term.text : term.text.toLowerCase()];
  const tokens: string[] = [];
  forEachToken(term.text, (token) => tokens.push(token));
  return tokens;
}

/** How often section `i` names a term: its capital word, or the least count of its tokens. */
function mentions(f: Scanned, i: number, term: Term): number {
  const tokens = tokensOfTerm(term);
  if (term.caseSensitive) return isPlain(term) ? (f.capitals[i].get(tokens[0]) ?? 0) : 0;
  if (tokens.length === 0) return 0;
  return Math.min(...tokens.map((t) => f.bodyTokens[i].get(t) ?? 0));
}

function bruteRank(files: readonly Scanned[], key: string, options: Options): RankedSection[] {
  const admitted = files.filter((f) => f.file.origin === 'user' || (options.includeBundled && (f.file.language ?? 'en') === options.language));
  const order = [...files].sort((a, b) =>
    a.file.origin === b.file.origin ? (a.file.uri < b.file.uri ? -1 : a.file.uri > b.file.uri ? 1 : 0) : a.file.origin === 'user' ? -1 : 1,
  );
  const ranks = new Map(order.map((f, i) => [f, i]));
  const rankOf = (f: Scanned) => ranks.get(f) as number;
  const query = queryFor(key);
  const best = new Map<NoteSection, RankedSection & { pattern?: RegExp }>();
  const strong = new Set<string>();
  const offer = (section: NoteSection, score: number, reason: MatchReason, matched: string, pattern?: RegExp) => {
    const current = best.get(section);
    if (current && score <= current.score) return;
    best.set(section, { section, score, reason, matched, pattern });
    if (score >= 400) strong.add(section.origin);
  };
  const live = (f: Scanned) => f.live;

  query.tags.forEach((tag, t) => {
    const specificity = t === 0 ? 50 : Math.min(40, tag.split('.').length);
    for (const f of admitted) {
      for (const i of live(f)) {
        for (const x of f.sections[i].tags) if (x.toLowerCase() === tag) offer(f.sections[i], SCORE.tag + specificity, 'tag', tag);
        for (const x of f.sections[i].fileTags) if (x.toLowerCase() === tag) offer(f.sections[i], SCORE.fileTag + specificity, 'file tag', tag);
      }
    }
  });

  const own = query.terms.filter((t) => !t.alias);
  for (const term of query.terms) {
    const weights = term.alias ? { coverage: 20, evidence: 80 } : { coverage: 50, evidence: 50 };
    const tokens = tokensOfTerm(term).map((t) => t.toLowerCase());
    const chars = cjkChars(term.text);
    const pattern = termPattern(term);
    for (const f of admitted) {
      for (const i of live(f)) {
        const candidate = tokens.length ? tokens.every((t) => f.headingTokens[i].has(t)) : chars.length > 0 && chars.every((c) => f.headingChars[i].has(c));
        if (!candidate) continue;
        // An alias does not match a heading that names another member of its group.
        if ((term.siblings ?? []).some((text) => termPattern({ text, caseSensitive: true, alias: true }).test(f.headings[i]))) continue;
        let length = term.text.length;
        if (!(isPlain(term) && !term.caseSensitive)) {
          pattern.lastIndex = 0;
          const m = pattern.exec(f.headings[i]);
          if (!m) continue;
          length = m[0].length;
        }
        const headingLength = Math.max(1, f.headings[i].replace(/[\s.:：。]+$/, '').length);
        const coverage = Math.round((weights.coverage * length) / headingLength);
        const evidence = Math.min(weights.evidence, 10 * own.reduce((sum, o) => sum + mentions(f, i, o), 0));
        const gathering = f.sections[i].coversSubsections ? 50 : 0;
        offer(
          f.sections[i],
          (term.alias ? SCORE.headingAlias : SCORE.heading) + coverage + evidence - gathering,
          term.alias ? 'heading alias' : 'heading',
          term.text,
        );
      }
    }
  }

  const weak = admitted.filter((f) => !strong.has(f.file.origin));
  for (const term of query.terms) {
    const tokens = tokensOfTerm(term);
    if (!tokens.length || term.headingOnly || cjkChars(term.text).length > 0) continue;
    const cap = term.alias ? 40 : 50;
    const hits: Array<{ f: Scanned; i: number; count: number }> = [];
    for (const f of weak) {
      for (const i of live(f)) {
        const count = isPlain(term)
          ? mentions(f, i, term)
          : tokens.every((t) => f.bodyTokens[i].has(t))
            ? (f.searchable[i].match(termPattern(term)) ?? []).length
            : 0;
        if (count > 0) hits.push({ f, i, count: Math.min(cap, count) });
      }
    }
    hits.sort((a, b) => b.count - a.count || rankOf(a.f) - rankOf(b.f) || a.i - b.i);
    for (const h of hits.slice(0, 50))
      offer(
        h.f.sections[h.i],
        (term.alias ? SCORE.bodyAlias : SCORE.body) + (/\w\.\w/.test(term.text) ? SCORE.bodyDotted : 0) + h.count,
        term.alias ? 'body alias' : 'body',
        term.text,
        termPattern(term),
      );
  }

  const fileOf = new Map(admitted.flatMap((f) => f.sections.map((s) => [s, f] as const)));
  return [...best.values()]
    .sort((a, b) => {
      const origin = (a.section.origin === 'user' ? 0 : 1) - (b.section.origin === 'user' ? 0 : 1);
      return (
        origin ||
        Math.min(2047, b.score) - Math.min(2047, a.score) ||
        rankOf(fileOf.get(a.section) as Scanned) - rankOf(fileOf.get(b.section) as Scanned) ||
        a.section.startLine - b.section.startLine
      );
    })
    .slice(0, 50)
    .map(({ section, score, reason, matched, pattern }) => ({
      section: pattern && (reason === 'body' || reason === 'body alias') ? excerpt(section, pattern) : section,
      score,
      reason,
      matched,
    }));
}

/** A deterministic corpus in the seed notes' style: hover terms and Chinese in headings and bodies, tags, fences, separators. */
function generatedNotes(count: number): NoteFile[] {
  let x = 42;
  const rnd = () => (x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const terms = [
    'Deployment',
    'Service',
    'hostPath',
    'subPath',
    'NodePort',
    'Secret',
    'ENTRYPOINT',
    'CMD',
    'EXPOSE',
    'COPY --from',
    'RUN --mount',
    '.Release.Name',
    '.Values',
    'helm install',
    'helm template',
    'include',
    'toYaml',
    'labels',
    'image',
    'layers',
    'network',
  ];
  const chinese = ['常见问题', '暴露端口', '镜像分层', '服务发现', '网络', '镜像', '存储', '密钥'];
  const common =
    'the a of to and in is for pod node image layer build port network volume mount path value chart template release label selector container secret'.split(
      ' ',
    );
  const word = () => {
    const r = rnd();
    return r < 0.6 ? pick(common) : r < 0.85 ? `\`${pick(terms)}\`` : r < 0.95 ? pick(terms) : pick(chinese);
  };
  return Array.from({ length: count }, (_, n) => {
    const parts = [`# ${pick(terms)} ${pick(chinese)} ${n}`, ''];
    for (let s = 0; s < 8; s++) {
      parts.push(`${'#'.repeat(2 + Math.floor(rnd() * 3))} ${rnd() < 0.5 ? pick(terms) : word()} ${rnd() < 0.4 ? pick(chinese) : word()}`);
      if (rnd() < 0.1) parts.push(`<!-- keys: k8s:field/${pick(['hostPath', 'volumeMounts.subPath', 'spec.containers.command'])} -->`);
      if (rnd() < 0.1) parts.push('## ', '');
      for (let p = 0; p < 2; p++) parts.push(Array.from({ length: 20 }, word).join(' '), '');
      if (rnd() < 0.4) parts.push('```shell', `# ${word()} comment`, `$ kubectl get ${word()}`, '```', '');
      if (rnd() < 0.3) parts.push('---', '', Array.from({ length: 10 }, word).join(' '), '');
    }
    return { uri: `file:///notes/topic-${n % 7}/note-${String(n).padStart(3, '0')}.md`, text: parts.join('\n'), origin: 'user' as const };
  });
}

describe('notes index equals a brute-force ranking', () => {
  const keys = [
    ...documentedKeys(fs.readFileSync(repoPath('docs', 'notes-keys.md'), 'utf8')),
    'rule:dockerfile/latest-tag',
    'helm:values/image.tag',
    'k8s:field/spec.template.spec.containers.image',
  ];
  const all: NoteFile[] = [...bundledNotes().map((n) => ({ ...n, origin: 'bundled' as const })), ...generatedNotes(120)];

  test('on the bundled notes and a generated corpus, set in shuffled order with files replaced', () => {
    // The index numbers files as they are set; ranking must follow URIs, not that order.
    const setOrder = [...all].sort((a, b) => (a.text.length % 7) - (b.text.length % 7) || (a.uri < b.uri ? 1 : -1));
    const index = new NotesIndex();
    for (const f of setOrder) index.setFile(f);
    const replaced = setOrder.filter((_, i) => i % 9 === 0);
    for (const f of replaced) {
      index.removeFile(f.uri);
      index.setFile({ ...f, text: f.text + '\n' });
    }
    const current = new Map(setOrder.map((f) => [f.uri, f]));
    for (const f of replaced) current.set(f.uri, { ...f, text: f.text + '\n' });
    const scanned = [...setOrder.filter((f) => !replaced.includes(f)), ...replaced].map((f) => scan(current.get(f.uri) as NoteFile));

    let compared = 0;
    for (const options of [
      { includeBundled: true, language: 'en' },
      { includeBundled: true, language: 'zh-cn' },
      { includeBundled: false, language: 'en' },
    ] as Options[]) {
      for (const key of keys) {
        assert.deepEqual(index.rank(key, options), bruteRank(scanned, key, options), `${key} ${JSON.stringify(options)}`);
        compared++;
      }
    }
    assert.ok(compared > 300);
  });
});
