// Fires once per YAML document that does not parse, at the first error, and for input that is
// not checked at all (binary data, alias bombs, oversized files). Nothing else in such a
// document is checked, so one clear message replaces a cascade of confusing ones.
import type { Rule, RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { parseCheck } from './rule';

const meta: RuleMeta = {
  id: 'k8s/yaml-syntax',
  severity: 'error',
  basis: 'refused:api-server',
  title: 'The YAML does not parse',
  help: 'Fix the YAML at the position shown: indentation with spaces (never tabs), a `:` after each key, closed brackets and quotes.',
};

export const yamlSyntax: Rule<ManifestFile> = { meta, check: parseCheck(meta, 'yaml-syntax') };
