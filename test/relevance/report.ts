/**
 * The relevance suite's full report (after `npm run build`):
 *
 *   npm run relevance [-- [--worst N] [--candidates] [case-name-filter]]
 *
 * prints the figures per language, per notes set and per both, the N worst cases (what shows vs
 * what should), and every shown section that has no label yet. `--candidates` lists, per case and
 * set, the sections the notes index ranks for its keys with their tiers and labels: the list to label new
 * cases from. The real seed notes take part when present (see `seedNotesFolder` in suite.ts).
 */
import { NotesIndex } from '../../server/src/notes';
import { breakdown, figures, type Figures, type Measurement, runSuite, worst } from './measure';
import { filesOf, labelKey, LANGUAGES, loadCases, notesSets, type RelevanceCase, type NotesSet } from './suite';

function percent(part: number, whole: number): string {
  return whole ? `${((100 * part) / whole).toFixed(1)}%` : '-';
}

function lines(value: number): string {
  return Number.isNaN(value) ? '-' : String(value);
}

function row(group: string, f: Figures): string {
  return [
    group.padEnd(34),
    String(f.hovers).padStart(6),
    `${percent(f.top1OnTopic, f.top1Counted)} of ${f.top1Counted}`.padStart(14),
    `${percent(f.offTopicSections, f.shownSections)} of ${f.shownSections}`.padStart(14),
    lines(f.medianLines).padStart(7),
    lines(f.p90Lines).padStart(5),
  ].join('  ');
}

function describe(m: Measurement): string {
  const shown = m.shown.length ? m.shown.map((s) => `    ${s.grade.padEnd(10)} ${labelKey(s.file, s.headingPath)}`).join('\n') : '    (no note)';
  const best = m.best.length ? m.best.map((b) => `    ${b}`).join('\n') : '    (no section labelled best in this set)';
  return `${m.case} over ${m.set}: ${m.lines} lines, keys ${m.keys.join(' ') || '(none)'}\n  shows:\n${shown}\n  should show (best):\n${best}`;
}

/** Per case and set: the sections ranked for its keys (up to 8) with their tiers and labels. */
function candidates(cases: readonly RelevanceCase[], sets: readonly NotesSet[], measurements: readonly Measurement[]): string {
  const out: string[] = [];
  for (const set of sets) {
    const index = new NotesIndex();
    for (const file of filesOf(set))
      index.setFile({ uri: file.id, text: file.text, origin: file.origin, ...(file.language ? { language: file.language } : {}) });
    const options = { includeBundled: true, language: set.language };
    for (const c of cases) {
      const m = measurements.find((x) => x.case === c.name && x.set === set.name);
      if (!m) continue;
      const labels = new Map(c.labels.map((l) => [labelKey(l.file, l.headingPath), l.grade]));
      out.push(`== ${c.name} over ${set.name}  shows: ${m.shown.map((s) => `[${s.grade}] ${labelKey(s.file, s.headingPath)}`).join(' | ') || '(no note)'}`);
      out.push(`  ${m.keys.join(' ')}`);
      for (const r of index.rank(m.keys, options).slice(0, 8)) {
        const id = labelKey(r.section.uri, r.section.headingPath);
        const tier = `tier ${r.tier}${r.otherDomain ? ', other domain' : ''}`;
        out.push(`    ${(labels.get(id) ?? '?').padEnd(10)} ${id}   (${tier}; ${r.reason}: ${r.matched})`);
      }
    }
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const worstAt = args.indexOf('--worst');
  const worstCount = worstAt >= 0 ? Number(args[worstAt + 1]) : 10;
  const filter = args.find((a, i) => !a.startsWith('--') && !(worstAt >= 0 && i === worstAt + 1));
  const cases = loadCases().filter((c) => !filter || c.name.includes(filter));
  const run = await runSuite(cases, notesSets());
  const print = (text: string) => process.stdout.write(`${text}\n`);

  if (args.includes('--candidates')) {
    print(candidates(cases, run.sets, run.measurements));
    return;
  }
  print(`${run.cases.length} cases, ${run.measurements.length} hovers over ${run.sets.map((s) => s.name).join(', ')}\n`);
  print(`${'group'.padEnd(34)}  hovers  top-1 on-topic  off-topic rate  median  p90`);
  for (const { group, figures: f } of breakdown(run)) print(row(group, f));
  print('');
  for (const language of LANGUAGES) {
    for (const set of run.sets) {
      const some = run.measurements.filter((m) => m.language === language && m.set === set.name);
      if (some.length) print(row(`${language} · ${set.name}`, figures(some)));
    }
  }
  print(`\n## The ${worstCount} worst cases (each over its worst notes set)\n`);
  for (const m of worst(run, worstCount)) print(describe(m) + '\n');
  const unlabelled = new Map<string, string[]>();
  for (const m of run.measurements) {
    for (const s of m.shown.filter((x) => x.grade === 'unlabelled')) {
      const list = unlabelled.get(m.case) ?? [];
      const key = labelKey(s.file, s.headingPath);
      if (!list.includes(key)) list.push(key);
      unlabelled.set(m.case, list);
    }
  }
  print(`## Shown sections without a label (${[...unlabelled.values()].reduce((n, l) => n + l.length, 0)})\n`);
  for (const [name, list] of unlabelled) print(`${name}\n${list.map((k) => `    ${k}`).join('\n')}`);
}

void main();
