/**
 * The `containerNotes.*` settings as the services see them. The client contributes the same keys
 * in package.json; `mergeSettings` accepts any partial, untrusted object (from
 * workspace/configuration, initializationOptions or a project config file) and never throws.
 */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type RuleLevel = Severity | 'off';
export type NotesLanguage = 'auto' | 'en' | 'zh-cn';

export interface Settings {
  notes: {
    /** The user's notes: files or folders, absolute or relative to the first workspace folder. */
    paths: string[];
    /** Show the notes bundled with the extension as well as the user's own. */
    bundled: boolean;
    /** Language of the bundled notes; `auto` follows the editor's display language. */
    language: NotesLanguage;
  };
  hover: {
    /** How many note sections one hover shows at most; the next few are listed as links. */
    maxSections: number;
    /** A longer section is cut at a paragraph or code block to about this many display lines (its title line included), with a link to the rest. */
    maxSectionLines: number;
  };
  dockerfile: { enable: boolean };
  kubernetes: {
    enable: boolean;
    version: string;
    /** Custom resources of popular operators get schemas from the bundled catalog when no CRD in the workspace defines them. */
    crdCatalog: boolean;
  };
  helm: { enable: boolean };
  compose: { enable: boolean };
  /** Per-rule level, e.g. `{ "dockerfile/latest-tag": "off" }`. */
  rules: Record<string, RuleLevel>;
  /** Require a reason after `--` in ignore comments. */
  requireIgnoreReason: boolean;
  /** Path-based ignores from project config files (`.container-notes.yaml`); editors never set them. */
  ignores: ConfigIgnore[];
  trace: { server: 'off' | 'messages' | 'verbose' };
}

/** `ignore: [{ rule, paths, reason }]` from a project config: the rule is off for matching files. */
export interface ConfigIgnore {
  /** A rule pattern: an id, `*`, or `<lang>/*`. */
  rule: string;
  /** gitignore-style patterns relative to `root`; empty means every file below it. */
  paths: string[];
  reason?: string;
  /** The folder URI of the config file the entry came from. */
  root: string;
}

/**
 * The bundled Kubernetes schemas (dist/schemas/kubernetes-<v>.json, see scripts/k8sSchema.mjs), newest
 * (the default) first: every minor from 1.30 up that a published kubernetes-models release was
 * generated from (the script's SOURCES comment lists the mapping).
 */
export const KUBERNETES_VERSIONS = ['1.36', '1.33'] as const;

/** The `1.N` minor a version names (`1.33`, `v1.33`, `1.33.2`); `undefined` when it is not a Kubernetes version. */
export function kubernetesMinor(version: string): string | undefined {
  const match = /^v?1\.(\d+)(?:\.\d+)?$/.exec(version.trim());
  return match ? `1.${Number(match[1])}` : undefined;
}

/**
 * The bundled version that stands for `wanted`: its own minor when bundled, else the bundled minor
 * nearest to it, the newer one on a tie, so `1.35` is checked as 1.36 and `1.31` as 1.33;
 * `undefined` when `wanted` is not a version.
 */
export function nearestKubernetesVersion(wanted: string): string | undefined {
  const minor = kubernetesMinor(wanted);
  if (!minor) return undefined;
  const distance = (version: string) => Math.abs(Number(version.split('.')[1]) - Number(minor.split('.')[1]));
  // Newest first, and only a strictly nearer version replaces the pick: a tie keeps the newer one.
  return KUBERNETES_VERSIONS.reduce((best, version) => (distance(version) < distance(best) ? version : best));
}

export function defaultSettings(): Settings {
  return {
    notes: { paths: [], bundled: true, language: 'auto' },
    hover: { maxSections: 2, maxSectionLines: 14 },
    dockerfile: { enable: true },
    kubernetes: {
      enable: true,
      version: KUBERNETES_VERSIONS[0],
      crdCatalog: true,
    },
    helm: { enable: true },
    compose: { enable: true },
    rules: {},
    requireIgnoreReason: false,
    ignores: [],
    trace: { server: 'off' },
  };
}

const LEVELS: readonly string[] = ['error', 'warning', 'info', 'hint', 'off'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function pick<T>(value: unknown, fallback: T, ok: (v: unknown) => boolean): T {
  return ok(value) ? (value as T) : fallback;
}

const isBool = (v: unknown) => typeof v === 'boolean';
const isString = (v: unknown) => typeof v === 'string';
const isPositiveInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v > 0;

/** Overlay `input` (any shape) on `base`; unknown keys and wrongly typed values are ignored. */
export function mergeSettings(base: Settings, input: unknown): Settings {
  if (!isRecord(input)) return base;
  const section = (name: string): Record<string, unknown> => (isRecord(input[name]) ? (input[name] as Record<string, unknown>) : {});
  const notes = section('notes');
  const hover = section('hover');
  const rules: Record<string, RuleLevel> = { ...base.rules };
  for (const [id, level] of Object.entries(section('rules'))) {
    if (typeof level === 'string' && LEVELS.includes(level)) rules[id] = level as RuleLevel;
  }
  const paths = Array.isArray(notes.paths) ? notes.paths.filter(isString) : typeof notes.paths === 'string' ? [notes.paths] : base.notes.paths;
  return {
    notes: {
      paths: paths as string[],
      bundled: pick(notes.bundled, base.notes.bundled, isBool),
      language: pick(notes.language, base.notes.language, (v) => v === 'auto' || v === 'en' || v === 'zh-cn'),
    },
    // `notes.maxSections` and `notes.maxLines` are the deprecated names of the hover settings: read when the new ones are not set.
    hover: {
      maxSections: pick(hover.maxSections ?? notes.maxSections, base.hover.maxSections, isPositiveInt),
      maxSectionLines: pick(hover.maxSectionLines ?? notes.maxLines, base.hover.maxSectionLines, isPositiveInt),
    },
    dockerfile: { enable: pick(section('dockerfile').enable, base.dockerfile.enable, isBool) },
    kubernetes: {
      enable: pick(section('kubernetes').enable, base.kubernetes.enable, isBool),
      version: pick(section('kubernetes').version, base.kubernetes.version, isString),
      crdCatalog: pick(section('kubernetes').crdCatalog, base.kubernetes.crdCatalog, isBool),
    },
    helm: { enable: pick(section('helm').enable, base.helm.enable, isBool) },
    compose: { enable: pick(section('compose').enable, base.compose.enable, isBool) },
    rules,
    requireIgnoreReason: pick(input.requireIgnoreReason, base.requireIgnoreReason, isBool),
    ignores: base.ignores,
    trace: { server: pick(section('trace').server, base.trace.server, (v) => v === 'off' || v === 'messages' || v === 'verbose') },
  };
}
