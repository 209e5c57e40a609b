import * as fs from 'node:fs';
import { repoPath } from './paths';

/**
 * The inputs an adversarial run found slow: test/repro/slow-*.repro.json, copied from the run's
 * ../shared/repro/. Each names a generator and the size it was filed with, where the document
 * sits, and the requests that were slow. The regression tests open each once at that size; the
 * bench (bench/scenarios/scaling.mjs) times the generators at growing sizes to show the work stays
 * linear in the input.
 */
export interface SlowInput {
  /** The reproducer's name: `slow-<name>.repro.json`. */
  name: string;
  generator: string;
  /** The size the reproducer was filed with. */
  reportedN: number;
  /** Where the document sits in the workspace; a chart sits at `chart/`. */
  place: string;
  languageId: string;
  /** The requests the reproducer sent, with their positions. */
  requests: Array<{ method: string; position: { line: number; character: number } }>;
  text(n: number): string;
}

/** The generators the reproducers name: each builds a document of `n` repeats of one shape. */
const GENERATORS: Record<string, (n: number) => string> = {
  // `{{` n times on one line: every action is opened and none is closed.
  helmBraceFlood: (n) => '{{'.repeat(n),
  // One `.Values` chain of n segments on one line.
  helmLongValuesPath: (n) => `apiVersion: v1\nx: {{ .Values${Array.from({ length: n }, (_, i) => `.k${i % 10}`).join('')} }}\n`,
  // n `if` blocks nested in each other.
  helmIfNest: (n) => `${'{{ if .Values.a }}\n'.repeat(n)}x: 1\n${'{{ end }}\n'.repeat(n)}`,
  // Blocks opened and never closed: every one is reported missing its `end`.
  helmIfNestUnclosed: (n) => '{{- range .Values.items }}{{ with .b }}\n'.repeat(n),
  // Lines whose action is never closed, as while typing `{{ .Values.a` on every line.
  helmOpenActions: (n) => Array.from({ length: n }, (_, i) => `k${i}: {{ .Values.a\n`).join(''),
  // Named templates each including the next: a chain as deep as it is long.
  helmDefineChain: (n) => Array.from({ length: n }, (_, i) => `{{- define "d${i}" -}}{{ include "d${i + 1}" . }}{{- end -}}\n`).join(''),
  // One value piped through `quote` n times: each quote doubles the escapes of the last.
  helmQuotePipeline: (n) => `x: {{ .Values.a${' | quote'.repeat(n)} }}\n`,
  // A Compose service with n environment entries, a list the schema marks uniqueItems.
  composeManyEnvironment: (n) =>
    `services:\n  a:\n    image: nginx:1.25\n    environment:\n${Array.from({ length: n }, (_, i) => `      - K${i}=\${V${i}:-x}\n`).join('')}`,
  // A ConfigMap whose data repeats anchored values through aliases.
  yamlManyAnchors: (n) =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: anchors\ndata:\n${Array.from({ length: n }, (_, i) => `  a${i}: &v${i} value-${i}\n  b${i}: *v${i}\n`).join('')}`,
};

const REPRO_DIR = repoPath('test', 'repro');

export const SLOW_INPUTS: readonly SlowInput[] = fs
  .readdirSync(REPRO_DIR)
  .filter((file) => file.startsWith('slow-') && file.endsWith('.repro.json'))
  .sort()
  .map((file) => {
    const repro = JSON.parse(fs.readFileSync(`${REPRO_DIR}/${file}`, 'utf8'));
    const text = GENERATORS[repro.generator.gen];
    if (!text) throw new Error(`${file}: no generator ${repro.generator.gen} in test/support/slowInputs.ts`);
    return {
      name: file.slice('slow-'.length, -'.repro.json'.length),
      generator: repro.generator.gen,
      reportedN: repro.generator.n,
      place: repro.place,
      languageId: repro.languageId,
      requests: repro.requests,
      text,
    };
  });

/** The chart a template reproducer sits in. */
export const SLOW_INPUT_CHART = 'apiVersion: v2\nname: chart\nversion: 0.1.0\n';

/** The workspace files of a reproducer at size `n`: its document, and its chart's Chart.yaml if it is a template. */
export function slowInputFiles(input: SlowInput, n = input.reportedN): Map<string, string> {
  const files = new Map([[input.place, input.text(n)]]);
  if (input.place.startsWith('chart/')) files.set('chart/Chart.yaml', SLOW_INPUT_CHART);
  return files;
}

/**
 * Positions far into a reproducer's text, where a request reads everything before them: the last
 * letter or digit of its middle line and of its last line with one (the last name of a long
 * chain, the innermost of nested blocks, a value read on every line before).
 */
export function farPositions(text: string): Array<{ line: number; character: number }> {
  const lines = text.split('\n');
  let lastWithName = lines.length - 1;
  while (lastWithName > 0 && !/[A-Za-z0-9]/.test(lines[lastWithName])) lastWithName--;
  return [...new Set([Math.floor(lastWithName / 2), lastWithName])].map((line) => ({
    line,
    character: Math.max(0, lines[line].search(/[A-Za-z0-9][^A-Za-z0-9]*$/)),
  }));
}
