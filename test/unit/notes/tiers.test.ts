import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type LookupOptions, type NoteFile, NotesIndex } from '../../../server/src/notes';
import { DOCKER, HELM, keyDomain, KUBERNETES, sectionDomain } from '../../../server/src/notes/domains';
import { readMarkdown } from '../../../server/src/notes/markdown';
import { splitKeys } from '../../../server/src/notes/ranking';

/** The relevance tiers of docs/notes.md, one rule per test; bruteForce.test.ts checks the index against the whole policy. */

const OPTIONS: LookupOptions = { maxSections: 2, includeBundled: true, language: 'en' };

function indexOf(user: Record<string, string>, bundled: Record<string, string> = {}): NotesIndex {
  const index = new NotesIndex();
  const add = (files: Record<string, string>, origin: NoteFile['origin']) => {
    for (const [name, text] of Object.entries(files)) {
      index.setFile({ uri: origin === 'user' ? `file:///notes/${name}` : `bundled:/notes/en/${name}`, text, origin, language: 'en' });
    }
  };
  add(user, 'user');
  add(bundled, 'bundled');
  return index;
}

/** "<tier>[ fallback][ other] <heading path>" for every ranked section, best first. */
function ranked(index: NotesIndex, keys: string[], options: Partial<LookupOptions> = {}): string[] {
  return index
    .rank(keys, { ...OPTIONS, ...options })
    .map((r) => `${r.tier}${r.fallback ? ' fallback' : ''}${r.otherDomain ? ' other' : ''} ${r.section.headingPath.join(' › ')}`);
}

function shown(index: NotesIndex, keys: string[], options: Partial<LookupOptions> = {}): string[] {
  return index.lookup(keys, { ...OPTIONS, ...options }).map((s) => s.headingPath.join(' › '));
}

describe('tiers', () => {
  test('1 a tag, 2 a heading naming the thing, 3 a parent whose prose mentions it, then a parent that does not, 4 a prose mention', () => {
    const index = indexOf({
      'helm.md': [
        '# Release names',
        '<!-- keys: helm:builtin/.Release.Name -->',
        'Tagged.',
        '# Release.Name',
        'A heading that names it.',
        '# .Release',
        'The object; `.Release.Name` is the name given to helm install.',
        '# .Release again',
        'The object, without a word on the name.',
        '# Chart tips',
        'Use .Release.Name in resource names.',
      ].join('\n'),
    });
    assert.deepEqual(ranked(index, ['helm:builtin/.Release.Name', 'helm:builtin/.Release']), [
      '1 Release names',
      '2 Release.Name',
      '3 .Release',
      '3 fallback .Release again',
      '4 Chart tips',
    ]);
  });

  test('a higher tier wins whatever the origin; within a tier the user notes come first', () => {
    const index = indexOf(
      { 'mine.md': '# CMD\nMy note.\n# Images\n<!-- keys: docker:instruction/CMD -->\nTagged by me.\n' },
      { 'df.md': '# CMD\n<!-- keys: docker:instruction/CMD -->\nOurs.\n' },
    );
    assert.deepEqual(ranked(index, ['docker:instruction/CMD']), ['1 Images', '1 CMD', '2 CMD']);
    assert.deepEqual(
      index.rank(['docker:instruction/CMD'], OPTIONS).map((r) => r.section.origin),
      ['user', 'bundled', 'user'],
    );
  });

  test('a hover shows the first group that has sections: tiers 1–3, else the fallbacks, else prose mentions; the rest are linked', () => {
    const index = indexOf({
      'k8s.md': '# Deployment\nRolls out new ReplicaSets.\n# Tips\nSet resources on every container.\n# More tips\nresources again.\n',
    });
    const keys = ['k8s:field/Deployment.spec.template.spec.containers.resources', 'k8s:kind/Deployment'];
    assert.deepEqual(shown(index, keys), ['Deployment']);
    const hover = index.hover(keys, OPTIONS);
    assert.deepEqual(
      hover.more.map((r) => r.section.headingPath[0]),
      ['Tips', 'More tips'],
    );
    const mentionsOnly = indexOf({ 'k8s.md': '# Tips\nSet resources on every container.\n' });
    assert.deepEqual(shown(mentionsOnly, keys), ['Tips']);
  });

  test('a mention only in fenced or indented code never counts', () => {
    const index = indexOf({
      'notes.md': [
        '# Service',
        '```yaml',
        'metadata:',
        '  labels: { release: "{{ .Release.Name }}" }',
        '```',
        '# Commands',
        'To list them:',
        '',
        '    helm install {{ .Release.Name }}',
        '',
        '- a list item',
        '    continued: .Release.Name',
      ].join('\n'),
    });
    assert.deepEqual(ranked(index, ['helm:builtin/.Release.Name']), ['4 Commands']);
    const { code } = readMarkdown('intro\n\n    code\n- item\n    continuation\n# Heading\n    code after a heading\ntext\n    lazy line');
    assert.deepEqual([...code], [0, 0, 1, 0, 0, 0, 1, 0, 0]);
  });

  test('bundled notes match by their tags only, never by a heading or a mention', () => {
    const index = indexOf(
      {},
      { 'k8s.md': '# Missing ConfigMap or ServiceAccount\n<!-- keys: rule:k8s/missing-reference -->\nA ServiceAccount that is not there.\n' },
    );
    assert.deepEqual(ranked(index, ['k8s:kind/ServiceAccount']), []);
    assert.deepEqual(ranked(index, ['rule:k8s/missing-reference']), ['1 Missing ConfigMap or ServiceAccount']);
  });

  test('a key that names the same thing as the first adds nothing; the others are parents; rule keys are things', () => {
    assert.deepEqual(splitKeys(['k8s:field/Deployment.spec.selector', 'k8s:field/spec.selector', 'k8s:kind/Deployment', 'rule:k8s/selector-mismatch']), {
      things: ['k8s:field/Deployment.spec.selector', 'rule:k8s/selector-mismatch'],
      parents: ['k8s:kind/Deployment'],
    });
  });
});

