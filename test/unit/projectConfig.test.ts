import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultSettings, ignoredByConfig, layerSettings, parseProjectConfig } from '../../server/src/common';

const ROOT = 'file:///repo';

describe('project config parsing', () => {
  test('rules, ignores with reasons, notes paths and other settings', () => {
    const { config, problems } = parseProjectConfig(
      [
        'rules:',
        '  dockerfile/latest-tag: error',
        '  k8s/no-limits: off',
        'ignore:',
        '  - rule: dockerfile/latest-tag',
        '    paths: ["legacy/**"]',
        '    reason: legacy images are frozen',
        '  - rule: [k8s/a, k8s/b]',
        '    reason: generated',
        'notes:',
        '  paths: [docs/notes, /abs/notes, ~/notes]',
        'kubernetes:',
        '  version: "1.36"',
        'requireIgnoreReason: true',
      ].join('\n'),
      ROOT,
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(config.settings.rules, { 'dockerfile/latest-tag': 'error', 'k8s/no-limits': 'off' });
    assert.deepEqual(config.ignores, [
      { rule: 'dockerfile/latest-tag', paths: ['legacy/**'], reason: 'legacy images are frozen', root: ROOT },
      { rule: 'k8s/a', paths: [], reason: 'generated', root: ROOT },
      { rule: 'k8s/b', paths: [], reason: 'generated', root: ROOT },
    ]);
    assert.deepEqual(config.notesPaths, ['/repo/docs/notes', '/abs/notes', '~/notes']);
    assert.deepEqual(config.settings.kubernetes, { version: '1.36' });
    assert.equal(config.settings.requireIgnoreReason, true);
  });

  test('an empty file is an empty config', () => {
    for (const text of ['', '# nothing yet\n', '---\n']) {
      const { config, problems } = parseProjectConfig(text, ROOT);
      assert.deepEqual(problems, []);
      assert.deepEqual(config, { root: ROOT, settings: {}, notesPaths: [], ignores: [] });
    }
  });

  test('broken YAML gives a problem with its line and an empty config, never an exception', () => {
    const { config, problems } = parseProjectConfig('rules:\n  a: error\n b: [\n', ROOT);
    assert.deepEqual(config, { root: ROOT, settings: {}, notesPaths: [], ignores: [] });
    assert.equal(problems.length > 0, true);
    assert.match(problems[0].message, /the whole file was ignored/);
    assert.equal(typeof problems[0].line, 'number');
  });

  test('wrong shapes are reported and dropped; the rest still applies', () => {
    const { config, problems } = parseProjectConfig(
      [
        'rulez: {}',
        'rules:',
        '  dockerfile/latest-tag: loud',
        '  dockerfile/apt-no-y: false',
        'ignore:',
        '  - paths: [x]',
        '  - rule: dockerfile/x',
        '    paths: 3',
        '  - rule: dockerfile/y',
      ].join('\n'),
      ROOT,
    );
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        'Unknown key `rulez`; did you mean `rules`?',
        'rules.dockerfile/latest-tag: `loud` is not one of error, warning, info, hint, off; the rule keeps its default.',
        'ignore[0] needs `rule: <rule id>`; the entry was skipped.',
        'ignore[1].paths must be a list of path patterns; the entry was skipped.',
        'ignore[2] (dockerfile/y) gives no reason; add `reason: …` so the next reader knows why.',
      ],
    );
    assert.deepEqual(
      problems.map((p) => p.line),
      [1, 3, 6, 7, 9],
    );
    assert.deepEqual(config.settings.rules, { 'dockerfile/apt-no-y': 'off' });
    assert.deepEqual(config.ignores, [{ rule: 'dockerfile/y', paths: [], reason: undefined, root: ROOT }]);
  });

  test('kubernetes.version without a bundled schema is reported with the version used instead', () => {
    const problemFor = (version: string) => parseProjectConfig(`kubernetes:\n  version: ${version}\n`, ROOT).problems;
    assert.deepEqual(problemFor('"1.33"'), []);
    assert.deepEqual(problemFor('v1.33.2'), [], 'a patch release names its minor');
    assert.deepEqual(problemFor('"1.35"'), [
      { message: 'kubernetes.version: Kubernetes 1.35 is not bundled; manifests are checked against 1.36, the nearest (bundled: 1.36, 1.33).', line: 2 },
    ]);
    assert.match(problemFor('latest')[0].message, /`latest` is not a Kubernetes version; 1\.36 is used/);
    // Unquoted, YAML reads 1.30 as the number 1.3, which the settings ignore.
    assert.match(problemFor('1.30')[0].message, /quote the version \("1\.33"\): YAML reads 1\.3 as a number; 1\.36 is used/);
    const settings = layerSettings([parseProjectConfig('kubernetes:\n  version: "1.31"\n', ROOT).config], {});
    assert.equal(settings.kubernetes.version, '1.31', 'the setting keeps what the file says; the Kubernetes module picks the nearest bundled version');
  });

  test('a top level that is not a mapping is reported', () => {
    const { problems } = parseProjectConfig('- a\n- b\n', ROOT);
    assert.match(problems[0].message, /must be a mapping/);
  });
});

