// Fires on a container image without a tag or with `:latest` (a digest `@sha256:` is fine).
// Such pods run whatever the registry serves at pull time: rollouts are not reproducible and a
// rollback may not bring the old code back.
import type { Finding, RuleMeta } from '../../common';
import { get, str } from '../nodes';
import { findingAt, type Rule } from '../rule';
import { containers } from '../workload';

export const meta: RuleMeta = {
  id: 'k8s/latest-tag',
  severity: 'warning',
  title: 'An image without a pinned tag',
  help: 'Pin the image to a version tag (`nginx:1.27.3`) or a digest (`nginx@sha256:…`) so every node runs the same build.',
};

/** The tag of an image reference, `''` when it has none, `undefined` when it is pinned by digest. */
export function imageTag(image: string): string | undefined {
  if (image.includes('@')) return undefined;
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon < 0 ? '' : image.slice(colon + 1);
}

export const rule: Rule = {
  meta,
  check(rc, obj) {
    const out: Finding[] = [];
    for (const c of containers(obj)) {
      const node = get(c.node, 'image');
      const image = str(node);
      if (!image) continue;
      const tag = imageTag(image);
      if (tag === '')
        out.push(findingAt(rc, meta, node, `Image \`${image}\` has no tag, so it means \`:latest\`; pin a version such as \`${image}:1.2.3\` or a digest.`));
      else if (tag === 'latest') out.push(findingAt(rc, meta, node, `Image \`${image}\` uses \`:latest\`; pin a version tag or a digest.`));
    }
    return out;
  },
};
