// Fires when a map repeats a key. YAML forbids it and the tools that accept it keep only the last
// value, so the first one silently disappears (often a second `env:` or `labels:` block).
import type { RuleMeta } from '../../common';
import { findingAt, type Rule } from '../rule';

export const meta: RuleMeta = {
  id: 'k8s/duplicate-key',
  severity: 'error',
  title: 'A key appears twice in one map',
  help: 'Merge the two entries into one key, or remove the one you do not mean.',
};

export const rule: Rule = {
  meta,
  checkFile: (rc) => rc.parsed.problems.filter((p) => p.code === 'duplicate-key').map((p) => findingAt(rc, meta, [p.start, p.end], p.message)),
};
