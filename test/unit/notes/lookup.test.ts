import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type LookupOptions, matchingTags, type NoteFile, NotesIndex, queryFor } from '../../../server/src/notes';
import { MAX_TAG_SEGMENTS } from '../../../server/src/notes/terms';
import { SEED_STYLE_DOCKER, SEED_STYLE_K8S } from './fixtures';

const OPTIONS: LookupOptions = { maxSections: 2, includeBundled: false, language: 'en' };

function indexOf(files: Record<string, string>, origin: NoteFile['origin'] = 'user', language?: NoteFile['language']): NotesIndex {
  const index = new NotesIndex();
  for (const [name, text] of Object.entries(files)) index.setFile({ uri: `file:///notes/${name}`, text, origin, language });
  return index;
}

/** The heading paths of the sections found for `key`, best first. */
function found(index: NotesIndex, key: string, options: Partial<LookupOptions> = {}): string[] {
  return index.lookup([key], { ...OPTIONS, ...options }).map((s) => s.headingPath.join(' › '));
}

function reason(index: NotesIndex, key: string): string {
  const [best] = index.rank([key], OPTIONS);
  return best ? `${best.reason}: ${best.matched}` : 'none';
}

describe('tags', () => {
  test('a tag matches a key it equals or whose dotted path it ends', () => {
    assert.deepEqual(matchingTags('k8s:field/spec.volumes.hostPath'), ['k8s:field/spec.volumes.hostpath', 'k8s:field/volumes.hostpath', 'k8s:field/hostpath']);
    assert.ok(matchingTags('k8s:field/spec.template.spec.containers.volumeMounts.subPath').includes('k8s:field/volumemounts.subpath'));
    assert.ok(matchingTags('k8s:value/Service.spec.type=NodePort').includes('k8s:value/type=nodeport'));
    assert.deepEqual(matchingTags('docker:instruction/CMD'), ['docker:instruction/cmd']);
    assert.deepEqual(matchingTags('helm:builtin/.Release.Name'), ['helm:builtin/.release.name']);
  });

  test('a generated key of thousands of names makes a bounded query', () => {
    const names = Array.from({ length: 5000 }, (_, i) => `k${i % 10}`);
    const key = `helm:values/${names.join('.')}`;
    const tags = matchingTags(key);
    // The key itself, then its ends of up to MAX_TAG_SEGMENTS names, longest first.
    assert.equal(tags.length, MAX_TAG_SEGMENTS + 1);
    assert.equal(tags[1], `helm:values/${names.slice(-MAX_TAG_SEGMENTS).join('.')}`);
    assert.equal(tags.at(-1), 'helm:values/k9');
    // No phrase that long is in a note: the key's own terms are left out, not searched for.
    assert.deepEqual(
      queryFor(key).terms.filter((t) => !t.alias),
      [],
    );
    assert.deepEqual(
      queryFor('helm:values/image.tag').terms.map((t) => t.text),
      ['.Values.image.tag', 'image.tag'],
    );
  });

  test('tagged sections come first; the exact key beats a path end, a section tag beats a file tag', () => {
    const index = indexOf({
      'a.md': '# Mounts\n<!-- keys: k8s:field/volumeMounts.subPath -->\nby path end\n',
      'b.md': '# Exact\n<!-- keys: k8s:field/spec.template.spec.containers.volumeMounts.subPath -->\nexact\n',
      'c.md': '---\nkeys: k8s:field/subPath\n---\n# Whole file\nfile tag\n',
      'd.md': '# subPath\nheading only\n',
    });
    const key = 'k8s:field/spec.template.spec.containers.volumeMounts.subPath';
    assert.deepEqual(found(index, key, { maxSections: 4 }), ['Exact', 'Mounts', 'Whole file', 'subPath']);
  });

  test('tags are case-insensitive and flag keys keep their flag', () => {
    const index = indexOf({ 'd.md': '# Stages\n<!-- keys: DOCKER:FLAG/COPY --from -->\nx\n' });
    assert.deepEqual(found(index, 'docker:flag/COPY --from'), ['Stages']);
    assert.deepEqual(found(index, 'docker:instruction/COPY'), []);
  });
});

