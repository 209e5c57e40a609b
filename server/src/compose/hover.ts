import type { Scalar } from 'yaml';
import type { Position } from 'vscode-languageserver-types';
import { codeSpan, offsetOf, sanitizeMarkdown } from '../common';
import type { HoverTarget, ServiceContext, SourceDocument } from '../workspace';
import { describe, factsMarkdown } from '../yamlSchema';
import { fieldKeys } from './keys';
import { locate, type Located } from './locate';
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
 * keys (keys.ts) and what the Compose Specification schema says about it. Worked out once per
 * node and version: the schema's text is sanitised on a Markdown parser, and hovers repeat.
 */
export function hoverTarget(ctx: ServiceContext, src: SourceDocument, pos: Position): Promise<HoverTarget | null> {
  const file = composeFile(ctx, src.doc);
  const offset = offsetOf(src.doc, pos);
  const at = locate(file.root, offset);
  if (!at) return Promise.resolve(null);
  const targets = ctx.cache.get('compose-hover', src.doc.uri, src.doc.version, () => new Map<Scalar, Promise<HoverTarget | null>>());
  let target = targets.get(at.node);
  if (!target) targets.set(at.node, (target = targetOf(ctx, src, file, at, offset)));
  return target;
}

async function targetOf(ctx: ServiceContext, src: SourceDocument, file: ComposeFile, at: Located, offset: number): Promise<HoverTarget | null> {
  const range = nodeRange(file, at.node);
  const service = serviceAt(file, offset);
  if (service) return { range, keys: ['compose:service'], reference: serviceSummary(service) };
  const keys = fieldKeys(at.path);
  const facts = await describe(ctx, COMPOSE_SCHEMA, src.doc, offset);
  return facts ? { range, keys, reference: factsMarkdown(at.path.join('.'), facts) } : { range, keys };
}
