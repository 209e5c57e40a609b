/**
 * Notes files as a language: a file under a notes path, or any Markdown file with a
 * `<!-- keys: … -->` tag. In tags: completion of the keys hovers produce, a hover saying which
 * hovers a tag brings its section to, and a warning on a tag none does. The key catalogue is what
 * the language modules say of their own keys (`LanguageModule.noteKeys`) plus every rule id; the
 * caller hands the modules in, so this folder depends on none of them. Also the subjects ("Add to
 * My Notes") a hover key gives. No LSP connection imports, no IO. Never throws on any input.
 */
import type { Finding } from '../common';
import type { LanguageModule, ServiceContext, SourceDocument } from '../workspace';
import { type KeySources, keyForms } from './catalogue';
import { complete } from './complete';
import { hoverTarget } from './hover';
import { RULES } from './rules';
import { tagComments } from './tags';

export type { KeySources } from './catalogue';
export { noteSubjects } from './subject';

/** The tag comments of a document version. */
function commentsOf(ctx: ServiceContext, src: SourceDocument) {
  return ctx.cache.get('notes-file-tags', src.doc.uri, src.doc.version, () => tagComments(src.doc.getText()));
}

/** The notes-file language, over the key catalogue that `sources` gives (every module and rule). */
export function notesFileLanguage(sources: () => KeySources): LanguageModule {
  return {
    rules: RULES.map((r) => r.meta),
    // Ignore comments are read in `#` and Go-template comments only; a notes tag is fixed, not silenced.
    commentPrefix: () => undefined,
    hoverTarget: (ctx, src, pos) => hoverTarget(src, pos, commentsOf(ctx, src), keyForms(ctx, sources)),
    complete: (ctx, src, pos) => complete(src, pos, commentsOf(ctx, src), keyForms(ctx, sources)),
    diagnose(ctx, src): Finding[] {
      const subject = { doc: src.doc, comments: commentsOf(ctx, src), forms: keyForms(ctx, sources) };
      return RULES.flatMap((rule) => rule.check(subject));
    },
  };
}
