// Fires on the top-level `version`. The Compose Specification ignores it (Compose prints a warning
// on every run) and it no longer selects a file format, so it only misleads readers about which
// features the file may use.
import { finding, type Rule, type RuleMeta } from '../../common';
import { nodeRange, pairOf } from '../model';
import type { ComposeCheck } from './rule';

const meta: RuleMeta = {
  id: 'compose/obsolete-version',
  severity: 'warning',
  basis: 'practice',
  title: 'The top-level version is obsolete',
  help: 'Delete the version line: Compose reads every file by the current Compose Specification.',
};

export const obsoleteVersion: Rule<ComposeCheck> = {
  meta,
  check: ({ file }) => {
    const pair = pairOf(file.root, 'version');
    if (!pair?.key.range) return [];
    const range = nodeRange(file, pair.key);
    // The whole line, and its line break, go.
    const lineStart = { line: range.start.line, character: 0 };
    const fix = {
      title: 'Delete the obsolete version',
      preferred: true,
      edits: [{ range: { start: lineStart, end: { line: range.start.line + 1, character: 0 } }, newText: '' }],
    };
    return [finding(meta, range, 'The top-level "version" is obsolete and ignored by Compose. Delete it.', [fix])];
  },
};
