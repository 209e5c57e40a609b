import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as services from '../../../server/src/services';
import { createFixture } from '../../support/fixture';
import { seededRandom } from '../../support/random';

const CHART = 'apiVersion: v2\nname: chart\nversion: 0.1.0\n';

/**
 * helm/recursive-include against its definition, on random call graphs over two files: a call
 * that runs on every call of its define (not inside an if) is reported exactly when the define
 * it calls leads back, through such calls, to the define it sits in.
 */
test('recursive includes are the calls that lead back, on random graphs of defines over two files', async () => {
  const random = seededRandom(21);
  let reported = 0;
  for (let round = 0; round < 150; round++) {
    const count = 2 + Math.floor(random() * 6);
    // calls[a] = [callee, runs on every call][] for define `d<a>`, each on a line of its own.
    const calls = Array.from({ length: count }, () =>
      Array.from({ length: Math.floor(random() * 3) }, () => [Math.floor(random() * count), random() < 0.7] as const),
    );
    const fileOf = (define: number) => (define % 2 === 0 ? 'chart/templates/_a.tpl' : 'chart/templates/_b.tpl');
    const texts = new Map<string, string[]>([
      ['chart/templates/_a.tpl', []],
      ['chart/templates/_b.tpl', []],
    ]);
    const expected = new Map<string, number[]>([
      ['chart/templates/_a.tpl', []],
      ['chart/templates/_b.tpl', []],
    ]);
    const reaches = (from: number, to: number) => {
      const seen = new Set<number>();
      const work = [from];
      while (work.length) {
        const n = work.pop() as number;
        if (n === to) return true;
        if (seen.has(n)) continue;
        seen.add(n);
        for (const [callee, always] of calls[n]) if (always) work.push(callee);
      }
      return false;
    };
    calls.forEach((own, define) => {
      const lines = texts.get(fileOf(define)) as string[];
      lines.push(`{{- define "d${define}" -}}`);
      for (const [callee, always] of own) {
        if (always && reaches(callee, define)) expected.get(fileOf(define))?.push(lines.length);
        lines.push(always ? `{{ include "d${callee}" . }}` : `{{ if .Values.on }}{{ include "d${callee}" . }}{{ end }}`);
      }
      lines.push('{{- end -}}');
    });
    const fixture = createFixture(
      new Map([['chart/Chart.yaml', CHART], ...[...texts].map(([name, lines]) => [name, lines.join('\n') + '\n'] as [string, string])]),
    );
    for (const [name, lines] of expected) {
      const found = (await services.diagnose(fixture.ctx, fixture.open(name)))
        .filter((d) => d.code === 'helm/recursive-include')
        .map((d) => d.range.start.line);
      assert.deepEqual(found, lines, `${name} of ${JSON.stringify(calls)}`);
      reported += lines.length;
    }
  }
  assert.ok(reported > 50, `${reported} recursive calls`);
});
