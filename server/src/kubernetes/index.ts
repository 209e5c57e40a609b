/**
 * Kubernetes manifests, on `yaml`: the bundled schema (generated at build time from
 * kubernetes-models, read through ctx.resources), per-document schema selection by
 * apiVersion/kind (CRDs in the workspace included), hover keys, completion and rules/.
 * No LSP connection imports, no IO (files come through ctx.workspace, bundled data through
 * ctx.resources). Never throws on any input.
 *
 * For Helm: `language.diagnose(ctx, { doc, kind: 'kubernetes' })` on a synthetic TextDocument
 * (template actions blanked, same offsets) runs every check; no rule assumes the document is a
 * workspace file.
 */
import type { LanguageModule } from '../workspace';
import { complete } from './complete';
import { diagnose } from './diagnose';
import { hoverTarget } from './hover';
import { noteKeys } from './noteKeys';
import { RULES } from './rules';
export { targetVersion } from './schema';
export { servesApi } from './served';
import { indexOffThread, indexStep } from './workspaceIndex';

// `satisfies`, not a type annotation: Helm calls `diagnose` and relies on its answer being immediate.
export const language = {
  rules: RULES.map((r) => r.meta),
  commentPrefix: () => '#',
  hoverTarget,
  complete,
  diagnose,
  indexStep,
  indexOffThread,
  noteKeys,
} satisfies LanguageModule;
