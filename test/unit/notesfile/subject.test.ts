import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { noteSubjects } from '../../../server/src/notesfile';

// "Add to My Notes" names the thing in the heading and tags the section with a key that the hover
// it came from matches: a field by the end of its path (every kind's key matches it), and, as a
// second choice, by the kind-qualified key for a note about that kind only.

const subjects = (...keys: string[]) => noteSubjects(keys).map((s) => `${s.heading} | ${s.tag}`);

test('a kind, an instruction, a flag, a built-in, a function, a rule', () => {
  assert.deepEqual(subjects('k8s:kind/Deployment'), ['Deployment | k8s:kind/Deployment']);
  assert.deepEqual(subjects('docker:instruction/CMD', 'docker:topic/container'), ['CMD | docker:instruction/CMD', 'container | docker:topic/container']);
  assert.deepEqual(subjects('docker:flag/COPY --from'), ['COPY --from | docker:flag/COPY --from']);
  assert.deepEqual(subjects('docker:directive/escape'), ['escape directive | docker:directive/escape']);
  assert.deepEqual(subjects('helm:builtin/.Release.Name', 'helm:builtin/.Release'), [
    '.Release.Name | helm:builtin/.Release.Name',
    '.Release | helm:builtin/.Release',
  ]);
  assert.deepEqual(subjects('helm:function/include'), ['include | helm:function/include']);
  assert.deepEqual(subjects('helm:values/image.tag', 'helm:values'), ['.Values.image.tag | helm:values/image.tag', '.Values | helm:values']);
  assert.deepEqual(subjects('rule:dockerfile/latest-tag'), ['dockerfile/latest-tag | rule:dockerfile/latest-tag']);
});

test('a field is tagged by its parent and name; the kind-qualified key follows as a choice, each tag once', () => {
  assert.deepEqual(subjects('k8s:field/Deployment.spec.template.spec.volumes.hostPath', 'k8s:field/spec.template.spec.volumes.hostPath'), [
    'hostPath | k8s:field/volumes.hostPath',
    'hostPath (Deployment) | k8s:field/Deployment.spec.template.spec.volumes.hostPath',
  ]);
  assert.deepEqual(subjects('k8s:field/Pod.spec.selector', 'k8s:field/spec.selector'), [
    'selector | k8s:field/spec.selector',
    'selector (Pod) | k8s:field/Pod.spec.selector',
  ]);
  assert.deepEqual(subjects('k8s:field/replicas'), ['replicas | k8s:field/replicas']);
});

test('a value is tagged like its field, with the value', () => {
  assert.deepEqual(subjects('k8s:value/Service.spec.type=NodePort'), [
    'type: NodePort | k8s:value/spec.type=NodePort',
    'type: NodePort (Service) | k8s:value/Service.spec.type=NodePort',
  ]);
});
