import type { Argument, Flag, From, Instruction, ParserDirective } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { commandsOf, leadingFlagsLength, type Command } from './shell';
import { flagsOf, parseDockerfile } from './ast';
export { flagNameRange, flagsOf } from './ast';

/**
 * The parsed Dockerfile plus what every feature needs from it: instructions tagged with their
 * stage, stages with their names, and ARG/ENV definitions. Built once per document version.
 */

export interface Step {
  instruction: Instruction;
  /** Upper-case keyword as written (`RUN`), even when the source uses another case. */
  keyword: string;
  /** Index into `stages`, or -1 for instructions before the first FROM. */
  stage: number;
  /** The arguments after the flags (read lazily, once: dockerfile-ast recomputes them on every call). */
  readonly args: Argument[];
  /** The flags (read lazily, once). */
  readonly flags: Flag[];
  /** The raw text after the keyword, flags included. */
  raw: string;
}

/** The parts of an image reference such as `registry.example.com/team/app:1.2@sha256:...`. */
export interface ImageRef {
  text: string;
  range: Range;
  /** Repository without tag and digest, e.g. `team/app`, registry included. */
  name: string;
  registry: string | null;
  tag: string | null;
  tagRange: Range | null;
  digest: string | null;
}

export interface Stage {
  index: number;
  from: From;
  /** The name after AS as written, or null. */
  name: string | null;
  nameRange: Range | null;
  /** The base image text (`golang:1.22`, `${BASE}`, `build`). */
  image: string;
  imageRef: ImageRef | null;
  /** The earlier stage this one is built on, when `image` names one. */
  parent: number | undefined;
  steps: Step[];
}

export interface VariableDefinition {
  name: string;
  nameRange: Range;
  value: string | null;
  kind: 'ARG' | 'ENV';
  /** -1 for ARGs before the first FROM (global scope). */
  stage: number;
  line: number;
}

/** A `$NAME` / `${NAME}` use inside an instruction. */
export interface VariableUse {
  name: string;
  /** The range of the name only. */
  range: Range;
  /** What follows the name inside `${...}` (`:-default`, `:+alt`, ...), or null. */
  modifier: string | null;
  step: Step;
}

const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)([^}\n]*)\}?|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Variable uses in an instruction's text. Written here rather than taken from dockerfile-ast's
 * getVariables(), whose cost grows with the whole file for every instruction.
 */
function scanVariables(doc: TextDocument, text: string, escape: string, step: Step, start: number, end: number): VariableUse[] {
  const uses: VariableUse[] = [];
  const slice = text.slice(start, end);
  if (!slice.includes('$')) return uses;
  VARIABLE.lastIndex = 0;
  for (let m = VARIABLE.exec(slice); m; m = VARIABLE.exec(slice)) {
    if (m.index > 0 && slice[m.index - 1] === escape) continue;
    const name = m[1] ?? m[3];
    const nameStart = start + m.index + (m[1] ? 2 : 1);
    uses.push({ name, range: { start: doc.positionAt(nameStart), end: doc.positionAt(nameStart + name.length) }, modifier: m[1] && m[2] ? m[2] : null, step });
  }
  return uses;
}

export interface DockerfileModel {
  /** The document as analysed: the editor's document, or its first MAX_ANALYZED_LENGTH characters. */
  doc: TextDocument;
  /** True when the document was too large and only its beginning was analysed. */
  truncated: boolean;
  text: string;
  escape: string;
  directives: ParserDirective[];
  steps: Step[];
  stages: Stage[];
  definitions: VariableDefinition[];
  /** Definitions per stage index (-1: global ARGs), in source order. */
  definitionsByStage: ReadonlyMap<number, VariableDefinition[]>;
  /** The first stage of each lower-cased name. */
  stageNames: ReadonlyMap<string, Stage>;
  uses: VariableUse[];
  /** Shell-form RUN instructions with their simple commands. */
  runs: Array<{ step: Step; commands: Command[] }>;
}

/** Instructions the builder knows, for keyword checks and completion. */
export const KEYWORDS = [
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
] as const;

/** Stage names are case-insensitive for the builder. */
export function stageKey(name: string): string {
  return name.toLowerCase();
}

/** The (first) stage named `name`, case-insensitively, if it comes before index `before`. */
export function findStage(stageNames: ReadonlyMap<string, Stage>, name: string, before = Infinity): Stage | undefined {
  const stage = stageNames.get(stageKey(name));
  return stage && stage.index < before ? stage : undefined;
}

/** The ARG/ENV definitions of one stage (-1: the global ARGs). */
export function definitionsOf(model: Pick<DockerfileModel, 'definitionsByStage'>, stage: number): readonly VariableDefinition[] {
  return model.definitionsByStage.get(stage) ?? [];
}

function createStep(instruction: Instruction, keyword: string, stage: number, raw: string): Step {
  let args: Argument[] | undefined;
  let flags: Flag[] | undefined;
  return {
    instruction,
    keyword,
    stage,
    raw,
    get args() {
      return (args ??= instruction.getArguments());
    },
    get flags() {
      // Most instructions have no flags; only those that do pay for dockerfile-ast's re-read.
      return (flags ??= leadingFlagsLength(raw) > 0 ? flagsOf(instruction) : []);
    },
  };
}

