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
  type Tier,
} from '../../../server/src/notes';
import { keyDomain, sectionDomain } from '../../../server/src/notes/domains';
import { proseOf } from '../../../server/src/notes/markdown';
import { excerpt } from '../../../server/src/notes/sections';
import { cjkChars, forEachToken, matchingTags, type Term, termPattern } from '../../../server/src/notes/terms';
import { documentedKeys } from '../../support/noteKeys';
import { bundledNotes } from '../../support/fixture';
import { repoPath } from '../../support/paths';

/**
 * The index ranks through postings lists, numbered candidates and per-file ranks. This test ranks
 * the same files by brute force — every section of every file tokenized and scanned for every
 * lookup, the tier policy of docs/notes.md written out plainly — and expects identical results.
 */

type Options = Omit<LookupOptions, 'maxSections'>;
const SCORE = { tag: 1000, fileTag: 800, heading: 600, headingAlias: 450, parent: 300, body: 100, bodyAlias: 50, bodyDotted: 25 };
/** Below this many sections found by tags, headings and parents, prose mentions are looked for. */
const ENOUGH = 8;

interface Scanned {
  file: NoteFile;
  sections: NoteSection[];
  headings: string[];
  headingTokens: Array<Set<string>>;
  headingChars: Array<Set<string>>;
  prose: string[];
  bodyTokens: Array<Map<string, number>>;
  capitals: Array<Map<string, number>>;
  domains: number[];
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
  const prose = sections.map((s) => (s.coversSubsections ? '' : proseOf(s.body)));
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
    prose,
    bodyTokens: prose.map((b) => counts(tokensOf(b).tokens)),
    capitals: prose.map((b) => counts(tokensOf(b).capitals)),
    domains: sections.map((s) => sectionDomain([...s.tags, ...s.fileTags], s.headingPath, file.uri)),
    live: sections.flatMap((s, i) => (s.empty ? [] : [i])),
  };
}

function isPlain(term: Term): boolean {
  return term.caseSensitive ? /^[A-Z][A-Z0-9]+$/.test(term.text) : /^(--|\.)?[A-Za-z0-9_]+(-[A-Za-z0-9_]+)*$/.test(term.text);
}

function tokensOfTerm(term: Term): string[] {
  if (isPlain(term)) return [term.caseSensitive ? term.text : term.text.toLowerCase()];
  const tokens: string[] = [];
  forEachToken(term.text, (token) => tokens.push(token));
  return tokens;
}

/** How often section `i`'s prose names a term: its capital word, or the least count of its tokens. */
function mentions(f: Scanned, i: number, term: Term): number {
  const tokens = tokensOfTerm(term);
  if (term.caseSensitive) return isPlain(term) ? (f.capitals[i].get(tokens[0]) ?? 0) : 0;
  if (tokens.length === 0) return 0;
  return Math.min(...tokens.map((t) => f.bodyTokens[i].get(t) ?? 0));
}

interface Match {
  section: NoteSection;
  file: Scanned;
  tier: Tier;
  fallback: boolean;
  score: number;
  reason: MatchReason;
  key: string;
  matched: string;
  otherDomain: boolean;
  pattern?: RegExp;
}

