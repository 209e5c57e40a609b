import { DockerfileParser, type Dockerfile, type From, type Instruction, type ParserDirective, type Variable } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServiceContext, SourceDocument } from '../workspace';
import { commandsOf, type Command } from './shell';
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
}

export interface Stage {
  index: number;
  from: From;
  /** The name after AS as written, or null. */
  name: string | null;
  nameRange: Range | null;
  /** The base image text (`golang:1.22`, `${BASE}`, `build`). */
  image: string;
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
  variable: Variable;
  step: Step;
}

export interface DockerfileModel {
  doc: TextDocument;
  ast: Dockerfile;
  text: string;
  escape: string;
  directives: ParserDirective[];
  steps: Step[];
  stages: Stage[];
  definitions: VariableDefinition[];
  uses: VariableUse[];
  /** Shell-form RUN instructions with their simple commands. */
  runs: Array<{ step: Step; commands: Command[] }>;
}

/** Instructions the builder knows, for keyword checks and completion. */
export const KEYWORDS = [
  'FROM', 'RUN', 'CMD', 'ENTRYPOINT', 'ADD', 'COPY', 'EXPOSE', 'ENV', 'ARG', 'WORKDIR', 'USER',
  'VOLUME', 'LABEL', 'HEALTHCHECK', 'SHELL', 'ONBUILD', 'STOPSIGNAL', 'MAINTAINER',
] as const;

/** Stage names are case-insensitive for the builder. */
export function stageKey(name: string): string {
  return name.toLowerCase();
}

/** The stage named `name` (case-insensitive) among `stages`, optionally only those before index `before`. */
export function findStage(stages: readonly Stage[], name: string, before = Infinity): Stage | undefined {
  const key = stageKey(name);
  return stages.find((s) => s.index < before && s.name !== null && stageKey(s.name) === key);
}

function buildModel(doc: TextDocument): DockerfileModel {
  const text = doc.getText();
  const ast = DockerfileParser.parse(text);
  const steps: Step[] = [];
  const stages: Stage[] = [];
  const definitions: VariableDefinition[] = [];
  const uses: VariableUse[] = [];
  for (const instruction of ast.getInstructions()) {
    const keyword = instruction.getKeyword().toUpperCase();
    if (keyword === 'FROM') {
      const from = instruction as From;
      const image = from.getImage() ?? '';
      const parent = image ? findStage(stages, image)?.index : undefined;
      stages.push({ index: stages.length, from, name: from.getBuildStage(), nameRange: from.getBuildStageRange(), image, parent, steps: [] });
    }
    const step: Step = { instruction, keyword, stage: stages.length - 1 };
    steps.push(step);
    stages[step.stage]?.steps.push(step);
    if (keyword === 'ARG' || keyword === 'ENV') {
      for (const p of (instruction as unknown as { getProperties(): Array<{ getName(): string; getNameRange(): Range; getValue(): string | null }> }).getProperties()) {
        definitions.push({ name: p.getName(), nameRange: p.getNameRange(), value: p.getValue(), kind: keyword, stage: step.stage, line: p.getNameRange().start.line });
      }
    }
    for (const variable of instruction.getVariables()) uses.push({ variable, step });
  }
  const partial = { doc, ast, text, escape: ast.getEscapeCharacter(), directives: ast.getDirectives(), steps, stages, definitions, uses };
  const runs = steps.filter((s) => s.keyword === 'RUN').map((step) => ({ step, commands: commandsOf(partial, step) }));
  return { ...partial, runs };
}

/** The model of a document, parsed once per version. */
export function getModel(ctx: ServiceContext, src: SourceDocument): DockerfileModel {
  return ctx.cache.get('dockerfile', src.doc.uri, src.doc.version, () => buildModel(src.doc));
}

/** Definitions visible at `line` of `stage`: the stage's own (before the line) and ENVs of parent stages. */
export function definitionsInScope(model: DockerfileModel, stage: number, line: number): VariableDefinition[] {
  const own = model.definitions.filter((d) => d.stage === stage && d.line < line);
  const inherited: VariableDefinition[] = [];
  const seen = new Set<number>([stage]);
  for (let parent = model.stages[stage]?.parent; parent !== undefined && !seen.has(parent); parent = model.stages[parent]?.parent) {
    seen.add(parent);
    inherited.push(...model.definitions.filter((d) => d.stage === parent && d.kind === 'ENV'));
  }
  return [...inherited, ...own];
}

/** The definition a use at `line` in `stage` resolves to (the latest in scope), if any. */
export function resolveDefinition(model: DockerfileModel, name: string, stage: number, line: number): VariableDefinition | undefined {
  // FROM lines (and instructions before the first FROM) see only the global ARGs.
  const onFromLine = stage < 0 || model.stages[stage].from.getRange().start.line === line;
  const scope = onFromLine
    ? model.definitions.filter((d) => d.stage === -1 && d.line < line)
    : definitionsInScope(model, stage, line);
  const found = [...scope].reverse().find((d) => d.name === name);
  // `ARG NAME` without a value inside a stage takes the global default.
  if (found && found.kind === 'ARG' && found.value === null && found.stage >= 0) {
    return model.definitions.find((d) => d.stage === -1 && d.name === name && d.value !== null) ?? found;
  }
  return found;
}