describe('headings and aliases', () => {
  const index = indexOf({ 'k8s.md': SEED_STYLE_K8S, 'docker.md': SEED_STYLE_DOCKER });

  test('a kind in a heading', () => {
    assert.deepEqual(found(index, 'k8s:kind/Deployment'), ['Deployment']);
    assert.equal(reason(index, 'k8s:kind/Deployment'), 'heading: Deployment');
  });

  test('a field by its last path segment', () => {
    // "Volumes" shows its subsections, so it would repeat the hostPath text: it is no parent match.
    assert.deepEqual(found(index, 'k8s:field/spec.volumes.hostPath'), ['Volumes › hostPath']);
  });

  test('a term in a mixed Chinese/English heading: EXPOSE in "EXPOSE 暴露端口"', () => {
    assert.deepEqual(found(index, 'docker:instruction/EXPOSE'), ['Docker › Dockerfile › EXPOSE 暴露端口']);
  });

  test('Dockerfile instructions match only in capitals, so prose words are no mention', () => {
    const prose = indexOf({ 'p.md': '# How to add users\nfrom here\n# ADD\nthe instruction\n' });
    assert.deepEqual(found(prose, 'docker:instruction/ADD'), ['ADD']);
    assert.deepEqual(found(prose, 'docker:instruction/FROM'), []);
  });

  test('a term matches as a whole word only', () => {
    const words = indexOf({ 'w.md': '# hostPathX and xhostPath\nx\n# Servicemesh\ny\n' });
    assert.deepEqual(found(words, 'k8s:field/spec.volumes.hostPath'), []);
    assert.deepEqual(found(words, 'k8s:kind/Service'), []);
  });

  test('Service types find "Publishing Service" through the ServiceType alias', () => {
    assert.deepEqual(found(index, 'k8s:value/Service.spec.type=NodePort'), ['Service › Publishing Service.']);
    assert.equal(reason(index, 'k8s:value/Service.spec.type=NodePort'), 'heading alias: Publishing Service');
  });

  test('a kind-qualified field takes no alias match from a heading about another kind', () => {
    const notes = indexOf({
      'k8s.md': '# Service\n## Services without selectors\n后端不是 Pods。\n# 常见问题\n改了 spec.selector 就报 field is immutable。\n',
    });
    assert.deepEqual(found(notes, 'k8s:field/Deployment.spec.selector', { maxSections: 1 }), ['常见问题']);
    assert.deepEqual(found(notes, 'k8s:field/Service.spec.selector', { maxSections: 1 }), ['Service › Services without selectors']);
    assert.deepEqual(found(notes, 'k8s:field/spec.selector', { maxSections: 1 }), ['Service › Services without selectors']);
  });

  test('a field name matches as written, not in its plural: "docker commands" is no note on `command`', () => {
    const notes = indexOf({ 'docker.md': '# Docker\n## Everyday docker commands\ndocker ps\n## CMD\nThe default command.\n' });
    assert.deepEqual(found(notes, 'k8s:field/spec.containers.command', { maxSections: 1 }), ['Docker › CMD']);
    assert.ok(queryFor('k8s:kind/Deployment').terms.some((t) => t.text === 'Deployments'));
  });

  test('a body quoting a field with its parent (`spec.selector`) ranks above a bare mention', () => {
    const notes = indexOf({
      'k8s.md': '# Service\nPods are chosen by a label selector.\n# 常见问题\n`spec.selector: Invalid value` 说明两个 Deployment 的选择器不同。\n',
    });
    assert.deepEqual(found(notes, 'k8s:field/Deployment.spec.selector'), ['常见问题', 'Service']);
    assert.equal(reason(notes, 'k8s:field/Deployment.spec.selector'), 'body: spec.selector');
  });

  test('an alias does not match a heading that names another member of its group', () => {
    const notes = indexOf({
      'helm.md': '# Helm\n## .Chart 内置对象\nChart.yaml 的内容。\n## .Release 内置对象\n`.Release.Name` 是 release 名字。\n',
      'k8s.md': '# Services\n## ServiceType ClusterIP\nOnly inside the cluster.\n## Service types\nHow a Service is exposed.\n',
    });
    assert.deepEqual(found(notes, 'helm:builtin/.Release.Name'), ['Helm › .Release 内置对象']);
    assert.deepEqual(found(notes, 'k8s:value/Service.spec.type=NodePort'), ['Services › Service types']);
    // The ENTRYPOINT/CMD group's members are its aliases too, so "CMD" in a heading still matches `command`.
    assert.deepEqual(
      queryFor('k8s:field/spec.containers.command').terms.filter((t) => t.siblings),
      [],
    );
  });

  test('container command finds the ENTRYPOINT/CMD section through its alias (the Dockerfile CMD is another domain); CMD finds its own heading first', () => {
    assert.deepEqual(found(index, 'k8s:field/spec.containers.command'), ['Daemon Set › Docker entry and cmd overwritten.']);
    assert.deepEqual(found(index, 'docker:instruction/CMD'), ['Docker › Dockerfile › CMD', 'Daemon Set › Docker entry and cmd overwritten.']);
  });

  test('camel-case kinds match their words and plurals; alias table entries match too', () => {
    const aliases = indexOf({
      'a.md':
        '# Daemon Set\na\n# Service Accounts\nb\n# Pet Set\nc\n# Replication controller\nd\n# Horizontal Pod Autoscaling\ne\n# RBAC\nf\n# Namespaces\ng\n# Label\nh\n',
    });
    const best = (key: string) => found(aliases, key, { maxSections: 1 })[0];
    assert.equal(best('k8s:kind/DaemonSet'), 'Daemon Set');
    assert.equal(best('k8s:kind/ServiceAccount'), 'Service Accounts');
    assert.equal(best('k8s:kind/StatefulSet'), 'Pet Set');
    assert.equal(best('k8s:kind/ReplicationController'), 'Replication controller');
    assert.equal(best('k8s:kind/HorizontalPodAutoscaler'), 'Horizontal Pod Autoscaling');
    assert.equal(best('k8s:kind/ClusterRoleBinding'), 'RBAC');
    assert.equal(best('k8s:kind/Namespace'), 'Namespaces');
    assert.equal(best('k8s:field/metadata.labels'), 'Label');
  });

  test('the heading the term covers most ranks first: Service over Service Accounts', () => {
    const s = indexOf({ 's.md': '# Service Accounts\nidentity\n# Service\nthe Service abstraction\n' });
    assert.deepEqual(found(s, 'k8s:kind/Service'), ['Service', 'Service Accounts']);
  });

  test('a heading that only gathers subsections ranks below one with its own text', () => {
    const s = indexOf({ 's.md': '# Ingress\n\n## Docker entry\nunrelated\n# Ingress Controller\nnginx Ingress controller\n' });
    assert.deepEqual(found(s, 'k8s:kind/Ingress'), ['Ingress Controller', 'Ingress']);
  });
});

