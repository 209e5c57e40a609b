/**
 * Helm charts: chart model, values lookup, template hover keys, completion, rules. Uses gotmpl for parsing.
 * No LSP connection imports, no IO (files come through ctx.workspace). Never throws on any input.
 * (Foundation stub: the helm issue fills it in.)
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
