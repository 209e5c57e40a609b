// Fires when a map repeats a key. YAML forbids it and the tools that accept it keep only the last
// value, so the first one silently disappears (often a second `env:` or `labels:` block).
import type { Rule, RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { parseCheck } from './rule';

const meta: RuleMeta = {
  id: 'k8s/duplicate-key',
  severity: 'error',
  basis: 'refused:api-server',
  title: 'A key appears twice in one map',
  help: 'Merge the two entries into one key, or remove the one you do not mean.',
};

export const duplicateKey: Rule<ManifestFile> = { meta, check: parseCheck(meta, 'duplicate-key') };
