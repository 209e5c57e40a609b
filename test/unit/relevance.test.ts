import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { displayLines, displayWidth } from '../relevance/displayLines';
import { figures, runSuite } from '../relevance/measure';
import { bundledFiles, fileGroup, labelKey, LANGUAGES, loadCases, notesSets, SET_NAMES, sectionsOf } from '../relevance/suite';

// The relevance suite's data stays sound: every label names a section that exists, so labels
// cannot rot when notes change. Today's figures are not asserted: issue 11 improves them (the
// bench prints them: `npm run bench -- relevance`).

const cases = loadCases();
const sets = notesSets();

describe('relevance cases', () => {
  test('there are at least 80 cases, in every language', () => {
    assert.ok(cases.length >= 80, `${cases.length} cases`);
    for (const language of LANGUAGES)
      assert.ok(
        cases.some((c) => c.language === language),
        `no ${language} case`,
      );
  });

  test('each case says what it shows, names known sets and labels a best section', () => {
    for (const c of cases) {
      assert.ok(c.description, `${c.name}: no description`);
      assert.ok(c.sets.length > 0, `${c.name}: no notes set`);
      for (const set of c.sets) assert.ok(SET_NAMES.includes(set), `${c.name}: unknown notes set "${set}"`);
      assert.ok(
        c.labels.some((l) => l.grade === 'best'),
        `${c.name}: no section labelled best`,
      );
    }
  });

  test('every label names exactly one section of a notes file of its set, once per case', () => {
    // The seed notes are private and absent on CI: their labels are checked where they are present.
    const files = new Map([...sets.flatMap((s) => s.userFiles), ...bundledFiles()].map((f) => [f.id, f]));
    const groups = new Set([...files.keys()].map(fileGroup));
    const known = new Set(['seed', 'seed-style', 'terse', 'bundled/en', 'bundled/zh-cn']);
    const problems: string[] = [];
    for (const c of cases) {
      const seen = new Set<string>();
      for (const label of c.labels) {
        const id = labelKey(label.file, label.headingPath);
        if (seen.has(id)) problems.push(`${c.name}: labelled twice: ${id}`);
        seen.add(id);
        if (!known.has(fileGroup(label.file))) {
          problems.push(`${c.name}: no notes set holds ${label.file}`);
          continue;
        }
        if (!groups.has(fileGroup(label.file))) continue;
        const file = files.get(label.file);
        if (!file) {
          problems.push(`${c.name}: no notes file ${label.file}`);
          continue;
        }
        const matching = sectionsOf(file).filter((s) => labelKey(label.file, s.headingPath) === id);
        if (matching.length !== 1) problems.push(`${c.name}: ${matching.length} sections are ${id}`);
      }
    }
    assert.deepEqual(problems, []);
  });
});

describe('relevance runner', () => {
  test('measures every case over every notes set it names that is present', async () => {
    const run = await runSuite(cases, sets);
    const expected = sets.reduce((n, set) => n + cases.filter((c) => c.sets.includes(set.name)).length, 0);
    assert.equal(run.measurements.length, expected);
    for (const m of run.measurements) {
      assert.ok(m.shown.length <= 2, `${m.case} over ${m.set}: more sections than maxSections`);
      assert.equal(m.lines > 0, m.markdown !== '', `${m.case} over ${m.set}: a hover has a size, no hover none`);
    }
    const all = figures(run.measurements);
    assert.ok(all.top1Counted > 0 && all.top1OnTopic <= all.top1Counted);
    assert.ok(all.offTopicSections <= all.shownSections);
    assert.ok(all.medianLines <= all.p90Lines);
  });
});

describe('display lines', () => {
  test('prose wraps at 80 columns, CJK characters count double', () => {
    assert.equal(displayWidth('abc'), 3);
    assert.equal(displayWidth('镜像abc'), 7);
    assert.equal(displayLines('a'.repeat(80)), 1);
    assert.equal(displayLines('a'.repeat(81)), 2);
    assert.equal(displayLines('镜'.repeat(41)), 2);
  });

  test('soft line breaks join a paragraph; blank lines between blocks count once', () => {
    assert.equal(displayLines('one\ntwo'), 1);
    assert.equal(displayLines('one\n\n\n\ntwo'), 3);
    assert.equal(displayLines('- one\n- two'), 2);
    assert.equal(displayLines('#### Title\n\nbody'), 3);
  });

  test('code lines are never wrapped, fences are not shown, table rows and rules are a line each', () => {
    assert.equal(displayLines('```yaml\n' + 'x'.repeat(200) + '\ny: 1\n```'), 2);
    assert.equal(displayLines('| a | b |\n| --- | --- |\n| 1 | 2 |'), 2);
    assert.equal(displayLines('text\n\n---\n\nmore'), 5);
    assert.equal(displayLines('`**bold**` [link](http://example.com/very/long/target)'), 1);
  });
});
