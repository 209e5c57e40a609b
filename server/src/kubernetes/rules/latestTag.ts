// Fires on a container image without a tag or with `:latest` (a digest `@sha256:` is fine).
// Such pods run whatever the registry serves at pull time: rollouts are not reproducible and a
// rollback may not bring the old code back. Images a kustomization pins (images: newTag, digest)
// are left alone.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { get, str } from '../nodes';
import type { ContainerRef } from '../workload';
import { eachContainer, nodeRange } from './rule';

const meta: RuleMeta = {
  id: 'k8s/latest-tag',
  severity: 'warning',
  basis: 'practice',
  title: 'An image without a pinned tag',
  help: 'Pin the image to a version tag (`nginx:1.27.3`) or a digest (`nginx@sha256:…`) so every node runs the same build.',
};

/** The tag of an image reference, `''` when it has none, `undefined` when it is pinned by digest. */
function imageTag(image: string): string | undefined {
  if (image.includes('@')) return undefined;
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon < 0 ? '' : image.slice(colon + 1);
}

function checkContainer(file: ManifestFile, c: ContainerRef): Finding[] {
  const node = get(c.node, 'image');
  const image = str(node);
  if (!image) return [];
  const tag = imageTag(image);
  // A kustomization's images transformer sets the tag (newTag) or digest of this image.
  if (tag !== undefined && file.kustomize().pinnedImages.has(tag === '' ? image : image.slice(0, -tag.length - 1))) return [];
  if (tag === '')
    return [finding(meta, nodeRange(file, node), `Image "${image}" has no tag, so it means latest; pin a version such as ${image}:1.2.3 or a digest.`)];
  if (tag === 'latest') return [finding(meta, nodeRange(file, node), `Image "${image}" uses the latest tag; pin a version tag or a digest.`)];
  return [];
}

export const latestTag: Rule<ManifestFile> = { meta, check: eachContainer(checkContainer) };
