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
import { warmUp } from './warmUp';

export const language: LanguageModule = {
  rules: RULES.map((r) => r.meta),
  commentPrefix: () => '#',
  hoverTarget,
  complete,
  diagnose,
  warmUp,
  noteKeys,
};
