// Fires on a label or annotation key that is not `[prefix/]name` (prefix: a DNS subdomain of at
// most 253 characters; name: at most 63 alphanumerics, `-`, `_`, `.`, starting and ending
// alphanumeric) and on a label value longer than 63 characters or with other characters. The API
// server rejects the whole object.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { metadataMaps } from '../metadataMaps';
import { entries, scalar } from '../nodes';
import type { KubeObject } from '../parse';
import { eachObject, nodeRange } from './rule';

const meta: RuleMeta = {
  id: 'k8s/label-syntax',
  severity: 'error',
  basis: 'refused:api-server',
  title: 'A label or annotation key or value is malformed',
  help: 'Keys are `[prefix/]name`: prefix a DNS subdomain (lowercase, ≤ 253), name ≤ 63 characters of letters, digits, `-`, `_`, `.`, starting and ending with a letter or digit. Label values follow the name rule and may be empty.',
};

const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** What is wrong with a label/annotation key, or `undefined` when it is fine. */
function keyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !SUBDOMAIN.test(prefix)))
    return `the prefix "${prefix}" is not a lowercase DNS subdomain of at most 253 characters`;
  if (name.length === 0 || name.length > 63) return `the name part must be 1–63 characters (it has ${name.length})`;
  if (!NAME.test(name)) return `the name part "${name}" may hold only letters, digits, -, _ and . and must start and end with a letter or digit`;
  return undefined;
}

function checkObject(file: ManifestFile, obj: KubeObject): Finding[] {
  const out: Finding[] = [];
  for (const { labels, annotations } of metadataMaps(obj)) {
    for (const [kind, map] of [
      ['Label', labels],
      ['Annotation', annotations],
    ] as const) {
      for (const e of entries(map)) {
        const problem = keyProblem(e.key);
        if (problem) out.push(finding(meta, nodeRange(file, e.keyNode), `${kind} key "${e.key}" is invalid: ${problem}.`));
      }
    }
    for (const e of entries(labels)) {
      const value = scalar(e.value);
      if (value === null || value === undefined) continue;
      const text = String(value);
      if (text.length > 63)
        out.push(finding(meta, nodeRange(file, e.value), `Label value is ${text.length} characters; the limit is 63. Shorten it or move it to an annotation.`));
      else if (text !== '' && !NAME.test(text))
        out.push(
          finding(
            meta,
            nodeRange(file, e.value),
            `Label value "${text}" may hold only letters, digits, -, _ and . and must start and end with a letter or digit.`,
          ),
        );
    }
  }
  return out;
}

export const labelSyntax: Rule<ManifestFile> = { meta, check: eachObject(checkObject) };
