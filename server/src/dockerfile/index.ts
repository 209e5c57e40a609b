/**
 * Dockerfiles, on dockerfile-ast: hover keys and reference docs, completion, rules, navigation.
 * No LSP connection imports, no IO (files come through ctx.workspace). Never throws on any input.
 * (Foundation stub: the dockerfile issue fills it in.)
 */
import type { LanguageModule } from '../workspace';

export const language: LanguageModule = {
  rules: [],
  noteKeys: () => [],
  commentPrefix: () => '#',
  hoverTarget: () => null,
  complete: () => [],
  diagnose: () => [],
};
