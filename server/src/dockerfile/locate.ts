import type { Flag, Instruction, Onbuild } from 'dockerfile-ast';
import type { Position, Range } from 'vscode-languageserver-types';
import { containsPosition } from '../common';
import { flagNameRange, flagsOf, type DockerfileModel, type Stage, type Step, findStage, type VariableDefinition } from './model';

/**
 * What sits at a position: the syntax element hover, definition, references and rename act on.
 */
export type Located =
  | { kind: 'directive'; name: string; range: Range }
  | { kind: 'keyword'; keyword: string; range: Range }
  | { kind: 'flag'; keyword: string; flag: string; range: Range }
  | { kind: 'mount'; type: string; key?: string; range: Range }
  | { kind: 'stage'; stage: Stage; range: Range; via: 'from-flag' | 'mount-from' | 'image' | 'name' }
  | { kind: 'image'; stage: Stage; range: Range }
  | { kind: 'variable'; name: string; range: Range; step: Step; definition?: VariableDefinition };

/** The instruction (or ONBUILD trigger) containing `pos`, with the step it belongs to. */
export function stepAt(model: DockerfileModel, pos: Position): { step: Step; instruction: Instruction } | undefined {
  for (const step of model.steps) {
    const range = step.instruction.getRange();
    if (pos.line < range.start.line) return undefined;
    if (!containsPosition(range, pos)) continue;
    if (step.keyword === 'ONBUILD') {
      const trigger = (step.instruction as Onbuild).getTriggerInstruction();
      if (trigger && containsPosition(trigger.getRange(), pos)) return { step, instruction: trigger };
    }
    return { step, instruction: step.instruction };
  }
  return undefined;
}

function mountAt(flag: Flag, pos: Position): Located | undefined {
  const options = flag.getOptions();
  const type = options.find((o) => o.getName() === 'type')?.getValue() ?? 'bind';
  const hit = options.find((o) => containsPosition(o.getRange(), pos));
  if (!hit) return undefined;
  if (hit.getName() === 'type') return { kind: 'mount', type, range: hit.getRange() };
  return { kind: 'mount', type, key: hit.getName(), range: hit.getNameRange() };
}

function stageRef(
  model: DockerfileModel,
  name: string | null,
  range: Range | null,
  before: number,
  via: 'from-flag' | 'mount-from' | 'image',
): Located | undefined {
  if (!name || !range) return undefined;
  const stage = findStage(model.stageNames, name, before);
  return stage ? { kind: 'stage', stage, range, via } : undefined;
}

function flagAt(model: DockerfileModel, step: Step, keyword: string, flag: Flag, pos: Position): Located | undefined {
  const nameRange = flagNameRange(flag);
  if (containsPosition(nameRange, pos)) return { kind: 'flag', keyword, flag: flag.getName(), range: nameRange };
  const valueRange = flag.getValueRange();
  if (!valueRange || !containsPosition(valueRange, pos)) return undefined;
  if (flag.getName() === 'from') return stageRef(model, flag.getValue(), valueRange, step.stage + 1, 'from-flag');
  if (flag.getName() === 'mount') {
    const option = flag.getOptions().find((o) => o.getName() === 'from' && o.getValueRange() && containsPosition(o.getValueRange()!, pos));
    if (option) return stageRef(model, option.getValue(), option.getValueRange(), step.stage + 1, 'mount-from');
    return mountAt(flag, pos);
  }
  return undefined;
}

export function locate(model: DockerfileModel, pos: Position): Located | undefined {
  for (const d of model.directives) {
    if (containsPosition(d.getNameRange(), pos)) return { kind: 'directive', name: d.getName().toLowerCase(), range: d.getNameRange() };
  }
  const at = stepAt(model, pos);
  if (!at) return undefined;
  const { step, instruction } = at;
  const keyword = instruction.getKeyword().toUpperCase();
  if (containsPosition(instruction.getInstructionRange(), pos)) return { kind: 'keyword', keyword, range: instruction.getInstructionRange() };
  for (const flag of flagsOf(instruction)) {
    const found = flagAt(model, step, keyword, flag, pos);
    if (found) return found;
  }
  const use = model.uses.find((u) => u.step === step && containsPosition(u.range, pos));
  if (use) return { kind: 'variable', name: use.name, range: use.range, step };
  const definition = model.definitions.find((d) => containsPosition(d.nameRange, pos));
  if (definition) return { kind: 'variable', name: definition.name, range: definition.nameRange, step, definition };
  if (keyword === 'FROM' && step.instruction === instruction) {
    const stage = model.stages[step.stage];
    if (stage.nameRange && containsPosition(stage.nameRange, pos)) return { kind: 'stage', stage, range: stage.nameRange, via: 'name' };
    const imageRange = stage.imageRef?.range;
    if (imageRange && containsPosition(imageRange, pos))
      return stageRef(model, stage.image, imageRange, stage.index, 'image') ?? { kind: 'image', stage, range: imageRange };
  }
  return undefined;
}
