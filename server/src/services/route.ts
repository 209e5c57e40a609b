import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RuleMeta } from '../common';
import { COMMON_RULES } from '../common';
import { language as dockerfile } from '../dockerfile';
import { language as helm } from '../helm';
import { language as kubernetes } from '../kubernetes';
import { classifyDocument, type DocumentKind, type LanguageModule, type ServiceContext, type SourceDocument } from '../workspace';

const MODULES = { dockerfile, kubernetes, helm } as const;

/** The module that serves a kind of document, or `undefined` when the kind is left alone or disabled. */
export function moduleFor(ctx: ServiceContext, kind: DocumentKind): LanguageModule | undefined {
  switch (kind) {
    case 'dockerfile':
      return ctx.settings.dockerfile.enable ? MODULES.dockerfile : undefined;
    case 'kubernetes':
      return ctx.settings.kubernetes.enable ? MODULES.kubernetes : undefined;
    case 'helm-template':
    case 'helm-chart':
    case 'helm-values':
      return ctx.settings.helm.enable ? MODULES.helm : undefined;
    default:
      return undefined;
  }
}

/** Classifies a document once per version. */
export function sourceDocument(ctx: ServiceContext, doc: TextDocument): SourceDocument {
  const kind = ctx.cache.get('kind', doc.uri, `${doc.version}@${ctx.workspace.generation}`, () =>
    classifyDocument(ctx.workspace, doc.uri, doc.languageId, doc.getText()),
  );
  return { doc, kind };
}

/** The document with the module that serves it, or `undefined` when nobody does. */
export function route(ctx: ServiceContext, doc: TextDocument): { src: SourceDocument; module: LanguageModule } | undefined {
  const src = sourceDocument(ctx, doc);
  const module = moduleFor(ctx, src.kind);
  return module ? { src, module } : undefined;
}

/** Every rule of every module, in a stable order (for settings, SARIF and docs). */
export function allRules(): RuleMeta[] {
  return [...COMMON_RULES, ...MODULES.dockerfile.rules, ...MODULES.kubernetes.rules, ...MODULES.helm.rules];
}

/** Rules by id, built once from the modules' constant rule tables (policy asks per finding, hover per rule). */
const RULES_BY_ID: ReadonlyMap<string, RuleMeta> = new Map(allRules().map((r) => [r.id, r]));

export function ruleMeta(id: string): RuleMeta | undefined {
  return RULES_BY_ID.get(id);
}

/** Every notes key the modules can produce, for the bundled-notes coverage test. */
export function allNoteKeys(): string[] {
  const rules = allRules().map((r) => `rule:${r.id}`);
  return [...MODULES.dockerfile.noteKeys(), ...MODULES.kubernetes.noteKeys(), ...MODULES.helm.noteKeys(), ...rules];
}

/** Lets every enabled module load its data before the first request (the session calls it after start-up). */
export function warmUp(ctx: ServiceContext): void {
  for (const module of Object.values(MODULES)) module.warmUp?.(ctx);
}