function bruteRank(files: readonly Scanned[], keys: readonly string[], options: Options): RankedSection[] {
  const admitted = files.filter((f) => f.file.origin === 'user' || (options.includeBundled && (f.file.language ?? 'en') === options.language));
  const user = admitted.filter((f) => f.file.origin === 'user');
  const order = [...files].sort((a, b) =>
    a.file.origin === b.file.origin ? (a.file.uri < b.file.uri ? -1 : a.file.uri > b.file.uri ? 1 : 0) : a.file.origin === 'user' ? -1 : 1,
  );
  const rankOf = (f: Scanned) => order.indexOf(f);

  // The first key and rule keys name the thing; a key matching one of their tags is the same thing; the rest are parents.
  const things: string[] = [];
  const parents: string[] = [];
  const seen = new Set<string>();
  keys.forEach((key, i) => {
    if (seen.has(key.toLowerCase())) return;
    if (i === 0 || key.startsWith('rule:')) {
      things.push(key);
      matchingTags(key).forEach((t) => seen.add(t));
    } else {
      parents.push(key);
      seen.add(key.toLowerCase());
    }
  });

  const best = new Map<NoteSection, Match>();
  const offer = (m: Match) => {
    const current = best.get(m.section);
    const better =
      !current ||
      (m.otherDomain !== current.otherDomain
        ? !m.otherDomain
        : m.tier !== current.tier
          ? m.tier < current.tier
          : m.fallback !== current.fallback
            ? !m.fallback
            : m.score > current.score);
    if (better) best.set(m.section, m);
  };
  const otherDomain = (key: string, f: Scanned, i: number) => {
    const k = keyDomain(key);
    return k !== 0 && f.domains[i] !== 0 && (k & f.domains[i]) === 0;
  };

  /** Tag and heading matches of a key, as (file, section, score, reason, matched). */
  const tagAndHeadingMatches = (key: string, tier: 1 | 2, visit: (f: Scanned, i: number, score: number, reason: MatchReason, matched: string) => void) => {
    const query = queryFor(key);
    if (tier === 1) {
      query.tags.forEach((tag, t) => {
        const specificity = t === 0 ? 50 : Math.min(40, tag.split('.').length);
        for (const f of admitted) {
          for (const i of f.live) {
            for (const x of f.sections[i].tags) if (x.toLowerCase() === tag) visit(f, i, SCORE.tag + specificity, 'tag', tag);
            for (const x of f.sections[i].fileTags) if (x.toLowerCase() === tag) visit(f, i, SCORE.fileTag + specificity, 'file tag', tag);
          }
        }
      });
      return;
    }
    const own = query.terms.filter((t) => !t.alias);
    for (const term of query.terms) {
      const weights = term.alias ? { coverage: 20, evidence: 80 } : { coverage: 50, evidence: 50 };
      const tokens = tokensOfTerm(term).map((t) => t.toLowerCase());
      const chars = cjkChars(term.text);
      const pattern = termPattern(term);
      const names = (texts: readonly string[] | undefined, heading: string) =>
        (texts ?? []).some((text) => termPattern({ text, caseSensitive: true, alias: true }).test(heading));
      // Headings of the user's notes only: bundled sections match by their tags.
      for (const f of user) {
        for (const i of f.live) {
          const candidate = tokens.length ? tokens.every((t) => f.headingTokens[i].has(t)) : chars.length > 0 && chars.every((c) => f.headingChars[i].has(c));
          if (!candidate) continue;
          if (names(term.siblings, f.headings[i]) && !names(term.kin, f.headings[i])) continue;
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
          const base = term.alias ? SCORE.headingAlias : SCORE.heading;
          visit(f, i, base + coverage + evidence - gathering, term.alias ? 'heading alias' : 'heading', term.text);
        }
      }
    }
  };

  for (const key of things) {
    for (const tier of [1, 2] as const) {
      tagAndHeadingMatches(key, tier, (f, i, score, reason, matched) =>
        offer({ section: f.sections[i], file: f, tier, fallback: false, score, reason, key, matched, otherDomain: otherDomain(key, f, i) }),
      );
    }
  }
  const thingTerms = things.flatMap((key) => queryFor(key).terms.filter((t) => !t.alias));
  for (const key of parents) {
    for (const tier of [1, 2] as const) {
      tagAndHeadingMatches(key, tier, (f, i, score, _reason, matched) =>
        offer({
          section: f.sections[i],
          file: f,
          tier: 3,
          fallback: !thingTerms.some((t) => mentions(f, i, t) > 0),
          score: SCORE.parent + Math.round(score / 25),
          reason: tier === 1 ? 'parent tag' : 'parent heading',
          key,
          matched,
          otherDomain: otherDomain(key, f, i),
        }),
      );
    }
  }

  const strong = [...best.values()].filter((m) => !m.otherDomain && m.tier <= 3).length;
  if (strong < ENOUGH) {
    for (const key of things) {
      for (const term of queryFor(key).terms) {
        const tokens = tokensOfTerm(term);
        const chars = cjkChars(term.text);
        if (term.headingOnly || (!tokens.length && !chars.length)) continue;
        const cap = term.alias ? 40 : 50;
        const hits: Array<{ f: Scanned; i: number; count: number; otherDomain: boolean }> = [];
        for (const f of user) {
          for (const i of f.live) {
            const scanned = () => (f.prose[i].match(termPattern(term)) ?? []).length;
            const count = chars.length
              ? chars.every((c) => f.prose[i].includes(c))
                ? scanned()
                : 0
              : isPlain(term)
                ? mentions(f, i, term)
                : tokens.every((t) => f.bodyTokens[i].has(t))
                  ? scanned()
                  : 0;
            if (count > 0) hits.push({ f, i, count: Math.min(cap, count), otherDomain: otherDomain(key, f, i) });
          }
        }
        hits.sort((a, b) => Number(a.otherDomain) - Number(b.otherDomain) || b.count - a.count || rankOf(a.f) - rankOf(b.f) || a.i - b.i);
        for (const h of hits.slice(0, 50)) {
          offer({
            section: h.f.sections[h.i],
            file: h.f,
            tier: 4,
            fallback: false,
            score: (term.alias ? SCORE.bodyAlias : SCORE.body) + (/\w\.\w/.test(term.text) ? SCORE.bodyDotted : 0) + h.count,
            reason: term.alias ? 'body alias' : 'body',
            key,
            matched: term.text,
            otherDomain: h.otherDomain,
            pattern: termPattern(term),
          });
        }
      }
    }
  }

  return [...best.values()]
    .sort(
      (a, b) =>
        Number(a.otherDomain) - Number(b.otherDomain) ||
        a.tier - b.tier ||
        Number(a.fallback) - Number(b.fallback) ||
        (a.section.origin === 'user' ? 0 : 1) - (b.section.origin === 'user' ? 0 : 1) ||
        b.score - a.score ||
        rankOf(a.file) - rankOf(b.file) ||
        a.section.startLine - b.section.startLine,
    )
    .slice(0, 50)
    .map(({ section, tier, fallback, score, reason, key, matched, otherDomain, pattern }) => ({
      section: pattern && tier === 4 ? excerpt(section, pattern) : section,
      tier,
      fallback,
      score,
      reason,
      key,
      matched,
      otherDomain,
    }));
}

