import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { formatJson, formatText } from '../../../server/src/cli/formats';
import type { LintReport } from '../../../server/src/cli/lint';
import { formatSarif } from '../../../server/src/cli/sarif';
import type { RuleMeta } from '../../../server/src/common';
import { sarifValidator } from '../../support/sarif';

function diagnostic(line: number, character: number, length: number, severity: 1 | 2 | 3 | 4, code: string, message: string): Diagnostic {
  return { range: { start: { line, character }, end: { line, character: character + length } }, severity, code, source: 'container-notes', message };
}

const REPORT: LintReport = {
  files: [
    {
      path: 'Dockerfile',
      uri: 'file:///repo/Dockerfile',
      kind: 'dockerfile',
      diagnostics: [
        diagnostic(0, 5, 6, 2, 'dockerfile/latest-tag', 'Pin the image to a version tag or digest.'),
        diagnostic(3, 0, 3, 1, 'dockerfile/unknown-instruction', 'Use a known instruction.'),
      ],
    },
    { path: 'deploy/app.yaml', uri: 'file:///repo/deploy/app.yaml', kind: 'kubernetes', diagnostics: [] },
    {
      path: 'chart/templates/部署.yaml',
      uri: 'file:///repo/chart/templates/%E9%83%A8%E7%BD%B2.yaml',
      kind: 'helm-template',
      diagnostics: [diagnostic(9, 2, 4, 3, 'helm/undefined-value', 'Define `image.tag` in values.yaml.')],
    },
  ],
  skipped: [{ path: 'big/huge.yaml', reason: '10.0 MB is over the 5 MB limit' }],
  missing: ['test/corpus'],
  leftAlone: 1,
};

const RULES: RuleMeta[] = [
  { id: 'dockerfile/latest-tag', severity: 'warning', basis: 'practice', title: 'Image without a pinned tag', help: 'Pin base images so builds repeat.' },
  {
    id: 'dockerfile/unknown-instruction',
    severity: 'error',
    basis: 'refused:buildkit',
    title: 'Unknown instruction',
    help: 'Docker stops at an unknown instruction.',
  },
  { id: 'helm/undefined-value', severity: 'info', basis: 'inferred', title: 'Undefined value', help: '' },
];

describe('text format', () => {
  test('file:line:col severity rule message, grouped by file, then a summary and what was skipped', () => {
    assert.equal(
      formatText(REPORT, false),
      [
        'Dockerfile:1:6 warning dockerfile/latest-tag Pin the image to a version tag or digest.',
        'Dockerfile:4:1 error dockerfile/unknown-instruction Use a known instruction.',
        '',
        'chart/templates/部署.yaml:10:3 info helm/undefined-value Define `image.tag` in values.yaml.',
        '',
        '3 problems (1 error, 1 warning, 1 info) in 2 of 3 files checked (1 other file left alone).',
        '1 file skipped, 1 path not found:',
        '  not found: test/corpus',
        '  skipped big/huge.yaml: 10.0 MB is over the 5 MB limit',
        '',
      ].join('\n'),
    );
  });

  test('colour only when asked, with ANSI codes around location, severity and rule', () => {
    const coloured = formatText(REPORT, true);
    assert.match(coloured, /\u001b\[1mDockerfile:1:6\u001b\[0m \u001b\[33mwarning\u001b\[0m \u001b\[90mdockerfile\/latest-tag\u001b\[0m/);
    assert.match(coloured, /\u001b\[31merror\u001b\[0m/);
    assert.doesNotMatch(formatText(REPORT, false), /\u001b/);
  });

  test('a clean run says so', () => {
    assert.equal(formatText({ files: [REPORT.files[1]], skipped: [], missing: [], leftAlone: 0 }, false), 'No problems in 1 file checked.\n');
  });
});

describe('json format', () => {
  test('a summary, files with findings (1-based positions), skipped and missing paths', () => {
    assert.deepEqual(JSON.parse(formatJson(REPORT, '1.2.3')), {
      tool: { name: 'container-notes', version: '1.2.3' },
      summary: { errors: 1, warnings: 1, infos: 1, hints: 0, files: 3, leftAlone: 1, skipped: 1, missing: 1 },
      files: [
        {
          path: 'Dockerfile',
          kind: 'dockerfile',
          diagnostics: [
            {
              rule: 'dockerfile/latest-tag',
              severity: 'warning',
              message: 'Pin the image to a version tag or digest.',
              line: 1,
              column: 6,
              endLine: 1,
              endColumn: 12,
            },
            { rule: 'dockerfile/unknown-instruction', severity: 'error', message: 'Use a known instruction.', line: 4, column: 1, endLine: 4, endColumn: 4 },
          ],
        },
        {
          path: 'chart/templates/部署.yaml',
          kind: 'helm-template',
          diagnostics: [
            { rule: 'helm/undefined-value', severity: 'info', message: 'Define `image.tag` in values.yaml.', line: 10, column: 3, endLine: 10, endColumn: 7 },
          ],
        },
      ],
      skipped: [{ path: 'big/huge.yaml', reason: '10.0 MB is over the 5 MB limit' }],
      missing: ['test/corpus'],
    });
  });
});

describe('sarif format', () => {
  const sarif = JSON.parse(
    formatSarif({
      report: REPORT,
      rules: RULES,
      ruleNotes: new Map([['dockerfile/latest-tag', '## Pin tags — notes/docker.md\nWe pin with renovate.']]),
      cwd: '/repo',
      version: '0.1.0',
    }),
  );

  test('validates against the SARIF 2.1.0 schema', () => {
    const validate = sarifValidator();
    assert.equal(validate(sarif), true, JSON.stringify(validate.errors, null, 2));
  });

  test('the schema check really rejects a broken log', () => {
    const validate = sarifValidator();
    const broken = structuredClone(sarif);
    broken.runs[0].results[0].level = 'fatal';
    delete broken.runs[0].tool.driver.name;
    assert.equal(validate(broken), false);
  });

  test('rules carry title and help; a rule with a note has the note in its help markdown', () => {
    const [latest, unknown, undefinedValue] = sarif.runs[0].tool.driver.rules;
    assert.deepEqual(latest.help, {
      text: 'Pin base images so builds repeat.',
      markdown: 'Pin base images so builds repeat.\n\n---\n\n## Pin tags — notes/docker.md\nWe pin with renovate.',
    });
    assert.equal(latest.shortDescription.text, 'Image without a pinned tag');
    assert.deepEqual(unknown.help, { text: 'Docker stops at an unknown instruction.', markdown: 'Docker stops at an unknown instruction.' });
    assert.equal(unknown.defaultConfiguration.level, 'error');
    assert.equal(undefinedValue.help.text, 'Undefined value');
  });

  test('results point at their rule and at files relative to %SRCROOT%', () => {
    const results = sarif.runs[0].results;
    assert.deepEqual(
      results.map((r: any) => [r.ruleId, r.ruleIndex, r.level]),
      [
        ['dockerfile/latest-tag', 0, 'warning'],
        ['dockerfile/unknown-instruction', 1, 'error'],
        ['helm/undefined-value', 2, 'note'],
      ],
    );
    assert.deepEqual(results[2].locations[0].physicalLocation, {
      artifactLocation: { uri: 'chart/templates/%E9%83%A8%E7%BD%B2.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 10, startColumn: 3, endLine: 10, endColumn: 7 },
    });
    assert.deepEqual(sarif.runs[0].originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///repo/' } });
    assert.equal(sarif.runs[0].invocations[0].toolExecutionNotifications.length, 2);
  });
});
