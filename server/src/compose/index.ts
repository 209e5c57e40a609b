/**
 * Docker Compose files. The Compose Specification schema (bundled, offline) gives completion,
 * hover text and validation through yaml-language-server in-process (yamlSchema/); our own rules
 * (rules/, ids `compose/…`) check what the schema cannot: names across services and files, ports,
 * durations, interpolation, paths on disk, the Dockerfile's stages (read through the dockerfile
 * module). Hover keys `compose:service`, `compose:field/services.*.ports`… (keys.ts). A document
 * is parsed once per version, by yaml-language-server's parser, and every feature reads that
 * parse; inside a service's body, completion hands yaml-language-server that service only
 * (focus.ts). Hover, completion and diagnostics answer with promises. No LSP connection imports,
 * no IO (files come through ctx.workspace). Never throws on any input.
 */
import type { LanguageModule } from '../workspace';
import { complete } from './complete';
import { diagnose } from './diagnose';
import { hoverTarget } from './hover';
import { definition } from './navigation';
import { noteKeys } from './noteKeys';
import { RULES } from './rules';

export const language: LanguageModule = {
  rules: RULES.map((r) => r.meta),
  commentPrefix: () => '#',
  hoverTarget,
  complete,
  diagnose,
  definition,
  noteKeys,
};
