/**
 * Kubernetes manifests, on yaml and yaml-language-server: bundled schema, hover keys, completion, rules.
 * No LSP connection imports, no IO (files come through ctx.workspace). Never throws on any input.
 * (Foundation stub: the kubernetes issue fills it in.)
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
