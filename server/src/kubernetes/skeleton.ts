import { deref, itemSchema, type JsonSchema, type KindInfo, type KubeSchema } from './schema';

const MAX_DEPTH = 6;

/**
 * A snippet with apiVersion, kind, metadata.name and every required field below (spec included
 * when it holds required fields), placeholders numbered in order.
 */
export function skeleton(schema: KubeSchema, info: KindInfo): string {
  const counter = { n: 1 };
  const lines = [`apiVersion: ${info.apiVersion}`, `kind: ${info.kind}`, 'metadata:', `  name: \${${counter.n++}:name}`];
  const root = deref(schema.definitions, { $ref: `#/definitions/${info.ref}` });
  const spec = root?.properties?.spec;
  if (spec) {
    const body = requiredLines(schema.definitions, spec, 1, counter, 0);
    if (body.length > 0) lines.push('spec:', ...body);
  }
  return lines.join('\n') + '\n';
}

function requiredLines(definitions: Record<string, JsonSchema>, raw: JsonSchema, indent: number, counter: { n: number }, depth: number): string[] {
  const schema = deref(definitions, raw);
  if (!schema || depth > MAX_DEPTH) return [];
  const pad = '  '.repeat(indent);
  const out: string[] = [];
  for (const name of wanted(definitions, schema)) {
    const raw = schema.properties?.[name];
    const prop = deref(definitions, raw);
    if (!prop) continue;
    if (raw?.$ref?.endsWith('.LabelSelector')) {
      out.push(`${pad}${name}:`, `${pad}  matchLabels:`, `${pad}    app: \${${counter.n++}:app}`);
      continue;
    }
    if (prop.type === 'array') {
      const item = itemSchema(definitions, prop);
      const inner = item?.properties ? requiredLines(definitions, item, indent + 2, counter, depth + 1) : [];
      if (inner.length > 0) out.push(`${pad}${name}:`, `${pad}  - ${inner[0].trimStart()}`, ...inner.slice(1));
      else out.push(`${pad}${name}:`, `${pad}  - \${${counter.n++}}`);
    } else if (prop.type === 'object' || prop.properties) {
      const inner = requiredLines(definitions, prop, indent + 1, counter, depth + 1);
      out.push(inner.length > 0 ? `${pad}${name}:` : `${pad}${name}: {}`, ...inner);
    } else {
      out.push(`${pad}${name}: \${${counter.n++}}`);
    }
  }
  return out;
}

/** Required fields, plus the optional `spec`/`template` maps that lead to required ones (a pod template's containers). */
function wanted(definitions: Record<string, JsonSchema>, schema: JsonSchema): string[] {
  const required = schema.required ?? [];
  const leading = ['template', 'spec'].filter((name) => !required.includes(name) && (deref(definitions, schema.properties?.[name])?.required?.length ?? 0) > 0);
  return [...required, ...leading];
}
