/**
 * Every Helm rule, one per file; each file says when it fires and why it matters. What a rule is
 * given depends on the file it reads: templates come with their parse and analysis.
 */
import type { Finding, Rule } from '../../common';
import type { SourceDocument, ServiceContext } from '../../workspace';
import { templateInfo } from '../document';
import { expansionOf } from '../expand';
import { renderedOnlyWhen } from '../facts';
import { chartFields } from './chartFields';
import { functionArgs } from './functionArgs';
import { missingDependency } from './missingDependency';
import { recursiveInclude } from './recursiveInclude';
import type { ChartFile, TemplateFile } from './rule';
import { templateSyntax } from './templateSyntax';
import { undefinedTemplate } from './undefinedTemplate';
import { undefinedValue } from './undefinedValue';
import { unknownFunction } from './unknownFunction';
import { yamlSyntax } from './yamlSyntax';

const TEMPLATE_RULES: readonly Rule<TemplateFile>[] = [templateSyntax, unknownFunction, functionArgs, undefinedValue, undefinedTemplate, recursiveInclude];
const CHART_RULES: readonly Rule<ChartFile>[] = [chartFields, missingDependency, yamlSyntax];
const VALUES_RULES: readonly Rule<ChartFile>[] = [yamlSyntax];

/** Every Helm rule once: template rules, then Chart.yaml rules (which include the values-file rule). */
export const RULES: ReadonlyArray<Rule<TemplateFile> | Rule<ChartFile>> = [...TEMPLATE_RULES, ...CHART_RULES];

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
