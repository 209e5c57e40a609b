import type { Range } from 'vscode-languageserver-types';
import { finding, type Finding, rangeOf, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { get, span, type YamlNode } from '../nodes';
import type { KubeObject, SyntaxProblem } from '../parse';
import type { SchemaRule } from '../validate';
import { type ContainerRef, containers, firstNode, type PodSummary, podSummary, selects } from '../workload';

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

/** A file check that runs `check` on every container of every object (of the container lists in `groups`; all by default). */
export function eachContainer(
  check: (file: ManifestFile, container: ContainerRef, obj: KubeObject) => Finding[],
  groups?: readonly string[],
): (file: ManifestFile) => Finding[] {
  return eachObject((file, obj) => {
    const out: Finding[] = [];
    for (const container of containers(obj, groups)) out.push(...check(file, container, obj));
    return out;
  });
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
 * Every pod in the workspace and in this file (which need not be a workspace file), except those
 * of documents with syntax errors: their labels and ports may be the ones being typed.
 */
export function allPods(file: ManifestFile): PodSummary[] {
  const local = file.parsed.objects
    .filter((obj) => !obj.broken)
    .map(podSummary)
    .filter((p): p is PodSummary => p !== undefined);
  return [...file.index().pods, ...local];
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
  return allPods(file).filter((p) => selects(selector, p.labels) && (namespace === undefined || p.namespace === undefined || p.namespace === namespace));
}