describe('same word, other thing', () => {
  test('Dockerfile ENV and ARG rank below a container env; the other way round too', () => {
    const index = indexOf({
      'docker.md': '# Dockerfile\n## ENV\nSets environment variables in the image.\n## ARG vs ENV\nBuild-time vs run-time.\n',
      'k8s.md': '# Kubernetes\n## env and envFrom\nSet a container env from a ConfigMap.\n',
    });
    assert.deepEqual(ranked(index, ['k8s:field/Deployment.spec.template.spec.containers.env']), [
      '2 Kubernetes › env and envFrom',
      '2 other Dockerfile › ENV',
      '2 other Dockerfile › ARG vs ENV',
    ]);
    assert.deepEqual(shown(index, ['k8s:field/Deployment.spec.template.spec.containers.env']), ['Kubernetes › env and envFrom']);
    assert.deepEqual(shown(index, ['docker:instruction/ENV']), ['Dockerfile › ENV', 'Dockerfile › ARG vs ENV']);
    assert.deepEqual(shown(index, ['k8s:field/Deployment.spec.template.spec.containers.args']), []);
  });

  test('"Ingress Resources" is no note on a container\'s resources (a heading about another kind)', () => {
    const index = indexOf({
      'k8s.md': '# Ingress Resources\nHow traffic gets in.\n# resources\nrequests and limits.\n# Deployment vs Ingress resources\nBoth.\n',
    });
    assert.deepEqual(shown(index, ['k8s:field/Deployment.spec.template.spec.containers.resources'], { maxSections: 5 }), [
      'resources',
      'Deployment vs Ingress resources',
    ]);
    assert.deepEqual(shown(index, ['k8s:kind/Ingress']), ['Ingress Resources', 'Deployment vs Ingress resources']);
  });

  test('Docker build secrets vs Kubernetes Secrets', () => {
    const index = indexOf({
      'build.md': '---\nkeys: docker:flag/RUN --mount\n---\n# RUN --mount\n## Secret mounts\nThe secret never lands in a layer.\n',
      'k8s.md': '# Secret\nbase64 is no encryption.\n',
    });
    assert.deepEqual(shown(index, ['k8s:kind/Secret']), ['Secret']);
    assert.deepEqual(ranked(index, ['k8s:kind/Secret']), ['2 Secret', '2 other RUN --mount › Secret mounts']);
  });

  test('--from is not in --from-file', () => {
    const index = indexOf({ 'notes.md': '# Copying\nUse `kubectl create configmap --from-file=conf/`.\n# Stages\nCOPY --from=build /app /app\n' });
    assert.deepEqual(shown(index, ['docker:flag/COPY --from']), ['Stages']);
  });

  test('the domain of a key, and of a section from its tags, else its heading path and its file', () => {
    assert.equal(keyDomain('docker:flag/COPY --from'), DOCKER);
    assert.equal(keyDomain('rule:k8s/host-path'), KUBERNETES);
    assert.equal(keyDomain('helm:values/image.tag'), HELM);
    assert.equal(keyDomain('rule:common/unknown-rule'), 0);
    assert.equal(sectionDomain(['docker:instruction/CMD', 'k8s:field/containers.command'], ['Helm'], 'file:///k8s.md'), DOCKER | KUBERNETES);
    assert.equal(sectionDomain([], ['Kubernetes', 'Ingress', 'Docker entry and cmd overwritten.'], 'file:///n.txt'), DOCKER | KUBERNETES);
    assert.equal(sectionDomain([], ['Ingress', 'Docker entry and cmd overwritten.'], 'file:///notes/kubernetes.md'), DOCKER | KUBERNETES);
    assert.equal(sectionDomain([], ['Dockerfile', 'ARG vs ENV'], 'file:///study-notes.md'), DOCKER);
    assert.equal(sectionDomain([], ['Secret'], 'file:///notes/k8s-notes.md'), KUBERNETES);
    assert.equal(sectionDomain([], ['Pod'], 'file:///notes/000.txt'), 0);
    assert.equal(sectionDomain([], ['Helm Charts', 'values'], 'file:///n.md'), HELM);
  });
});
