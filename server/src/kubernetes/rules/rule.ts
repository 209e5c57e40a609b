import type { Range } from 'vscode-languageserver-types';
import { finding, type Finding, rangeOf, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { get, span, type YamlNode } from '../nodes';
import type { KubeObject, SyntaxProblem } from '../parse';
import { removal } from '../reference';
import type { SchemaRule } from '../validate';
import { type ContainerRef, containers, firstNode, type PodSummary, selects } from '../workload';

/**
 * What the Kubernetes rules share. A Kubernetes rule is a `Rule<ManifestFile>` (common): it is
 * given the analysed manifest file. Most rules look at one object, or one container, at a time;
 * `eachObject` and `eachContainer` turn such a check into the rule's check of the whole file.
 */

/** The document range of a node, or of a [start, end) span of offsets. */
export function nodeRange(file: ManifestFile, at: YamlNode | readonly [number, number]): Range {
  const where = Array.isArray(at) ? (at as readonly [number, number]) : (span(at) ?? [0, 0]);
  return rangeOf(file.doc, where[0], where[1]);
}

/** A file check that runs `check` on every object of the file, in order. */
export function eachObject(check: (file: ManifestFile, obj: KubeObject) => Finding[]): (file: ManifestFile) => Finding[] {
  return (file) => {
    const out: Finding[] = [];
    for (const obj of file.parsed.objects) out.push(...check(file, obj));
    return out;
  };
}

type ContainerCheck = (file: ManifestFile, container: ContainerRef, obj: KubeObject) => Finding[];

/** An object check that runs `check` on each container of the object (of the lists in `groups`; all by default). */
function perContainer(check: ContainerCheck, groups?: readonly string[]): (file: ManifestFile, obj: KubeObject) => Finding[] {
  return (file, obj) => {
    const out: Finding[] = [];
    for (const container of containers(obj, groups)) out.push(...check(file, container, obj));
    return out;
  };
}

/** A file check that runs `check` on every container of every object (of the container lists in `groups`; all by default). */
export function eachContainer(check: ContainerCheck, groups?: readonly string[]): (file: ManifestFile) => Finding[] {
  return eachObject(perContainer(check, groups));
}

/**
 * A file check over the objects that are whole (not kustomize patches), for rules that judge by
 * what an object leaves out: a patch is a fragment, its base holds the rest.
 */
export function eachWholeObject(check: (file: ManifestFile, obj: KubeObject) => Finding[]): (file: ManifestFile) => Finding[] {
  return eachObject((file, obj) => (file.isPatch(obj) ? [] : check(file, obj)));
}

/** `eachContainer` over whole objects only (see eachWholeObject). */
export function eachWholeContainer(check: ContainerCheck, groups?: readonly string[]): (file: ManifestFile) => Finding[] {
  return eachWholeObject(perContainer(check, groups));
}

/** Where a finding about a whole container points: its name, else its image. */
export function containerAnchor(container: ContainerRef): YamlNode {
  return firstNode(get(container.node, 'name'), get(container.node, 'image'));
}

/** The check of a schema rule: each object's schema problems of one kind, as findings. */
export function schemaCheck(meta: RuleMeta, kind: SchemaRule): (file: ManifestFile) => Finding[] {
  return eachObject((file, obj) =>
    file
      .schemaProblems(obj)
      .filter((p) => p.rule === kind)
      .map((p) => finding(meta, nodeRange(file, [p.start, p.end]), p.message)),
  );
}

/** The check of a text rule: the file's parse problems of one kind, as findings. */
export function parseCheck(meta: RuleMeta, code: SyntaxProblem['code']): (file: ManifestFile) => Finding[] {
  return (file) => file.parsed.problems.filter((p) => p.code === code).map((p) => finding(meta, nodeRange(file, [p.start, p.end]), p.message));
}

/**
 * Whether a document with a syntax error, in this file or in the workspace, may define an object
 * of a kind `matches` accepts. Such a document defines more than was recovered from it, so a
 * rule that compares documents must not conclude that such an object is absent (a Service
 * "selects no pods" while the Deployment it selects is being typed).
 */
export function brokenDocumentMayHold(file: ManifestFile, matches: (kind: string) => boolean): boolean {
  return [...file.parsed.brokenKinds, ...file.index().brokenKinds].some((kind) => kind === undefined || matches(kind));
}

/** The pods a Service selects, honouring namespaces written on both sides. */
export function selectedPods(file: ManifestFile, selector: Map<string, string>, namespace: string | undefined): PodSummary[] {
  return file.pods().filter((p) => selects(selector, p.labels) && (namespace === undefined || p.namespace === undefined || p.namespace === namespace));
}

/**
 * The apiVersion the bundled data lists a built-in kind under, stable before alpha and beta, newer
 * before older (`autoscaling/v2` before `v1`), leaving out removed ones; `undefined` when none.
 */
export function preferredVersionOf(file: ManifestFile, kind: string): string | undefined {
  const versions = (file.schema?.kinds ?? []).filter((k) => k.kind === kind && !removal(k.apiVersion, k.kind)).map((k) => k.apiVersion);
  return versions.sort((a, b) => Number(/(alpha|beta)/.test(a)) - Number(/(alpha|beta)/.test(b)) || b.localeCompare(a))[0];
}
