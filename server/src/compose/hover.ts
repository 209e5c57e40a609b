import type { Position } from 'vscode-languageserver-types';
import { codeSpan, offsetOf, sanitizeMarkdown } from '../common';
import type { HoverTarget, ServiceContext, SourceDocument } from '../workspace';
import { describe, factsMarkdown } from '../yamlSchema';
import { fieldKeys } from './keys';
import { locate } from './locate';
import { composeFile, type ComposeFile, get, nodeRange, type Service, text } from './model';
import { holds, serviceReferences } from './references';
import { COMPOSE_SCHEMA } from './schema';

/** A service in a line or two: its image or build, and what it waits for. */
function serviceSummary(service: Service): string {
  const image = text(get(service.node, 'image'));
  const build = get(service.node, 'build');
  const facts = ['service', ...(image ? [`image ${codeSpan(image)}`] : []), ...(build ? ['built here'] : [])];
  return `**${sanitizeMarkdown(service.name)}** · ${facts.join(' · ')}`;
}

function serviceAt(file: ComposeFile, offset: number): Service | undefined {
  const defined = file.services.find((s) => holds(s.key, offset));
  if (defined) return defined;
  const reference = serviceReferences(file).find((r) => holds(r.node, offset));
  return reference ? file.services.find((s) => s.name === reference.name) : undefined;
}

/**
 * Hover keys and reference text. On a service's name, or a service named in depends_on, links or
 * extends: `compose:service` and the service in short. On any other key or value: the field's
 * keys (keys.ts) and what the Compose Specification schema says about it.
 */
export async function hoverTarget(ctx: ServiceContext, src: SourceDocument, pos: Position): Promise<HoverTarget | null> {
  const file = composeFile(ctx, src.doc);
  const offset = offsetOf(src.doc, pos);
  const service = serviceAt(file, offset);
  const at = locate(file.root, offset);
  if (service && at) return { range: nodeRange(file, at.node), keys: ['compose:service'], reference: serviceSummary(service) };
  if (!at) return null;
  const keys = fieldKeys(at.path);
  const facts = await describe(ctx, COMPOSE_SCHEMA, src.doc, offset);
  if (!facts) return { range: nodeRange(file, at.node), keys };
  return { range: nodeRange(file, at.node), keys, reference: factsMarkdown(at.path.join('.'), facts) };
}