/**
 * A deterministic corpus in the seed notes' style: hover terms, domain words and Chinese in headings
 * and bodies, tags, fences, indented code, lists, separators and hyphenated flags.
 */
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
    '--from-file',
    'RUN --mount',
    '.Release.Name',
    '.Release',
    '.Values',
    'helm install',
    'helm template',
    'include',
    '{{ range',
    'toYaml',
    'upper',
    'labels',
    'image',
    'layers',
    'network',
    'resources',
    'env',
  ];
  const domains = ['Docker', 'Kubernetes', 'Helm', 'Dockerfile', 'k8s', '', '', ''];
  const chinese = ['常见问题', '暴露端口', '镜像分层', '服务发现', '网络', '镜像', '存储', '密钥', '循环', '变量'];
  const common =
    'the a of to and in is for pod node image layer build port network volume mount path value chart template release label selector container secret'.split(
      ' ',
    );
  const word = () => {
    const r = rnd();
    return r < 0.6 ? pick(common) : r < 0.85 ? `\`${pick(terms)}\`` : r < 0.95 ? pick(terms) : pick(chinese);
  };
  return Array.from({ length: count }, (_, n) => {
    const parts = [`# ${pick(domains)} ${pick(terms)} ${pick(chinese)} ${n}`, ''];
    for (let s = 0; s < 8; s++) {
      parts.push(`${'#'.repeat(2 + Math.floor(rnd() * 3))} ${rnd() < 0.5 ? pick(terms) : word()} ${rnd() < 0.4 ? pick(chinese) : word()} ${pick(domains)}`);
      if (rnd() < 0.1)
        parts.push(
          `<!-- keys: ${pick(['k8s:field/hostPath', 'k8s:field/volumeMounts.subPath', 'k8s:kind/Deployment', 'helm:builtin/.Release', 'docker:instruction/COPY'])} -->`,
        );
      if (rnd() < 0.1) parts.push('## ', '');
      for (let p = 0; p < 2; p++) parts.push(Array.from({ length: 20 }, word).join(' '), '');
      if (rnd() < 0.4) parts.push('```shell', `# ${word()} comment`, `$ kubectl get ${word()}`, '```', '');
      if (rnd() < 0.3) parts.push(`    ${word()} ${word()} indented`, '');
      if (rnd() < 0.3) parts.push(`- ${word()} ${word()}`, `    ${word()} continued`, '');
      if (rnd() < 0.3) parts.push('---', '', Array.from({ length: 10 }, word).join(' '), '');
    }
    return { uri: `file:///notes/topic-${n % 7}/note-${String(n).padStart(3, '0')}.md`, text: parts.join('\n'), origin: 'user' as const };
  });
}

