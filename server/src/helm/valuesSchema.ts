import { basename, joinUri } from '../common';
import type { ServiceContext, SourceDocument } from '../workspace';
import type { InlineSchema, JSONSchema, SchemaSource } from '../yamlSchema';
import { type ChartModel, chartOf } from './chart';
import chartSchema from './data/chartSchema.json';

/**
 * A chart's values.schema.json, which `helm lint`, `install` and `template` check the values
 * against, and the bundled schema of Chart.yaml. The schema file is workspace text (untrusted): it
 * is read through the workspace (bounded, regular files only), parsed once per change of the file,
 * and a file that cannot be read or parsed gives a problem to report, never an exception.
 */

/** Chart.yaml (apiVersion v2) as the Helm documentation describes it (data/chartSchema.json says where from). */
export const CHART_SCHEMA: InlineSchema = { uri: 'container-notes:/helm/chart.json', version: 0, schema: chartSchema as JSONSchema };

/** Largest schema read; real ones are under 200 KB, and a larger one is generated, not written. */
const MAX_SCHEMA_CHARS = 1024 * 1024;

/**
 * The values schema of a chart: the whole schema for values.yaml, and the schema without
 * `required` for the other values files, which Helm merges over values.yaml (an override file
 * sets only what it changes).
 */
export interface ValuesSchema {
  uri: string;
  full: InlineSchema;
  partial: InlineSchema;
}

/** A values.schema.json that is there but cannot be used, and why, in plain words. */
export interface BrokenValuesSchema {
  uri: string;
  problem: string;
}

/** `required` lists removed everywhere (a property named `required` stays: it is an object). */
function withoutRequired(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRequired);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, v]) => !(key === 'required' && Array.isArray(v)))
      .map(([key, v]) => [key, withoutRequired(v)]),
  );
}

function load(ctx: ServiceContext, uri: string, version: number): ValuesSchema | BrokenValuesSchema | undefined {
  const text = ctx.workspace.read(uri);
  const name = basename(uri);
  if (text === undefined) return ctx.workspace.exists(uri) ? { uri, problem: `${name} could not be read (not a regular file, or too large).` } : undefined;
  if (text.length > MAX_SCHEMA_CHARS) return { uri, problem: `${name} is larger than ${MAX_SCHEMA_CHARS / 1024} KB; the values are not checked against it.` };
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (e) {
    return { uri, problem: `${name} is not valid JSON (${(e as Error).message}); the values are not checked against it.` };
  }
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema))
    return { uri, problem: `${name} is not a JSON Schema (an object); the values are not checked against it.` };
  return {
    uri,
    full: { uri, version, schema: schema as JSONSchema },
    partial: { uri: `${uri}.partial`, version, schema: withoutRequired(schema) as JSONSchema },
  };
}

/** The chart's values schema, a problem with it, or `undefined` when the chart has none. */
export function valuesSchemaOf(ctx: ServiceContext, chart: ChartModel): ValuesSchema | BrokenValuesSchema | undefined {
  const uri = joinUri(chart.root, 'values.schema.json');
  const version = ctx.workspace.fileStamp(uri);
  return ctx.cache.get('helm-values-schema', uri, version, () => load(ctx, uri, version));
}

/** Whether a values file is the chart's values.yaml (the defaults), not an override merged over it. */
export function isDefaultValues(chart: ChartModel, uri: string): boolean {
  return uri === joinUri(chart.root, 'values.yaml');
}

/** The schema a values file is checked against: all of it for values.yaml, without `required` for the others. */
export function schemaForValuesFile(chart: ChartModel, schema: ValuesSchema, uri: string): InlineSchema {
  return isDefaultValues(chart, uri) ? schema.full : schema.partial;
}

/** The schema of Chart.yaml or a values file (when its chart has a usable values.schema.json). */
export function schemaSourceOf(ctx: ServiceContext, src: SourceDocument): SchemaSource | undefined {
  if (src.kind === 'helm-chart') return CHART_SCHEMA;
  const chart = src.kind === 'helm-values' ? chartOf(ctx, src.doc.uri) : undefined;
  const schema = chart && valuesSchemaOf(ctx, chart);
  return chart && schema && !('problem' in schema) ? schemaForValuesFile(chart, schema, src.doc.uri) : undefined;
}
