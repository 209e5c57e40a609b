import data from './reference.json';

/**
 * The Dockerfile reference (instructions, flags, mount types and keys, parser directives and
 * predefined build args) is data in reference.json; this file only types it and renders Markdown.
 * The same table drives hover, completion and the unknown-flag / flag-value rules.
 */

export interface FlagDoc {
  value: string;
  doc: string;
  /** Allowed or suggested values, for completion and value checks. */
  values?: string[];
}

export interface InstructionDoc {
  syntax: string;
  summary: string;
  snippet: string;
  /** Topic keys listed after the instruction key, as note fallbacks. */
  topics?: string[];
  flags?: Record<string, FlagDoc>;
}

export interface MountTypeDoc {
  doc: string;
  keys: Record<string, string>;
}

interface Reference {
  instructions: Record<string, InstructionDoc>;
  mountTypes: Record<string, MountTypeDoc>;
  mountKeyAliases: Record<string, string>;
  directives: Record<string, { value: string; doc: string }>;
  predefinedArgs: Record<string, string>;
}

export const REFERENCE: Reference = data;

export function instructionDoc(keyword: string): InstructionDoc | undefined {
  return Object.hasOwn(REFERENCE.instructions, keyword) ? REFERENCE.instructions[keyword] : undefined;
}

/** A switch may stand alone (`--link`); a value, when given, is true or false. */
export function isSwitch(doc: FlagDoc): boolean {
  return doc.value === '[=true|false]';
}

/**
 * Instructions whose flags the builder parses: those the reference gives flags. CMD and
 * ENTRYPOINT have none, because a `--x` there belongs to the program.
 */
export function hasFlags(keyword: string): boolean {
  return Object.keys(instructionDoc(keyword)?.flags ?? {}).length > 0;
}

export function flagDoc(keyword: string, flag: string): FlagDoc | undefined {
  const flags = instructionDoc(keyword)?.flags;
  return flags && Object.hasOwn(flags, flag) ? flags[flag] : undefined;
}

export function mountTypeDoc(type: string): MountTypeDoc | undefined {
  return Object.hasOwn(REFERENCE.mountTypes, type) ? REFERENCE.mountTypes[type] : undefined;
}

/** The canonical name of a mount key (`dst` → `target`). */
export function canonicalMountKey(key: string): string {
  return Object.hasOwn(REFERENCE.mountKeyAliases, key) ? REFERENCE.mountKeyAliases[key] : key;
}

export function instructionMarkdown(keyword: string): string | undefined {
  const d = instructionDoc(keyword);
  return d && `**${keyword}**\n\n\`\`\`\n${d.syntax}\n\`\`\`\n\n${d.summary}`;
}

export function flagMarkdown(keyword: string, flag: string): string | undefined {
  const d = flagDoc(keyword, flag);
  return d && `**${keyword} --${flag}**\`=${d.value}\`\n\n${d.doc}`;
}

export function mountMarkdown(type: string, key?: string): string | undefined {
  const t = mountTypeDoc(type);
  if (!t) return undefined;
  if (key !== undefined) {
    const canonical = canonicalMountKey(key);
    const doc = Object.hasOwn(t.keys, canonical) ? t.keys[canonical] : undefined;
    return doc && `**RUN --mount=type=${type}** key \`${key}\`\n\n${doc}`;
  }
  const keys = Object.keys(t.keys)
    .map((k) => `\`${k}\``)
    .join(', ');
  return `**RUN --mount=type=${type}**\n\n${t.doc}\n\nKeys: ${keys}.`;
}

export function directiveMarkdown(name: string): string | undefined {
  const d = Object.hasOwn(REFERENCE.directives, name) ? REFERENCE.directives[name] : undefined;
  return d && `**# ${name}=** ${d.value} (parser directive)\n\n${d.doc}`;
}

export function predefinedArgDoc(name: string): string | undefined {
  return Object.hasOwn(REFERENCE.predefinedArgs, name) ? REFERENCE.predefinedArgs[name] : undefined;
}
