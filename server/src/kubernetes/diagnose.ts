import type { Finding } from '../common';
import type { ServiceContext, SourceDocument } from '../workspace';
import { entries, get, span, str } from './nodes';
import type { KubeObject } from './parse';
import { analyseManifest } from './manifestFile';
import { RULES } from './rules';

/** The annotation that silences rules for one object: `container-notes.io/ignore: "k8s/latest-tag -- reason"`. */
export const IGNORE_ANNOTATION = 'container-notes.io/ignore';

/**
 * Every finding for a manifest file. The document need not be a workspace file: the Helm module
 * passes a synthetic document (template actions blanked, same offsets) and gets the same checks.
 */
export function diagnose(ctx: ServiceContext, src: SourceDocument): Finding[] {
  const file = analyseManifest(ctx, src.doc);
  const findings = RULES.flatMap((rule) => rule.check(file));
  const ignored = file.parsed.objects.map((obj) => ({ span: span(obj.node) ?? [0, 0], rules: ignoredRules(obj) })).filter((i) => i.rules.length > 0);
  if (ignored.length === 0) return findings;
  return findings.filter((f) => {
    const at = src.doc.offsetAt(f.range.start);
    return !ignored.some(
      (i) => at >= i.span[0] && at <= i.span[1] && i.rules.some((r) => r === f.rule || r === '*' || (r.endsWith('/*') && f.rule.startsWith(r.slice(0, -1)))),
    );
  });
}

/** Rule ids listed in the object's ignore annotation (before any ` -- reason`). */
function ignoredRules(obj: KubeObject): string[] {
  const annotation = entries(get(obj.node, 'metadata', 'annotations')).find((e) => e.key === IGNORE_ANNOTATION);
  const value = str(annotation?.value);
  if (!value) return [];
  return value
    .split('--')[0]
    .split(/[\s,]+/)
    .filter(Boolean);
}
