// Fires on an image without a tag or with the tag "latest" (and no digest). The image a service
// runs then changes whenever the registry's "latest" moves, so the same Compose file starts
// different software on different days and machines. Services with a build (whose image names the
// result) and interpolated images are left alone.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import { get, isInterpolated, nodeRange, text } from '../model';
import type { ComposeCheck } from './rule';

const meta: RuleMeta = {
  id: 'compose/latest-tag',
  severity: 'warning',
  basis: 'practice',
  title: 'An image without a pinned tag',
  help: 'Pin the image to a version tag (postgres:16.4) or a digest (postgres@sha256:...), and move it on purpose.',
};

export const latestTag: Rule<ComposeCheck> = {
  meta,
  check: ({ file }) => {
    const found: Finding[] = [];
    for (const service of file.services) {
      const node = get(service.node, 'image');
      const image = text(node);
      if (!node || image === undefined || image === '' || isInterpolated(image) || image.includes('@') || get(service.node, 'build') !== undefined) continue;
      const name = image.slice(image.lastIndexOf('/') + 1);
      const tag = name.includes(':') ? name.slice(name.indexOf(':') + 1) : undefined;
      if (tag === undefined)
        found.push(finding(meta, nodeRange(file, node), `Image "${image}" has no tag, so it means "latest". Pin a version, e.g. "${image}:1.2".`));
      else if (tag === 'latest') found.push(finding(meta, nodeRange(file, node), `Image "${image}" uses the tag "latest". Pin a version tag or a digest.`));
    }
    return found;
  },
};