describe('notes index equals a brute-force ranking', () => {
  const single = [
    ...documentedKeys(fs.readFileSync(repoPath('docs', 'notes-keys.md'), 'utf8')),
    'rule:dockerfile/latest-tag',
    'helm:values/image.tag',
    'k8s:field/spec.template.spec.containers.image',
  ].map((key) => [key]);
  // Key lists as hovers make them: the thing, the same thing less qualified, parents, rule keys.
  const lists = [
    [
      'k8s:field/Deployment.spec.template.spec.containers.resources.limits',
      'k8s:field/spec.template.spec.containers.resources.limits',
      'k8s:field/Deployment.spec.template.spec.containers.resources',
      'k8s:kind/Deployment',
    ],
    ['k8s:field/Deployment.spec.template.spec.containers.env', 'k8s:field/spec.template.spec.containers.env', 'k8s:kind/Deployment'],
    ['k8s:value/Service.spec.type=NodePort', 'k8s:field/Service.spec.type', 'k8s:field/spec.type', 'k8s:kind/Service'],
    ['helm:builtin/.Release.Name', 'helm:builtin/.Release'],
    ['helm:values/image.tag', 'helm:values', 'helm:file/values.yaml'],
    ['helm:function/upper', 'helm:functions/strings'],
    ['helm:keyword/range', 'helm:file/templates'],
    ['docker:flag/COPY --from', 'docker:instruction/COPY'],
    ['docker:instruction/CMD', 'docker:topic/container'],
    ['docker:topic/image', 'docker:topic/registry', 'docker:instruction/FROM', 'rule:dockerfile/latest-tag'],
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
    const tiers = new Set<string>();
    for (const options of [
      { includeBundled: true, language: 'en' },
      { includeBundled: true, language: 'zh-cn' },
      { includeBundled: false, language: 'en' },
    ] as Options[]) {
      for (const keys of [...single, ...lists]) {
        const ranked = index.rank(keys, options);
        assert.deepEqual(ranked, bruteRank(scanned, keys, options), `${keys.join(' ')} ${JSON.stringify(options)}`);
        for (const r of ranked) tiers.add(`${r.tier}${r.fallback ? ' fallback' : ''}${r.otherDomain ? ' other domain' : ''}`);
        compared++;
      }
    }
    assert.ok(compared > 300);
    // The corpus exercises every tier, the fallbacks and other domains.
    for (const tier of ['1', '2', '3', '3 fallback', '4', '2 other domain']) assert.ok(tiers.has(tier), tier);
  });
});

describe('notes index counts the words of each section apart', () => {
  // The index counts the headings (and the prose) of up to a few hundred sections in one scan of
  // their texts joined: a word, a hyphenated word or a marked one (`--from`, `.Values`) must not
  // run from one section's text into the next, and a word must be counted in its own section.
  const pieces = ['--', '-', '.', 'from', 'file', 'Values', 'CMD', 'EXPOSE', 'image', '镜像', ' ', ' ', '`'];
  let x = 7;
  const rnd = () => (x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const text = () => Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => pieces[Math.floor(rnd() * pieces.length)]).join('');
  const files: NoteFile[] = Array.from({ length: 6 }, (_, n) => {
    const parts: string[] = [];
    // More sections than a step of the index (200), some with nothing but a heading.
    for (let s = 0; s < 260; s++) parts.push(`## ${text()}`, '', ...(rnd() < 0.8 ? [text(), ''] : []));
    return { uri: `file:///edges/note-${n}.md`, text: parts.join('\n'), origin: 'user' as const };
  });
  const keys = [
    'docker:flag/COPY --from',
    'k8s:field/from-file',
    'helm:builtin/.Values',
    'docker:instruction/CMD',
    'docker:instruction/EXPOSE',
    'docker:topic/image',
  ];

  test('as a scan of each section alone finds them', () => {
    const index = new NotesIndex();
    for (const f of files) index.setFile(f);
    const scanned = files.map(scan);
    const options: Options = { includeBundled: false, language: 'en' };
    for (const key of keys) assert.deepEqual(index.rank([key], options), bruteRank(scanned, [key], options), key);
  });
});
