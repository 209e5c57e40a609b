/**
 * Every Helm rule, one per file; each file says when it fires and why it matters. What a rule is
 * given depends on the file it reads: templates come with their parse and analysis.
 */
import type { Finding, Rule } from '../../common';
import type { SourceDocument, ServiceContext } from '../../workspace';
import { templateInfo } from '../document';
import { expansionOf } from '../expand';
import { renderedOnlyWhen } from '../facts';
import { type SchemaProblem, validate } from '../../yamlSchema';
import { chartOf } from '../chart';
import { CHART_SCHEMA, schemaForValuesFile, isDefaultValues, valuesSchemaOf } from '../valuesSchema';
import { chartFields } from './chartFields';
import { chartSchema } from './chartSchema';
import { functionArgs } from './functionArgs';
import { missingDependency } from './missingDependency';
import { recursiveInclude } from './recursiveInclude';
import type { ChartFile, SchemaCheckedFile, TemplateFile } from './rule';
import { templateSyntax } from './templateSyntax';
import { undefinedTemplate } from './undefinedTemplate';
import { undefinedValue } from './undefinedValue';
import { unknownFunction } from './unknownFunction';
import { valuesSchema } from './valuesSchema';
import { yamlSyntax } from './yamlSyntax';

const TEMPLATE_RULES: readonly Rule<TemplateFile>[] = [templateSyntax, unknownFunction, functionArgs, undefinedValue, undefinedTemplate, recursiveInclude];
const CHART_RULES: readonly Rule<ChartFile>[] = [chartFields, missingDependency, yamlSyntax];
const VALUES_RULES: readonly Rule<ChartFile>[] = [yamlSyntax];

/** Every Helm rule once: template rules, then Chart.yaml rules (which include the values-file rule), then the schema rules. */
export const RULES: ReadonlyArray<Rule<TemplateFile> | Rule<ChartFile> | Rule<SchemaCheckedFile>> = [
  ...TEMPLATE_RULES,
  ...CHART_RULES,
  chartSchema,
  valuesSchema,
];

/** Rules whose problem stops Helm before it renders anything: a false block does not hide it. */
const PARSE_TIME_RULES = new Set([templateSyntax.meta.id, unknownFunction.meta.id]);

/**
 * Findings in a block that is false with the default values (and has no else branch) become
 * information saying when the block renders: Helm never runs that text with the defaults, so a
 * missing template or value there fails only once someone turns the block on.
 */
function inFalseBlocks(file: TemplateFile, findings: Finding[]): Finding[] {
  if (!file.chart || findings.every((f) => PARSE_TIME_RULES.has(f.rule))) return findings;
  if (!file.template.nodes.some((n) => n.type === 'if' || n.type === 'with' || n.type === 'range')) return findings;
  const regions = expansionOf(file.ctx, file.chart, file.doc.uri, file.doc.version, file.template).regions;
  if (regions.length === 0) return findings;
  return findings.map((f) => {
    if (PARSE_TIME_RULES.has(f.rule)) return f;
    const at = file.doc.offsetAt(f.range.start);
    const region = regions.filter((r) => at >= r.body.start && at < r.body.end).sort((a, b) => b.facts.length - a.facts.length)[0];
    return region ? { ...f, severity: 'info', message: `${f.message} (${renderedOnlyWhen(region.facts)})` } : f;
  });
}

/** The findings of the rules for this kind of chart file. */
export function ruleFindings(ctx: ServiceContext, src: SourceDocument): Finding[] {
  switch (src.kind) {
    case 'helm-template': {
      const file: TemplateFile = { ctx, doc: src.doc, ...templateInfo(ctx, src) };
      return inFalseBlocks(
        file,
        TEMPLATE_RULES.flatMap((rule) => rule.check(file)),
      );
    }
    case 'helm-chart':
      return CHART_RULES.flatMap((rule) => rule.check({ ctx, doc: src.doc }));
    case 'helm-values':
      return VALUES_RULES.flatMap((rule) => rule.check({ ctx, doc: src.doc }));
    default:
      return [];
  }
}

/** Largest Chart.yaml or values file checked against a schema; a larger one is generated, not edited by hand. */
const MAX_SCHEMA_CHECKED_CHARS = 2 * 1024 * 1024;

/** The schema's problems, none while the YAML does not parse: helm/yaml-syntax says so, and what the parser made of the rest is a guess. */
function schemaProblems(problems: readonly SchemaProblem[]): SchemaProblem[] {
  return problems.some((p) => p.kind === 'syntax') ? [] : problems.filter((p) => p.kind === 'schema');
}

/** Chart.yaml against the bundled schema, a values file against its chart's values.schema.json (when there is one). */
export async function schemaFindings(ctx: ServiceContext, src: SourceDocument): Promise<Finding[]> {
  const { doc } = src;
  if (doc.getText().length > MAX_SCHEMA_CHECKED_CHARS) return [];
  if (src.kind === 'helm-chart') return chartSchema.check({ ctx, doc, problems: schemaProblems(await validate(ctx, CHART_SCHEMA, doc)) });
  const chart = src.kind === 'helm-values' ? chartOf(ctx, doc.uri) : undefined;
  const schema = chart && !chart.packed ? valuesSchemaOf(ctx, chart) : undefined;
  if (!chart || !schema) return [];
  if ('problem' in schema) return isDefaultValues(chart, doc.uri) ? valuesSchema.check({ ctx, doc, problems: [], brokenSchema: schema.problem }) : [];
  return valuesSchema.check({ ctx, doc, problems: schemaProblems(await validate(ctx, schemaForValuesFile(chart, schema, doc.uri), doc)) });
}
