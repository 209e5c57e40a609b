import type { Position } from 'vscode-languageserver-types';
import { codeBlock, codeSpan, sanitizeMarkdown } from '../common';
import type { HoverTarget, ServiceContext, SourceDocument } from '../workspace';
import { locate, type Located } from './locate';
import { resolveDefinition, type DockerfileModel, type Stage } from './model';
import { directiveMarkdown, flagMarkdown, instructionDoc, instructionMarkdown, mountMarkdown, predefinedArgDoc } from './reference';
import { getModel } from './parse';

/** Hover keys and reference text for the element under the cursor. */

function firstLine(model: DockerfileModel, line: number): string {
  return model.doc.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } }).replace(/\r?\n$/, '');
}

function variableHover(model: DockerfileModel, found: Extract<Located, { kind: 'variable' }>): HoverTarget {
  const line = found.range.start.line;
  const definition = found.definition ?? resolveDefinition(model, found.name, found.step.stage, line);
  if (definition) {
    const value = definition.value === null ? '_no default value_' : codeSpan(definition.value);
    const where =
      definition.stage < 0 ? 'before the first FROM (global build argument)' : `in stage ${model.stages[definition.stage]?.name ?? definition.stage}`;
    const reference = `**${definition.kind} ${codeSpan(definition.name)}** = ${value}\n\nSet on line ${definition.line + 1}, ${sanitizeMarkdown(where)}:\n\n${codeBlock(firstLine(model, definition.line).trim(), 'dockerfile')}`;
    return { range: found.range, keys: [`docker:instruction/${definition.kind}`, 'docker:topic/env-replacement'], reference };
  }
  const predefined = predefinedArgDoc(found.name);
  if (predefined) {
    return {
      range: found.range,
      keys: ['docker:instruction/ARG', 'docker:topic/env-replacement'],
      reference: `**${codeSpan(found.name)}** — predefined build argument\n\n${predefined}`,
    };
  }
  return {
    range: found.range,
    keys: ['docker:topic/env-replacement'],
    reference: `**${codeSpan(found.name)}** is not set by an ARG or ENV in scope here (the base image may set it).`,
  };
}

/** The parts of a base image reference, as the registry will read them. */
function imageReference(stage: Stage): string {
  const ref = stage.imageRef;
  const name = ref?.name ?? stage.image;
  const registry = ref?.registry ?? 'docker.io (Docker Hub)';
  const digest = ref?.digest ?? null;
  const tag = ref?.tag ?? (digest ? null : 'latest (implicit: no tag given)');
  const rows = [`- registry: ${sanitizeMarkdown(registry)}`, `- repository: ${codeSpan(name)}`];
  if (tag) rows.push(`- tag: ${sanitizeMarkdown(tag)}`);
  if (digest) rows.push(`- digest: ${codeSpan(digest)}`);
  return `**Base image** ${codeSpan(stage.image)}\n\n${rows.join('\n')}`;
}

function targetFor(model: DockerfileModel, found: Located): HoverTarget | null {
  switch (found.kind) {
    case 'directive': {
      const reference = directiveMarkdown(found.name);
      return reference ? { range: found.range, keys: [`docker:directive/${found.name}`], reference } : null;
    }
    case 'keyword': {
      const reference = instructionMarkdown(found.keyword);
      if (!reference) return null;
      return { range: found.range, keys: [`docker:instruction/${found.keyword}`, ...(instructionDoc(found.keyword)?.topics ?? [])], reference };
    }
    case 'flag': {
      const reference = flagMarkdown(found.keyword, found.flag);
      return reference
        ? { range: found.range, keys: [`docker:flag/${found.keyword} --${found.flag}`, `docker:instruction/${found.keyword}`], reference }
        : null;
    }
    case 'mount': {
      const reference = mountMarkdown(found.type, found.key);
      return reference ? { range: found.range, keys: ['docker:flag/RUN --mount', 'docker:instruction/RUN'], reference } : null;
    }
    case 'stage': {
      const line = found.stage.from.getRange().start.line;
      const label = found.stage.name ? codeSpan(found.stage.name) : String(found.stage.index);
      const reference = `**Build stage ${label}** (stage ${found.stage.index}, line ${line + 1})\n\n${codeBlock(firstLine(model, line).trim(), 'dockerfile')}`;
      const keys =
        found.via === 'from-flag'
          ? ['docker:flag/COPY --from', 'docker:topic/multi-stage']
          : found.via === 'mount-from'
            ? ['docker:flag/RUN --mount', 'docker:topic/multi-stage']
            : ['docker:topic/multi-stage', 'docker:instruction/FROM'];
      return { range: found.range, keys, reference };
    }
    case 'image':
      return { range: found.range, keys: ['docker:topic/image', 'docker:topic/registry', 'docker:instruction/FROM'], reference: imageReference(found.stage) };
    case 'variable':
      return variableHover(model, found);
  }
}

export function hoverTarget(ctx: ServiceContext, src: SourceDocument, pos: Position): HoverTarget | null {
  const model = getModel(ctx, src);
  const found = locate(model, pos);
  return found ? targetFor(model, found) : null;
}
