import type { ServiceContext } from '../workspace';
import { removal } from './reference';
import { bundledSchema, targetVersion } from './schema';

/**
 * Whether the target Kubernetes version serves an API as Helm's `.Capabilities.APIVersions.Has`
 * names it: `group/version` or `group/version/Kind` (`v1`, `policy/v1beta1/PodSecurityPolicy`).
 * Undefined when the bundled data cannot tell: a group Kubernetes itself does not serve belongs
 * to a CRD, which a cluster may or may not have.
 */
export function servesApi(ctx: ServiceContext, api: string): boolean | undefined {
  const schema = bundledSchema(ctx);
  if (!schema) return undefined;
  const parts = api.split('/');
  const last = parts[parts.length - 1];
  const kind = parts.length > 1 && /^[A-Z]/.test(last) ? last : undefined;
  const apiVersion = kind ? parts.slice(0, -1).join('/') : api;
  const target = minor(targetVersion(ctx));
  const removed = (v: string, k: string) => {
    const found = removal(v, k);
    return !!found && minor(found.removedIn) <= target;
  };
  if (kind && removed(apiVersion, kind)) return false;
  if (schema.kinds.some((k) => k.apiVersion === apiVersion && (!kind || k.kind === kind) && !removed(k.apiVersion, k.kind))) return true;
  const group = groupOf(apiVersion);
  return schema.kinds.some((k) => groupOf(k.apiVersion) === group) ? false : undefined;
}

function minor(version: string): number {
  return Number(version.split('.')[1] ?? 0);
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}
