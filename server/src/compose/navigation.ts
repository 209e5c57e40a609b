import type { Location, Position, Range } from 'vscode-languageserver-types';
import { isScalar } from 'yaml';
import { dirname, offsetOf } from '../common';
import type { ServiceContext, SourceDocument } from '../workspace';
import { buildOf, stagesOf } from './build';
import { composeFile, type ComposeFile, get, items, mergedFiles, nodeRange, pairOf, resolvePath, text } from './model';
import { holds, resourceReferences, serviceReferences } from './references';

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function at(file: ComposeFile, node: Parameters<typeof nodeRange>[1]): Location {
  return { uri: file.doc.uri, range: nodeRange(file, node) };
}

/** Where a service or resource name is defined: this file first, then the Compose files merged with it. */
function definitionsOf(ctx: ServiceContext, file: ComposeFile, find: (f: ComposeFile) => Parameters<typeof nodeRange>[1] | undefined): Location[] {
  for (const f of mergedFiles(ctx, file)) {
    const node = find(f);
    if (node) return [at(f, node)];
  }
  return [];
}

/** From a build context, Dockerfile path or target to the Dockerfile (its stage, for a target). */
function buildDefinition(ctx: ServiceContext, file: ComposeFile, offset: number): Location[] {
  for (const service of file.services) {
    const build = buildOf(file, service);
    const key = pairOf(service.node, 'build')?.key;
    if (!build?.dockerfile || !key) continue;
    const onTarget = build.targetNode && holds(build.targetNode, offset);
    const onBuild = [key, build.contextNode, build.dockerfileNode].some((n) => n && holds(n, offset));
    if (!onTarget && !onBuild) continue;
    if (!ctx.workspace.exists(build.dockerfile)) return [];
    const target = text(build.targetNode)?.toLowerCase();
    const stage = onTarget ? stagesOf(ctx, build.dockerfile)?.find((s) => s.name?.toLowerCase() === target) : undefined;
    return [{ uri: build.dockerfile, range: stage?.nameRange ?? START }];
  }
  return [];
}

/** From an env_file path to the file. */
function envFileDefinition(ctx: ServiceContext, file: ComposeFile, offset: number): Location[] {
  for (const service of file.services) {
    const node = get(service.node, 'env_file');
    for (const entry of isScalar(node) ? [node] : items(node)) {
      const pathNode = isScalar(entry) ? entry : get(entry, 'path');
      const path = text(pathNode);
      const uri = path === undefined ? undefined : resolvePath(dirname(file.doc.uri), path);
      if (pathNode && holds(pathNode, offset) && uri && ctx.workspace.exists(uri)) return [{ uri, range: START }];
    }
  }
  return [];
}

/**
 * Go to definition: a service named in depends_on, links or extends → its definition; a network,
 * volume, secret or config → its top-level entry; build (its context, dockerfile or target) → the
 * Dockerfile (the stage, for a target); an env_file → the file.
 */
export function definition(ctx: ServiceContext, src: SourceDocument, pos: Position): Location[] {
  const file = composeFile(ctx, src.doc);
  const offset = offsetOf(src.doc, pos);
  const service = serviceReferences(file).find((r) => holds(r.node, offset));
  if (service) return definitionsOf(ctx, file, (f) => f.services.find((s) => s.name === service.name)?.key);
  const resource = resourceReferences(file).find((r) => holds(r.node, offset));
  if (resource) return definitionsOf(ctx, file, (f) => f.defined[resource.section].get(resource.name));
  const build = buildDefinition(ctx, file, offset);
  return build.length ? build : envFileDefinition(ctx, file, offset);
}
