import deprecatedApiTable from './data/deprecatedApis.json';
import removedApiTable from './data/removedApis.json';

/**
 * Kubernetes reference data kept as JSON tables in data/; the shape of every entry is checked by a
 * unit test.
 * - removedApis.json: the API versions Kubernetes stopped serving, from the upstream deprecation
 *   guide (kubernetes.io/docs/reference/using-api/deprecation-guide/). The only source of API
 *   errors: the deprecated-api rule reports them and completion leaves them out.
 * - deprecatedApis.json: alpha and beta versions that are deprecated but still served, with the
 *   release that deprecates them and the one that stops serving them, as the API server itself
 *   declares them (the prerelease-lifecycle of k8s.io/api, which is what its "is deprecated in
 *   v1.X+, unavailable in v1.Y+" warnings print). The deprecated-api-version rule warns about them.
 */

export interface RemovedApi {
  apiVersion: string;
  /** The kind, or `*` for every kind of the apiVersion. */
  kind: string;
  /** The Kubernetes minor version that stopped serving it. */
  removedIn: string;
  /** The apiVersion to use instead; absent when the kind itself is gone. */
  replacement?: string;
  note?: string;
}

export interface DeprecatedApi {
  apiVersion: string;
  kind: string;
  /** The Kubernetes minor version from which the API server warns that it is deprecated. */
  deprecatedIn: string;
  /** The Kubernetes minor version that stops serving it. */
  removedIn: string;
  /** The apiVersion to use instead, when upstream names one. */
  replacement?: string;
}

const REMOVED_APIS: ReadonlyMap<string, RemovedApi> = new Map((removedApiTable as RemovedApi[]).map((r) => [`${r.apiVersion} ${r.kind}`, r]));
const DEPRECATED_APIS: ReadonlyMap<string, DeprecatedApi> = new Map((deprecatedApiTable as DeprecatedApi[]).map((d) => [`${d.apiVersion} ${d.kind}`, d]));

/** The minor number of a `1.NN` version, for comparisons. */
export function minorOf(version: string): number {
  return Number(version.split('.')[1] ?? 0);
}

/** The removal of an apiVersion/kind pair, if Kubernetes stopped serving it. */
export function removal(apiVersion: string, kind: string): RemovedApi | undefined {
  return REMOVED_APIS.get(`${apiVersion} ${kind}`) ?? REMOVED_APIS.get(`${apiVersion} *`);
}

/** The deprecation of an apiVersion/kind pair that `target` still serves, if it is deprecated there. */
export function deprecation(apiVersion: string, kind: string, target: string): DeprecatedApi | undefined {
  const found = DEPRECATED_APIS.get(`${apiVersion} ${kind}`);
  return found && minorOf(found.deprecatedIn) <= minorOf(target) && minorOf(target) < minorOf(found.removedIn) ? found : undefined;
}