describe('settings layers', () => {
  const project = parseProjectConfig(
    'rules:\n  a/x: error\n  a/y: info\nnotes: [notes]\nrequireIgnoreReason: true\nignore:\n  - { rule: a/z, reason: r }\n',
    ROOT,
  ).config;

  test('the editor wins over the project, rule by rule; notes paths add up', () => {
    const s = layerSettings([project], { rules: { 'a/y': 'off' }, notes: { paths: ['mine'] } });
    assert.deepEqual(s.rules, { 'a/x': 'error', 'a/y': 'off' });
    assert.deepEqual(s.notes.paths, ['mine', '/repo/notes']);
    assert.equal(s.ignores.length, 1);
  });

  test('in an untrusted workspace a project cannot point notes outside itself', () => {
    const reaching = parseProjectConfig("notes: [notes, '~', '~/notes', /etc/notes, ../elsewhere]\n", ROOT).config;
    assert.deepEqual(layerSettings([reaching], {}, false).notes.paths, ['/repo/notes']);
    assert.deepEqual(layerSettings([reaching], {}, true).notes.paths, ['/repo/notes', '~', '~/notes', '/etc/notes', '/elsewhere']);
  });

  test('an editor sending its defaults keeps the project requirement for ignore reasons', () => {
    const s = layerSettings([project], defaultSettings());
    assert.equal(s.requireIgnoreReason, true);
    assert.deepEqual(s.notes.paths, ['/repo/notes']);
  });

  test('without projects the editor settings stand', () => {
    assert.deepEqual(layerSettings([], { rules: { 'a/x': 'hint' } }), { ...defaultSettings(), rules: { 'a/x': 'hint' } });
  });
});

describe('path ignores', () => {
  const ignores = [
    { rule: 'dockerfile/latest-tag', paths: ['legacy/**'], reason: 'frozen', root: ROOT },
    { rule: 'k8s/*', paths: ['generated/', '*.gen.yaml'], reason: 'generated', root: ROOT },
    { rule: 'helm/x', paths: [], reason: 'all', root: `${ROOT}/chart` },
  ];
  test('rule patterns and gitignore-style paths, relative to the config folder', () => {
    assert.equal(ignoredByConfig(ignores, `${ROOT}/legacy/a/Dockerfile`, 'dockerfile/latest-tag'), true);
    assert.equal(ignoredByConfig(ignores, `${ROOT}/legacy/a/Dockerfile`, 'dockerfile/other'), false);
    assert.equal(ignoredByConfig(ignores, `${ROOT}/app/Dockerfile`, 'dockerfile/latest-tag'), false);
    assert.equal(ignoredByConfig(ignores, `${ROOT}/generated/deploy.yaml`, 'k8s/no-limits'), true);
    assert.equal(ignoredByConfig(ignores, `${ROOT}/deep/x.gen.yaml`, 'k8s/no-limits'), true);
    assert.equal(ignoredByConfig(ignores, `${ROOT}/chart/templates/a.yaml`, 'helm/x'), true);
    assert.equal(ignoredByConfig(ignores, `${ROOT}/other/templates/a.yaml`, 'helm/x'), false);
    assert.equal(ignoredByConfig(ignores, 'file:///elsewhere/legacy/Dockerfile', 'dockerfile/latest-tag'), false);
  });
});
