// Fires when a known flag has a value the builder rejects: an unknown mount type or mount key, a
// cache/bind/tmpfs mount without target, `--network`/`--security` outside their choices, a
// HEALTHCHECK duration or retry count that does not parse, a malformed `--chmod` or `--checksum`,
// or a flag that needs a value and has none. Values using `$VARIABLES` are left alone.
import type { Flag } from 'dockerfile-ast';
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import { flagNameRange, type DockerfileModel } from '../model';
import { canonicalMountKey, flagDoc, hasFlags, isSwitch, mountTypeDoc, REFERENCE } from '../reference';

const meta: RuleMeta = {
  id: 'dockerfile/invalid-flag-value',
  severity: 'error',
  basis: 'refused:buildkit',
  title: 'Invalid flag value',
  help: "The builder parses flag values strictly; see the flag's hover for what it accepts.",
};

const DURATION = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$|^0$/;
const BOOLEAN = /^(?:true|false|1|0|t|f|TRUE|FALSE|True|False)$/;
const OCTAL = /^[0-7]{3,4}$/;
const SYMBOLIC = /^[ugoa]*[-+=][rwxXst]*(?:,[ugoa]*[-+=][rwxXst]*)*$/;
const CHECKSUM = /^sha(?:256|384|512):[0-9a-fA-F]+$/;
const MOUNT_BOOLEANS = new Set(['ro', 'rw', 'required']);
const TARGET_REQUIRED = new Set(['bind', 'cache', 'tmpfs']);

function mountProblems(flag: Flag): string[] {
  const options = flag.getOptions();
  const type = options.find((o) => o.getName() === 'type')?.getValue() ?? 'bind';
  const typeDoc = mountTypeDoc(type);
  if (!typeDoc) return [`Unknown mount type \`${type}\`; use one of ${Object.keys(REFERENCE.mountTypes).join(', ')}.`];
  const problems: string[] = [];
  for (const option of options) {
    const key = canonicalMountKey(option.getName());
    if (key === 'type') continue;
    if (!Object.hasOwn(typeDoc.keys, key))
      problems.push(`A ${type} mount has no key \`${option.getName()}\`; it accepts ${Object.keys(typeDoc.keys).join(', ')}.`);
    else if (key === 'sharing' && !['shared', 'private', 'locked'].includes(option.getValue() ?? ''))
      problems.push('`sharing` is one of shared, private, locked.');
    else if (MOUNT_BOOLEANS.has(key) && option.getValue() !== null && !BOOLEAN.test(option.getValue()!))
      problems.push(`\`${option.getName()}\` takes true or false.`);
  }
  if (TARGET_REQUIRED.has(type) && !options.some((o) => canonicalMountKey(o.getName()) === 'target')) problems.push(`A ${type} mount needs \`target=<path>\`.`);
  return problems;
}

function problems(keyword: string, flag: Flag): string[] {
  const name = flag.getName();
  const doc = flagDoc(keyword, name);
  if (!doc) return [];
  const value = flag.getValue();
  if (value === null) return isSwitch(doc) ? [] : [`--${name} needs a value: \`--${name}=${doc.value}\`.`];
  if (value.includes('$')) return [];
  if (isSwitch(doc)) return BOOLEAN.test(value) ? [] : [`--${name} takes true or false.`];
  switch (name) {
    case 'mount':
      return keyword === 'RUN' ? mountProblems(flag) : [];
    case 'network':
    case 'security':
      return doc.values!.includes(value) ? [] : [`--${name} must be one of ${doc.values!.join(', ')}.`];
    case 'interval':
    case 'timeout':
    case 'start-period':
    case 'start-interval':
      return DURATION.test(value) ? [] : [`--${name} needs a duration such as 30s, 1m30s or 500ms.`];
    case 'retries':
      return /^\d+$/.test(value) ? [] : ['--retries needs a whole number (0 means the default, 3).'];
    case 'chmod':
      return OCTAL.test(value) || SYMBOLIC.test(value) ? [] : ['--chmod needs octal permissions such as 755 or a symbolic mode such as u=rwx,go=rx.'];
    case 'checksum':
      return CHECKSUM.test(value) ? [] : ['--checksum needs a digest such as sha256:<64 hex digits>.'];
    default:
      return value === '' ? [`--${name} needs a value: \`--${name}=${doc.value}\`.`] : [];
  }
}

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const step of model.steps) {
    if (!hasFlags(step.keyword)) continue;
    for (const flag of step.flags) {
      for (const message of problems(step.keyword, flag)) out.push(finding(meta, flag.getValueRange() ?? flagNameRange(flag), message));
    }
  }
  return out;
}

export const invalidFlagValue: Rule<DockerfileModel> = { meta, check };