/** Splits an image reference into registry, repository, tag and digest. */
function parseImageRef(doc: TextDocument, arg: Argument): ImageRef {
  const text = arg.getValue();
  const range = arg.getRange();
  const start = doc.offsetAt(range.start);
  const at = text.indexOf('@');
  const beforeDigest = at < 0 ? text : text.slice(0, at);
  const colon = beforeDigest.lastIndexOf(':');
  const hasTag = colon > beforeDigest.lastIndexOf('/');
  const name = hasTag ? beforeDigest.slice(0, colon) : beforeDigest;
  const first = name.split('/')[0];
  const registry = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : null;
  return {
    text,
    range,
    name,
    registry,
    tag: hasTag ? beforeDigest.slice(colon + 1) : null,
    tagRange: hasTag ? { start: doc.positionAt(start + colon + 1), end: doc.positionAt(start + beforeDigest.length) } : null,
    digest: at < 0 ? null : text.slice(at + 1),
  };
}

/**
 * Real Dockerfiles are a few kilobytes; dockerfile-ast needs about a second per megabyte. Beyond
 * this size only the beginning (cut at a line end) is analysed, so a huge or generated file
 * cannot stall the server.
 */
export const MAX_ANALYZED_LENGTH = 512 * 1024;

/** Parses the whole document. */
export function buildModel(original: TextDocument): DockerfileModel {
  const truncated = original.getText().length > MAX_ANALYZED_LENGTH;
  const doc = truncated ? prefixDocument(original) : original;
  const ast = parseDockerfile(doc.getText());
  return assemble(doc, truncated, ast.getInstructions(), ast.getDirectives(), ast.getEscapeCharacter());
}

/** What an incremental re-parse keeps from the previous version for unchanged instructions. */
export interface Reuse {
  /** Steps of the kept instructions (their memoized arguments survive). */
  steps: ReadonlyMap<Instruction, Step>;
  /** Variable uses of kept steps (line/character ranges stay valid). */
  uses: ReadonlyMap<Step, VariableUse[]>;
  /** Shell commands of kept RUN steps, with offsets moved to the new text. */
  commands(step: Step): Command[] | undefined;
}

/** The model from parsed instructions; `reuse` carries over what unchanged instructions had. */
export function assemble(
  doc: TextDocument,
  truncated: boolean,
  instructions: readonly Instruction[],
  directives: ParserDirective[],
  escape: string,
  reuse?: Reuse,
): DockerfileModel {
  const text = doc.getText();
  const steps: Step[] = [];
  const stages: Stage[] = [];
  const definitions: VariableDefinition[] = [];
  const definitionsByStage = new Map<number, VariableDefinition[]>();
  const stageNames = new Map<string, Stage>();
  const uses: VariableUse[] = [];
  for (const instruction of instructions) {
    const old = reuse?.steps.get(instruction);
    const keyword = old?.keyword ?? instruction.getKeyword().toUpperCase();
    const raw = old?.raw ?? text.slice(doc.offsetAt(instruction.getInstructionRange().end), doc.offsetAt(instruction.getRange().end));
    const step = old ?? createStep(instruction, keyword, stages.length - (keyword === 'FROM' ? 0 : 1), raw);
    if (keyword === 'FROM') {
      const from = instruction as From;
      const args = step.args;
      const imageRef = args[0] ? parseImageRef(doc, args[0]) : null;
      const image = imageRef?.text ?? '';
      const parent = image ? findStage(stageNames, image)?.index : undefined;
      const named = args.length === 3 && args[1].getValue().toUpperCase() === 'AS';
      const stage: Stage = {
        index: stages.length,
        from,
        name: named ? args[2].getValue() : null,
        nameRange: named ? args[2].getRange() : null,
        image,
        imageRef,
        parent,
        steps: [],
      };
      stages.push(stage);
      if (stage.name && !stageNames.has(stageKey(stage.name))) stageNames.set(stageKey(stage.name), stage);
    }
    steps.push(step);
    stages[step.stage]?.steps.push(step);
    if (keyword === 'ARG' || keyword === 'ENV') {
      for (const p of (
        instruction as unknown as { getProperties(): Array<{ getName(): string; getNameRange(): Range; getValue(): string | null }> }
      ).getProperties()) {
        const definition: VariableDefinition = {
          name: p.getName(),
          nameRange: p.getNameRange(),
          value: p.getValue(),
          kind: keyword,
          stage: step.stage,
          line: p.getNameRange().start.line,
        };
        definitions.push(definition);
        const list = definitionsByStage.get(step.stage);
        if (list) list.push(definition);
        else definitionsByStage.set(step.stage, [definition]);
      }
    }
    uses.push(
      ...((old && reuse?.uses.get(old)) ??
        scanVariables(doc, text, escape, step, doc.offsetAt(instruction.getInstructionRange().end), doc.offsetAt(instruction.getRange().end))),
    );
  }
  const partial = { doc, truncated, text, escape, directives, steps, stages, definitions, definitionsByStage, stageNames, uses };
  const runs = steps.filter((s) => s.keyword === 'RUN').map((step) => ({ step, commands: reuse?.commands(step) ?? commandsOf(partial, step.instruction) }));
  return { ...partial, runs };
}

