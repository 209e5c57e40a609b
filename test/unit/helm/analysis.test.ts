import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionAt, parse, type Span } from '../../../server/src/gotmpl';
import { type Analysis, analyze, analyzeAt } from '../../../server/src/helm/analysis';
import { envAt, MAX_DEPTH } from '../../../server/src/helm/scope';
import { corpusTemplates } from '../../support/helmCorpus';
import { seededRandom } from '../../support/random';

/** An analysis as plain data: each usage with the scope of every segment (worked out when read). */
function plain(analysis: Analysis, within: Span) {
  const inside = (s: Span) => s.start >= within.start && s.end <= within.end;
  return {
    usages: analysis.usages.filter(inside).map((u) => ({
      start: u.start,
      end: u.end,
      scope: u.scope,
      guarded: u.guarded,
      inDefine: u.inDefine,
      segments: u.segments.map((s) => ({ segment: s.segment, scope: s.scope })),
    })),
    calls: analysis.calls.filter(inside),
    refs: analysis.refs.filter(inside),
  };
}

test('the analysis at an offset is the whole analysis of the action there', () => {
  const random = seededRandom(4);
  const texts = corpusTemplates();
  // Half-typed variants too: a block left open, an else in the wrong place, an action cut short.
  for (const text of corpusTemplates()) {
    for (let i = 0; i < 5; i++) {
      const at = Math.floor(random() * text.length);
      texts.push(text.slice(0, at) + ['{{ if .Values.x }}', '{{ end }}', '{{ else }}', '{{ $v := .Values.y ', '{{ with .Values.z }}'][i] + text.slice(at));
    }
  }
  let checked = 0;
  for (const text of texts) {
    const template = parse(text);
    const whole = analyze(template);
    // Read one segment at a time from an analysis whose segments were never all made.
    const unread = analyze(template).usages;
    const plainRef = (ref: { segment: Span; scope: unknown } | undefined) => ref && { segment: ref.segment, scope: ref.scope };
    for (const [i, usage] of whole.usages.entries()) {
      for (let length = 0; length <= usage.segments.length + 1; length++) {
        const reaching = usage.segments.find((s) => s.scope.kind === 'values' && s.scope.path.length === length);
        assert.deepEqual(
          plainRef(unread[i].valuesSegment(length)),
          plainRef(reaching),
          `valuesSegment(${length}) of ${JSON.stringify(text.slice(usage.start, usage.end))}`,
        );
      }
      for (let offset = usage.start; offset <= usage.end; offset++) {
        const under = usage.segments.find((s) => offset >= s.segment.start && offset <= s.segment.end);
        assert.deepEqual(plainRef(unread[i].segmentAt(offset)), plainRef(under), `segmentAt(${offset})`);
      }
    }
    for (const action of template.actions) {
      for (let offset = action.start; offset <= action.end; offset++) {
        const at = actionAt(template, offset);
        if (!at) continue;
        assert.deepEqual(plain(analyzeAt(template, offset), at), plain(whole, at), `offset ${offset} of ${JSON.stringify(text.slice(at.start, at.end))}`);
        checked++;
      }
    }
  }
  assert.ok(checked > 10_000, `${checked} offsets`);
});

test('nothing is analysed outside actions', () => {
  const template = parse('a: {{ .Values.a }}\nb: c\n');
  assert.deepEqual(analyzeAt(template, template.text.indexOf('b:')), { usages: [], calls: [], refs: [] });
});

test('the environment deeper than the analysis goes knows nothing of the dot', () => {
  // Inside `with`, `.Values` is a field of its value: the paths grow with the depth.
  const nested = (depth: number) => parse(`${'{{ with .Values.a }}'.repeat(depth)}{{ .b }}${'{{ end }}'.repeat(depth)}`);
  const within = nested(MAX_DEPTH);
  const inner = within.text.indexOf('.b');
  const dot = envAt(within, inner).dot;
  assert.equal(dot.kind === 'values' && dot.path.length, 2 * MAX_DEPTH - 1);
  assert.equal(analyzeAt(within, inner).usages.length, 1);
  // One block deeper, neither the environment nor the analysis reaches it.
  const deeper = nested(MAX_DEPTH + 1);
  assert.equal(envAt(deeper, deeper.text.indexOf('.b')).dot.kind, 'unknown');
  assert.deepEqual(analyzeAt(deeper, deeper.text.indexOf('.b')).usages, []);
});