describe('body mentions', () => {
  test('a topic only mentioned in a body is found (subPath under 常见问题)', () => {
    const index = indexOf({ 'k8s.md': SEED_STYLE_K8S });
    assert.deepEqual(found(index, 'k8s:field/spec.containers.volumeMounts.subPath'), ['常见问题']);
    assert.equal(reason(index, 'k8s:field/spec.containers.volumeMounts.subPath'), 'body: subPath');
  });

  test('a body match shows only the ---separated part that mentions the key, from its own line', () => {
    const index = indexOf({ 'k8s.md': SEED_STYLE_K8S });
    const [section] = index.lookup(['k8s:field/spec.containers.volumeMounts.subPath'], OPTIONS);
    assert.match(section.body, /^mountPath结合subPath作用\n```\nvolumeMounts:/);
    assert.doesNotMatch(section.body, /immutable/);
    assert.equal(SEED_STYLE_K8S.split('\n')[section.startLine], 'mountPath结合subPath作用');
  });

  test('a body mention never outranks a heading match, however often it occurs', () => {
    const index = indexOf({ 'a.md': `# Other\n${'Deployment '.repeat(500)}\n`, 'b.md': '# Deployment\nonce\n' });
    assert.deepEqual(found(index, 'k8s:kind/Deployment'), ['Deployment']);
  });

  test('with no heading match, more mentions rank first, then file and line order', () => {
    const index = indexOf({ 'a.md': '# One\nhostPath\n# Two\nhostPath hostPath\n# Three\nhostPath\n' });
    assert.deepEqual(found(index, 'k8s:field/spec.volumes.hostPath', { maxSections: 3 }), ['Two', 'One', 'Three']);
  });

  test('tag comments are no body mention', () => {
    const index = indexOf({ 'a.md': '# Other\n<!-- keys: k8s:kind/Pod -->\ntext\n' });
    assert.deepEqual(found(index, 'k8s:kind/Deployment'), []);
    assert.deepEqual(found(index, 'k8s:kind/Pod'), ['Other']);
  });

  test('a template function counts in a body only where a template calls it', () => {
    const index = indexOf({ 'h.md': '# Prose\nThe chart includes an include of nothing.\n# Helpers\nname: {{ include "app.name" . }}\n' });
    assert.deepEqual(found(index, 'helm:function/include'), ['Helpers']);
  });

  test('a keyword counts in prose only as a template writes it, however common the word', () => {
    const index = indexOf({
      'h.md': '# Prose\nDo it with care, with time.\n# Scopes\nUse `{{ with .Values.db }}` to set the dot.\n# Other\nBraces {{ alone }} with nothing.\n',
    });
    assert.deepEqual(found(index, 'helm:keyword/with'), ['Scopes']);
  });

  test('multi-word and dotted terms in bodies: .Release.Name, helm install', () => {
    const index = indexOf({ 'h.md': '# Templates\nname: {{ .Release.Name }}-web\n# Commands\nrun helm   install first\n' });
    assert.deepEqual(found(index, 'helm:builtin/.Release.Name'), ['Templates']);
    assert.deepEqual(found(index, 'helm:topic/install'), ['Commands']);
  });
});

describe('origins, languages, limits and caching', () => {
  test('a higher tier wins whatever the origin; within a tier the user notes come first; bundled only when included and in the language', () => {
    const index = new NotesIndex();
    index.setFile({ uri: 'file:///b/en/k8s.md', text: '# Deployment\n<!-- keys: k8s:kind/Deployment -->\nen\n', origin: 'bundled', language: 'en' });
    index.setFile({ uri: 'file:///b/zh-cn/k8s.md', text: '# Deployment\n<!-- keys: k8s:kind/Deployment -->\nzh\n', origin: 'bundled', language: 'zh-cn' });
    index.setFile({ uri: 'file:///u/k8s.md', text: '# Notes\nmy Deployment\n# Deployment\nmine\n', origin: 'user' });
    index.setFile({ uri: 'file:///u/tagged.md', text: '# Rollouts\n<!-- keys: k8s:kind/Deployment -->\ntagged\n', origin: 'user' });
    const bodies = (o: Partial<LookupOptions>) =>
      index.lookup(['k8s:kind/Deployment'], { ...OPTIONS, maxSections: 4, ...o }).map((s) => s.body.replace(/^<!--.*-->\n/, ''));
    assert.deepEqual(bodies({}), ['tagged', 'mine']);
    // Tier 1 (tags), the user's first; then tier 2 (a heading); the prose mention is only linked.
    assert.deepEqual(bodies({ includeBundled: true }), ['tagged', 'en', 'mine']);
    assert.deepEqual(bodies({ includeBundled: true, language: 'zh-cn' }), ['tagged', 'zh', 'mine']);
  });

  test('prose mentions show only when nothing else names the thing; then they are linked under it', () => {
    const index = indexOf({ 'a.md': '# Deployment\nx\n# Other\nDeployment mention\n' });
    assert.deepEqual(found(index, 'k8s:kind/Deployment', { maxSections: 5 }), ['Deployment']);
    const more = index.hover(['k8s:kind/Deployment'], { ...OPTIONS, maxSections: 5 }).more;
    assert.deepEqual(
      more.map((r) => `${r.section.headingPath.join(' › ')}: tier ${r.tier}`),
      ['Other: tier 4'],
    );
  });

  test('at most maxSections; empty sections never', () => {
    const index = indexOf({ 'a.md': '# Pod\n\n# Pod\nx\n# Pod\ny\n# Pod\nz\n' });
    assert.equal(found(index, 'k8s:kind/Pod', { maxSections: 2 }).length, 2);
    assert.equal(found(index, 'k8s:kind/Pod', { maxSections: 9 }).length, 3);
  });

  test('setting or removing a file changes the next lookup; an unchanged file keeps the generation', () => {
    const index = indexOf({ 'a.md': '# Pod\nold\n' });
    assert.equal(index.lookup(['k8s:kind/Pod'], OPTIONS)[0].body, 'old');
    const generation = index.generation;
    index.setFile({ uri: 'file:///notes/a.md', text: '# Pod\nold\n', origin: 'user' });
    assert.equal(index.generation, generation);
    index.setFile({ uri: 'file:///notes/a.md', text: '# Pod\nnew\n', origin: 'user' });
    assert.equal(index.lookup(['k8s:kind/Pod'], OPTIONS)[0].body, 'new');
    index.removeFile('file:///notes/a.md');
    assert.deepEqual(index.lookup(['k8s:kind/Pod'], OPTIONS), []);
    assert.equal(index.fileCount, 0);
  });

  test('setFileInSteps changes lookups only at its last step; a file changed meanwhile wins', () => {
    const index = indexOf({ 'a.md': '# Pod\nold\n' });
    const big = Array.from({ length: 450 }, (_, i) => `# Pod\nnew ${i}\n`).join('');
    const steps = index.setFileInSteps({ uri: 'file:///notes/a.md', text: big, origin: 'user' });
    steps.next();
    assert.equal(index.lookup(['k8s:kind/Pod'], OPTIONS)[0].body, 'old');
    for (const _step of steps);
    assert.equal(index.lookup(['k8s:kind/Pod'], OPTIONS)[0].body, 'new 0');
    const stale = index.setFileInSteps({ uri: 'file:///notes/a.md', text: big + '# Pod\nstale\n', origin: 'user' });
    stale.next();
    index.setFile({ uri: 'file:///notes/a.md', text: '# Pod\nlatest\n', origin: 'user' });
    for (const _step of stale);
    assert.equal(index.lookup(['k8s:kind/Pod'], OPTIONS)[0].body, 'latest');
  });

  test('once most postings entries are dead they are dropped and the tokens renumbered; lookups stay those of a fresh index', () => {
    // 2,000 sections of 60 words each: over the 100,000 entries a compaction waits for.
    const words = (n: number, salt: string) => Array.from({ length: 60 }, (_, w) => `w${(n * 7 + w) % 997}${salt}`).join(' ');
    const big = (salt: string) => Array.from({ length: 2000 }, (_, i) => `# Topic ${i % 50}\n${words(i, salt)} hostPath\n`).join('');
    const other = '# Pod\nmounts a hostPath volume\n## Service\nexposes pods, see `kubectl expose`\n';
    const index = new NotesIndex();
    index.setFile({ uri: 'file:///notes/other.md', text: other, origin: 'user' });
    // A file prepared in steps across the compaction: its tokens were numbered before it, so it is tokenized again.
    const late = index.setFileInSteps({ uri: 'file:///notes/late.md', text: big('late'), origin: 'user' });
    late.next();
    for (const salt of ['a', 'b', 'c', 'd']) index.setFile({ uri: 'file:///notes/big.md', text: big(salt), origin: 'user' });
    for (const _step of late);
    const fresh = indexOf({ 'other.md': other, 'big.md': big('d'), 'late.md': big('late') });
    for (const key of [
      'k8s:kind/Pod',
      'k8s:kind/Service',
      'k8s:field/hostPath',
      'helm:values/w5d',
      'helm:values/w5late',
      'helm:values/w5a',
      'docker:topic/kubectl',
    ]) {
      assert.deepEqual(index.rank([key], OPTIONS), fresh.rank([key], OPTIONS), key);
    }
    assert.equal(found(index, 'helm:values/w5a').length, 0);
    assert.ok(found(index, 'helm:values/w5late').length > 0);
  });

  test('ranking is deterministic whatever order files are set in', () => {
    const files = { 'b.md': '# Pod\nb\n', 'a.md': '# Pod\na\n', 'c.md': '# Pods\nc\n' };
    const forward = indexOf(files);
    const backward = indexOf(Object.fromEntries(Object.entries(files).reverse()));
    const bodies = (i: NotesIndex) => i.lookup(['k8s:kind/Pod'], { ...OPTIONS, maxSections: 3 }).map((s) => s.body);
    assert.deepEqual(bodies(forward), bodies(backward));
    assert.deepEqual(bodies(forward), ['a', 'b', 'c']);
  });

  test('after files change in place, are removed or change origin, rankings are those of a fresh index', () => {
    // Equal matches everywhere, so the files' order decides; each step writes other text (an unchanged file is no change).
    type Origin = 'user' | 'bundled';
    const note = (name: string, edit: number, origin: Origin): NoteFile => ({
      uri: `file:///notes/${name}.md`,
      text: `# Pod ${name}\n<!-- keys: k8s:kind/Pod -->\npods\n\nedit ${edit}\n`,
      origin,
      ...(origin === 'bundled' ? { language: 'en' as const } : {}),
    });
    const index = new NotesIndex();
    const files = new Map<string, NoteFile>();
    let edits = 0;
    const step = (name: string, origin: Origin = 'user') => {
      const file = note(name, edits++, origin);
      index.setFile(file);
      files.set(name, file);
    };
    const expectFresh = (label: string) => {
      const fresh = new NotesIndex();
      for (const file of [...files.values()].reverse()) fresh.setFile(file);
      const order = (i: NotesIndex) => i.rank(['k8s:kind/Pod'], { ...OPTIONS, includeBundled: true }).map((r) => `${r.section.uri} ${r.score}`);
      assert.deepEqual(order(index), order(fresh), label);
      assert.equal(order(index).length, files.size);
    };
    for (const name of ['c', 'a', 'd', 'b']) step(name);
    expectFresh('set');
    step('c');
    step('a');
    step('d');
    expectFresh('changed in place');
    index.removeFile('file:///notes/a.md');
    files.delete('a');
    expectFresh('removed');
    step('b', 'bundled');
    step('aa');
    expectFresh('origin changed, added between');
    step('c', 'bundled');
    step('d');
    expectFresh('origin changed, changed in place');
  });

  test('sections() lists user sections before bundled ones, in file order', () => {
    const index = new NotesIndex();
    index.setFile({ uri: 'file:///b/en/x.md', text: '# B\nb\n', origin: 'bundled', language: 'en' });
    index.setFile({ uri: 'file:///u/x.md', text: '# U1\nu\n# U2\nv\n', origin: 'user' });
    assert.deepEqual(
      index.sections({ includeBundled: true, language: 'en' }).map((s) => s.headingPath[0]),
      ['U1', 'U2', 'B'],
    );
    assert.deepEqual(
      index.sections({ includeBundled: false, language: 'en' }).map((s) => s.headingPath[0]),
      ['U1', 'U2'],
    );
  });

  test('every key kind of docs/notes-keys.md yields terms', () => {
    for (const key of [
      'docker:instruction/CMD',
      'docker:flag/COPY --from',
      'docker:directive/escape',
      'docker:topic/multi-stage',
      'k8s:kind/Pod',
      'k8s:field/spec.clusterIP',
      'k8s:value/Service.spec.type=ClusterIP',
      'k8s:topic/kubectl',
      'helm:builtin/.Values',
      'helm:function/include',
      'helm:values',
      'helm:values/image.tag',
      'helm:file/Chart.yaml',
      'helm:topic/rollback',
      'rule:dockerfile/latest-tag',
    ]) {
      assert.ok(queryFor(key).terms.length > 0, key);
    }
  });
});

describe('bad input', () => {
  test('half-typed Markdown: unclosed fences, comments and links, bare #, never throws', () => {
    const index = indexOf({
      'a.md': '# Pod\n<!-- keys: k8s:kind/Pod\nstill typing\n```yaml\nkind: Pod\n',
      'b.md': '#\n##\n# Service\n[x](command:foo\n<!--\n',
      'c.md': '\u0000\u0001\u0002# Deployment\n\uFFFD\uD800 broken surrogate\n',
    });
    for (const key of ['k8s:kind/Pod', 'k8s:kind/Service', 'k8s:kind/Deployment', '', ':', 'k8s:', 'k8s:field/', '///', 'docker:flag/ --']) {
      assert.ok(Array.isArray(index.lookup([key], OPTIONS)), key);
    }
    assert.deepEqual(found(index, 'k8s:kind/Service'), ['Service']);
  });

  test('a 10 MB notes file with deep nesting is indexed and looked up', () => {
    const chunk = Array.from(
      { length: 6 },
      (_, level) => `${'#'.repeat(level + 1)} hostPath level ${level}\n${'text with hostPath and Deployment 中文 '.repeat(20)}\n`,
    ).join('');
    const big = chunk.repeat(Math.ceil((10 * 1024 * 1024) / chunk.length));
    const index = indexOf({ 'big.md': big });
    assert.equal(found(index, 'k8s:field/spec.volumes.hostPath', { maxSections: 2 }).length, 2);
    assert.deepEqual(found(index, 'k8s:kind/Pod'), []);
  });
});