/** The document's text up to the last line end within MAX_ANALYZED_LENGTH. */
function prefixDocument(doc: TextDocument): TextDocument {
  const text = doc.getText();
  const cut = text.lastIndexOf('\n', MAX_ANALYZED_LENGTH);
  return TextDocument.create(doc.uri, doc.languageId, doc.version, text.slice(0, cut < 0 ? MAX_ANALYZED_LENGTH : cut + 1));
}

/**
 * How many ancestor stages pass their ENVs down. Real files have a handful; the cap keeps a
 * pathological chain of thousands of `FROM previous` stages linear.
 */
const MAX_INHERITED_STAGES = 64;

/** Definitions visible at `line` of `stage`: ENVs of ancestor stages, then the stage's own before the line. */
export function definitionsInScope(model: DockerfileModel, stage: number, line: number): VariableDefinition[] {
  const own = definitionsOf(model, stage).filter((d) => d.line < line);
  const inherited: VariableDefinition[] = [];
  let parent = model.stages[stage]?.parent;
  for (let depth = 0; parent !== undefined && depth < MAX_INHERITED_STAGES; depth++, parent = model.stages[parent].parent) {
    inherited.unshift(...definitionsOf(model, parent).filter((d) => d.kind === 'ENV'));
  }
  return [...inherited, ...own];
}

/** The global ARGs declared before `line`. */
export function globalDefinitions(model: DockerfileModel, line = Infinity): VariableDefinition[] {
  return definitionsOf(model, -1).filter((d) => d.line < line);
}

/** The definition a use at `line` in `stage` resolves to (the latest in scope), if any. */
export function resolveDefinition(model: DockerfileModel, name: string, stage: number, line: number): VariableDefinition | undefined {
  // FROM lines (and instructions before the first FROM) see only the global ARGs.
  const onFromLine = stage < 0 || model.stages[stage].from.getRange().start.line === line;
  const scope = onFromLine ? globalDefinitions(model, line) : definitionsInScope(model, stage, line);
  const found = [...scope].reverse().find((d) => d.name === name);
  // `ARG NAME` without a value inside a stage takes the global default.
  if (found && found.kind === 'ARG' && found.value === null && found.stage >= 0) {
    return definitionsOf(model, -1).find((d) => d.name === name && d.value !== null) ?? found;
  }
  return found;
}

/** A path written in a WORKDIR or a mount target, without the quotes BuildKit removes when it expands the word. */
export function unquotePath(text: string): string {
  return text.replace(/^(["'])(.*)\1$/, '$2');
}

/**
 * Stands for the working directory a base image sets, which this file cannot see: `?` is that
 * directory and `?/src` a folder below it. Any absolute WORKDIR replaces it.
 */
export const UNKNOWN_DIR = '?';

/** `path` (absolute, or relative to `dir`) with `.` and `..` resolved; `..` never climbs above the first segment. */
function resolvePath(dir: string, path: string): string {
  const segments = path.startsWith('/') ? [] : dir.split('/').filter(Boolean);
  const root = path.startsWith('/') || !dir.startsWith(UNKNOWN_DIR) ? '/' : UNKNOWN_DIR;
  if (root === UNKNOWN_DIR) segments.shift();
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') segments.pop();
    else segments.push(part);
  }
  return root === '/' ? `/${segments.join('/')}` : [UNKNOWN_DIR, ...segments].join('/');
}

/**
 * The working directory `step` runs in, as BuildKit resolves it (each WORKDIR relative to the one
 * before, frontend/dockerfile/dockerfile2llb/convert.go dispatchWorkdir): the WORKDIRs of its
 * stage before it and of the stages it builds on, starting from `/` for a chain that starts from
 * scratch and from UNKNOWN_DIR for one that starts from an image. A WORKDIR with a variable makes
 * it UNKNOWN_DIR again.
 */
export function workingDirectory(model: DockerfileModel, step: Step): string {
  const chain: Stage[] = [];
  for (let s: number | undefined = step.stage; s !== undefined && s >= 0 && chain.length < MAX_INHERITED_STAGES; s = model.stages[s].parent) {
    chain.unshift(model.stages[s]);
  }
  let dir = chain[0]?.image.toLowerCase() === 'scratch' ? '/' : UNKNOWN_DIR;
  for (const stage of chain) {
    for (const s of stage.steps) {
      if (s === step) break;
      if (s.keyword !== 'WORKDIR' || !s.args[0]) continue;
      const path = unquotePath(s.args[0].getValue());
      dir = path.includes('$') ? UNKNOWN_DIR : resolvePath(dir, path);
    }
  }
  return dir;
}

/** Where a path written in a step lands: resolved against the step's working directory. */
export function resolveInStage(model: DockerfileModel, step: Step, path: string): string {
  return resolvePath(workingDirectory(model, step), path);
}
