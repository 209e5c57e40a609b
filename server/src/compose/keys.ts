/**
 * Hover keys of a Compose file. A key's path is the mapping keys from the root with the names a
 * user picks (a service, network, volume, secret, config or model name) written `*`:
 * `compose:field/services.*.ports`, `compose:field/networks.*.driver`. Keys run from the most
 * specific field to its parents, then a general key the bundled notes cover: `compose:service` for
 * anything inside a service, `compose:file` for the rest.
 */

/** Top-level sections whose keys are names the user picks. */
const NAMED_SECTIONS = new Set(['services', 'networks', 'volumes', 'secrets', 'configs', 'models']);

/**
 * Fields under which the keys are names too (`depends_on: { db: … }`, `networks: { back: … }`,
 * `secrets`/`configs` long-form sources are values, not keys).
 */
const NAMED_FIELDS = new Set([
  'depends_on',
  'networks',
  'extra_hosts',
  'labels',
  'annotations',
  'environment',
  'sysctls',
  'ulimits',
  'build.args',
  'build.labels',
  'build.secrets',
]);

/** The path with user-picked names as `*`, e.g. `services.web.depends_on.db.condition` → `services.*.depends_on.*.condition`. */
export function fieldPath(path: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const inNamedSection = i === 1 && NAMED_SECTIONS.has(path[0]);
    const underService = path[0] === 'services' && i >= 3;
    const field = underService ? path.slice(2, i).join('.') : '';
    out.push(inNamedSection || (underService && NAMED_FIELDS.has(field)) ? '*' : path[i]);
  }
  return out;
}

/** The keys for a key at `path` (the service key itself is `compose:service`). */
export function fieldKeys(path: readonly string[]): string[] {
  const general = path[0] === 'services' && path.length >= 2 ? 'compose:service' : 'compose:file';
  if (path[0] === 'services' && path.length === 2) return [general];
  const generic = fieldPath(path);
  const keys: string[] = [];
  // From the full path down to the field right under the service (or the top-level key).
  const shortest = path[0] === 'services' ? 3 : 1;
  for (let n = generic.length; n >= Math.min(shortest, generic.length); n--) keys.push(`compose:field/${generic.slice(0, n).join('.')}`);
  return [...new Set([...keys, general])];
}
