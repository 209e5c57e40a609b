/**
 * Every notes-file rule. One rule per file; each file says when it fires and why it matters. A rule
 * is given the document's tag comments and every form of key a hover produces (`Rule<TaggedNotes>`).
 */
import type { Rule } from '../../common';
import type { TaggedNotes } from './rule';
import { unknownKey } from './unknownKey';

export type { TaggedNotes } from './rule';

export const RULES: ReadonlyArray<Rule<TaggedNotes>> = [unknownKey];
