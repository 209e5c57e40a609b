import removedApiTable from './data/removedApis.json';

/**
 * Kubernetes reference data kept as JSON tables in data/: the API versions Kubernetes stopped
 * serving (from the upstream deprecation guide). The deprecated-api rule reports them and
 * completion leaves them out; the shape of every entry is checked by a unit test.
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

const REMOVED_APIS: ReadonlyMap<string, RemovedApi> = new Map((removedApiTable as RemovedApi[]).map((r) => [`${r.apiVersion} ${r.kind}`, r]));

/** The removal of an apiVersion/kind pair, if Kubernetes stopped serving it. */
export function removal(apiVersion: string, kind: string): RemovedApi | undefined {
  return REMOVED_APIS.get(`${apiVersion} ${kind}`) ?? REMOVED_APIS.get(`${apiVersion} *`);
}
