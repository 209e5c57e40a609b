import { TextDocument } from 'vscode-languageserver-textdocument';
import type { RuleMeta, Settings } from '../common';
import { COMMON_RULES, withLineFeeds } from '../common';
import { language as compose } from '../compose';
import { language as dockerfile } from '../dockerfile';
import { language as helm } from '../helm';
import { language as kubernetes } from '../kubernetes';
import { notesFileLanguage } from '../notesfile';
import { classifyDocument, type DocumentKind, type LanguageModule, type ServiceContext, type SourceDocument } from '../workspace';

/** A language: the document kinds its module serves, and the setting that turns it on. */
interface Language {
  kinds: readonly DocumentKind[];
  /** Other kinds of document this language completes in, because its documents can start there. */
  startsIn?: readonly DocumentKind[];
  enabled: (settings: Settings) => boolean;
  module: LanguageModule;
}

/**
 * Every language, in the order its rules are listed. Adding a language is one entry here:
 * everything in services/ goes through this table. A module loads its data (the Kubernetes
 * schema) on its first document, so a session that never opens a manifest never loads it.
 */
const LANGUAGES: readonly Language[] = [
  { kinds: ['dockerfile'], enabled: (s) => s.dockerfile.enable, module: dockerfile },
  // A new manifest starts in a YAML file that holds no manifest yet (completion of kind skeletons).
  { kinds: ['kubernetes'], startsIn: ['yaml'], enabled: (s) => s.kubernetes.enable, module: kubernetes },
  { kinds: ['helm-template', 'helm-chart', 'helm-values'], enabled: (s) => s.helm.enable, module: helm },
  { kinds: ['compose'], enabled: (s) => s.compose.enable, module: compose },
  // Notes files check their tags against the keys every other language produces.
  { kinds: ['notes'], enabled: () => true, module: notesFileLanguage(() => ({ modules: LANGUAGES.map((l) => l.module), rules: allRules() })) },
];

/** The module that serves a kind of document, or `undefined` when the kind is left alone or disabled. */
export function moduleFor(ctx: ServiceContext, kind: DocumentKind): LanguageModule | undefined {
  const language = LANGUAGES.find((l) => l.kinds.includes(kind));
  return language?.enabled(ctx.settings) ? language.module : undefined;
}

/** Classifies a document once per version (and per change of the workspace or the notes, which say where notes files are). */
export function sourceDocument(ctx: ServiceContext, doc: TextDocument): SourceDocument {
  const kind = ctx.cache.get('kind', doc.uri, `${doc.version}@${ctx.workspace.generation}@${ctx.notes.generation}`, () =>
    classifyDocument(ctx.workspace, doc.uri, doc.languageId, doc.getText(), ctx.notes.has(doc.uri)),
  );
  return { doc: withoutLoneCarriageReturns(ctx, doc), kind };
}

const LONE_CARRIAGE_RETURN = /\r(?!\n)/;

/**
 * The document the modules read: the editor's, or — when it holds a lone `\r` (see withLineFeeds) —
 * the same text with line feeds there, made once per text. Positions are the same in both.
 */
function withoutLoneCarriageReturns(ctx: ServiceContext, doc: TextDocument): TextDocument {
  const text = doc.getText();
  // Asked on every request: the scan is kept per text (an unchanged document hands back the same
  // string, so the check is a comparison of references), and a copy made only for the rare text that needs one.
  if (!ctx.cache.get('lone-carriage-return', doc.uri, text, () => LONE_CARRIAGE_RETURN.test(text))) return doc;
  return ctx.cache.get('line-feeds', doc.uri, text, () => TextDocument.create(doc.uri, doc.languageId, doc.version, withLineFeeds(text)));
}

/** The document with the module that serves it, or `undefined` when nobody does. */
export function route(ctx: ServiceContext, doc: TextDocument): { src: SourceDocument; module: LanguageModule } | undefined {
  const src = sourceDocument(ctx, doc);
  const module = moduleFor(ctx, src.kind);
  return module ? { src, module } : undefined;
}

/** The document with the module that completes it: the one that serves it, else one whose documents can start in it. */
export function routeCompletion(ctx: ServiceContext, doc: TextDocument): { src: SourceDocument; module: LanguageModule } | undefined {
  const src = sourceDocument(ctx, doc);
  const language = LANGUAGES.find((l) => l.kinds.includes(src.kind)) ?? LANGUAGES.find((l) => l.startsIn?.includes(src.kind));
  return language?.enabled(ctx.settings) ? { src, module: language.module } : undefined;
}

/** Every rule of every module, in a stable order (for settings, SARIF and docs). */
export function allRules(): RuleMeta[] {
  return [...COMMON_RULES, ...LANGUAGES.flatMap((l) => l.module.rules)];
}

/** Rules by id, built once from the modules' constant rule tables (policy asks per finding, hover per rule). */
const RULES_BY_ID: ReadonlyMap<string, RuleMeta> = new Map(allRules().map((r) => [r.id, r]));

export function ruleMeta(id: string): RuleMeta | undefined {
  return RULES_BY_ID.get(id);
}

/** Whether the document's module keeps a workspace index (the editor builds it once such a document is open). */
export function usesWorkspaceIndex(ctx: ServiceContext, doc: TextDocument): boolean {
  return route(ctx, doc)?.module.indexStep !== undefined;
}

/** Builds the enabled modules' workspace indexes until `stop()` says so; true when all are complete. */
export function indexStep(ctx: ServiceContext, stop: () => boolean): boolean {
  return LANGUAGES.every((l) => !l.enabled(ctx.settings) || !l.module.indexStep || l.module.indexStep(ctx, stop));
}

/** A file whose index summary another thread makes; `language` numbers its module in LANGUAGES, the same table in every thread. */
export interface OffThreadJob {
  language: number;
  uri: string;
  stamp: number;
}

/** Starts an index pass of every enabled module that can summarise files on another thread; its jobs for that thread. */
export function offThreadIndexJobs(ctx: ServiceContext): OffThreadJob[] {
  return LANGUAGES.flatMap((l, language) => {
    const offThread = l.enabled(ctx.settings) ? l.module.indexOffThread : undefined;
    return offThread ? offThread.queue(ctx).map((uri) => ({ language, uri, stamp: ctx.workspace.fileStamp(uri) })) : [];
  });
}

/** On the other thread: the job's summary of the file's disk text (see OffThreadIndex.summarise). */
export function summariseOffThread(job: OffThreadJob, text: string | undefined): unknown {
  return LANGUAGES[job.language]?.module.indexOffThread?.summarise(text);
}

export function acceptOffThread(ctx: ServiceContext, job: OffThreadJob, summary: unknown): void {
  LANGUAGES[job.language]?.module.indexOffThread?.accept(ctx, job.uri, job.stamp, summary);
}
