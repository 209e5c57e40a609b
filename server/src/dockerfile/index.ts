/**
 * Dockerfiles, on dockerfile-ast: hover keys and reference docs, completion, rules, navigation.
 * The document is parsed once per version (`getModel`, through ctx.cache); every feature reads
 * that model. No LSP connection imports, no IO. Never throws on any input.
 */
import type { Finding } from '../common';
import type { LanguageModule, ServiceContext, SourceDocument } from '../workspace';
import { withoutSkipped } from './checkDirective';
import { complete } from './complete';
import { hoverTarget } from './hover';
import { definition, folding, prepareRename, references, rename, symbols } from './navigation';
import { noteKeys } from './noteKeys';
import { RULES } from './rules';
import { getModel } from './parse';

// Compose reads a service's Dockerfile (its stages, for `build.target`) through the same model.
export { getModel };
export type { Stage } from './model';

function diagnose(ctx: ServiceContext, src: SourceDocument): Finding[] {
  const model = getModel(ctx, src);
  // A truncated analysis would report an instruction cut in half; say nothing instead.
  return model.truncated
    ? []
    : withoutSkipped(
        model,
        RULES.flatMap((rule) => rule.check(model)),
      );
}

export const language: LanguageModule = {
  rules: RULES.map((r) => r.meta),
  commentPrefix: () => '#',
  hoverTarget,
  complete,
  diagnose,
  definition,
  references,
  prepareRename,
  rename,
  symbols,
  folding,
  noteKeys,
};
