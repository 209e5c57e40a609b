/**
 * `RUN --mount=…` options read as BuildKit reads them, so that a finding means BuildKit refuses the
 * mount: frontend/dockerfile/instructions/commands_runmount.go (parseMount) and
 * frontend/dockerfile/dockerfile2llb/convert_runmount.go, convert_ssh.go (dispatch). Keys are
 * case-insensitive; a value holding `$` is expanded at build time and is not judged here.
 */
import { closestMatch } from '../common';

/** One `key=value` (or bare `key`) of a mount, as written. */
export interface MountOption {
  name: string;
  value: string | null;
}

export interface MountSpec {
  /** The mount type (lower case), or undefined when it is given by a variable. */
  type: string | undefined;
  /** The target as written, or null when there is none. */
  target: string | null;
  /** Why BuildKit refuses the mount, one plain sentence each. */
  problems: string[];
}

export const MOUNT_TYPES = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'] as const;
const SHARING = ['shared', 'private', 'locked'];
/** Go's strconv.ParseBool. */
const GO_BOOL = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);
/** docker/go-units RAMInBytes. */
const RAM_SIZE = /^(\d+(\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/;
/** The options BuildKit accepts without a value. */
const BARE = new Set(['ro', 'readonly', 'rw', 'readwrite', 'required']);
const CANONICAL: Readonly<Record<string, string>> = { src: 'source', dst: 'target', destination: 'target', readonly: 'ro', readwrite: 'rw' };
const KNOWN_KEYS = new Set(['type', 'from', 'source', 'target', 'ro', 'rw', 'id', 'sharing', 'required', 'size', 'mode', 'uid', 'gid', 'env']);
/** Types that take `required`, and types that take `mode`, `uid` and `gid`. */
const REQUIRABLE = new Set(['secret', 'ssh']);
const OWNED = new Set(['secret', 'ssh', 'cache']);

function isUint32(text: string, radix: 8 | 10): boolean {
  return (radix === 8 ? /^[0-7]+$/ : /^\d+$/).test(text) && parseInt(text, radix) <= 0xffffffff;
}

/** The mount's type, target and the problems BuildKit would refuse it for. */
export function readMount(options: readonly MountOption[]): MountSpec {
  const problems: string[] = [];
  // BuildKit reads the fields in order, so `required` and `size` are judged by the type set so far.
  let type: string | undefined = 'bind';
  let target: string | null = null;
  const given = new Set<string>();
  for (const option of options) {
    const written = option.name;
    const key = CANONICAL[written.toLowerCase()] ?? written.toLowerCase();
    const value = option.value;
    if (value === null) {
      if (!BARE.has(written.toLowerCase()))
        problems.push(`Mount option "${written}" needs a value (${written}=<value>); only ro, rw and, for secret and ssh mounts, required stand alone.`);
      else if (key === 'required' && type !== undefined && !REQUIRABLE.has(type))
        problems.push(`A ${type} mount does not take "required"; only secret and ssh mounts do.`);
      continue;
    }
    given.add(key);
    if (key === 'target') target = value;
    if (key === 'from' && /\$(?!$)/.test(value)) {
      problems.push(`from=${value} cannot use a variable; define a stage with FROM ${value} AS <name> and mount from=<name>.`);
      continue;
    }
    if (value.includes('$') || !KNOWN_KEYS.has(key)) {
      if (!KNOWN_KEYS.has(key)) {
        const guess = closestMatch(key, [...KNOWN_KEYS]);
        problems.push(`A mount has no key "${written}"${guess ? `; did you mean "${guess}"?` : `; it accepts ${[...KNOWN_KEYS].join(', ')}.`}`);
      }
      if (key === 'type') type = undefined;
      continue;
    }
    switch (key) {
      case 'type':
        type = value.toLowerCase();
        if (!(MOUNT_TYPES as readonly string[]).includes(type)) {
          problems.push(`Unknown mount type "${value}"; use one of ${MOUNT_TYPES.join(', ')}.`);
          return { type: undefined, target, problems };
        }
        break;
      case 'ro':
      case 'rw':
        if (!GO_BOOL.has(value)) problems.push(`${written} takes true or false, not "${value}".`);
        break;
      case 'required':
        if (type !== undefined && !REQUIRABLE.has(type)) problems.push(`A ${type} mount does not take "required"; only secret and ssh mounts do.`);
        else if (!GO_BOOL.has(value)) problems.push(`required takes true or false, not "${value}".`);
        break;
      case 'size':
        if (type !== undefined && type !== 'tmpfs') problems.push(`A ${type} mount does not take "size"; only tmpfs mounts do.`);
        else if (!RAM_SIZE.test(value)) problems.push(`size takes a byte count such as 64m or 1g, not "${value}".`);
        break;
      case 'sharing':
        if (!SHARING.includes(value.toLowerCase())) problems.push(`sharing is one of ${SHARING.join(', ')}, not "${value}".`);
        break;
      case 'mode':
        if (!isUint32(value, 8)) problems.push(`mode takes octal permissions such as 0400, not "${value}".`);
        break;
      case 'uid':
      case 'gid':
        if (!isUint32(value, 10)) problems.push(`${key} takes a number, not "${value}".`);
        break;
    }
  }
  if (type === undefined) return { type, target, problems };
  for (const key of ['mode', 'uid', 'gid']) {
    if (given.has(key) && !OWNED.has(type)) problems.push(`A ${type} mount does not take "${key}"; only secret, ssh and cache mounts do.`);
  }
  if (given.has('sharing') && type !== 'cache') problems.push(`A ${type} mount does not take "sharing"; only cache mounts do.`);
  if (type === 'secret') {
    if (given.has('from')) problems.push('A secret mount does not take "from"; the secret comes from the build command (--secret).');
    if (!given.has('source') && !given.has('target') && !given.has('id')) problems.push('A secret mount needs id=<id> (or target=<path>) to name the secret.');
    if (given.has('source') && given.has('id')) problems.push('A secret mount takes either id or source, not both.');
  }
  if (type === 'ssh' && given.has('source')) problems.push('An ssh mount does not take "source"; name the agent socket with id=<id>.');
  return { type, target, problems };
}
