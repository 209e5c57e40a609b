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
import { RULES } from './rules';
import { getModel } from './parse';

/** Keys from docs/notes-keys.md "Keys the bundled notes cover" that this module produces. */
const NOTE_KEYS = [
  ...[
    'FROM',
    'RUN',
    'CMD',
    'ENTRYPOINT',
    'ADD',
    'COPY',
    'EXPOSE',
    'ENV',
    'ARG',
    'WORKDIR',
    'USER',
    'VOLUME',
    'LABEL',
    'HEALTHCHECK',
    'SHELL',
    'ONBUILD',
    'STOPSIGNAL',
    'MAINTAINER',
  ].map((k) => `docker:instruction/${k}`),
  ...['syntax', 'escape', 'check'].map((d) => `docker:directive/${d}`),
  ...['FROM --platform', 'RUN --mount', 'RUN --network', 'RUN --security', 'COPY --from', 'COPY --chown', 'COPY --link', 'ADD --checksum'].map(
    (f) => `docker:flag/${f}`,
  ),
  ...['image', 'container', 'registry', 'layers', 'build-context', 'dockerignore', 'multi-stage', 'env-replacement', 'run-publish'].map(
    (t) => `docker:topic/${t}`,
  ),
];

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
  noteKeys: () => [...NOTE_KEYS, ...RULES.map((r) => `rule:${r.meta.id}`)],
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
};
