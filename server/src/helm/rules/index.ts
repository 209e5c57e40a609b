/**
 * Every Helm rule, one per file; each file says when it fires and why it matters. What a rule is
 * given depends on the file it reads: templates come with their parse and analysis.
 */
import type { Finding, Rule } from '../../common';
import type { SourceDocument, ServiceContext } from '../../workspace';
import { templateInfo } from '../document';
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

/** The findings of the rules for this kind of chart file. */
export function ruleFindings(ctx: ServiceContext, src: SourceDocument): Finding[] {
  switch (src.kind) {
    case 'helm-template': {
      const file: TemplateFile = { ctx, doc: src.doc, ...templateInfo(ctx, src) };
      return TEMPLATE_RULES.flatMap((rule) => rule.check(file));
    }
    case 'helm-chart':
      return CHART_RULES.flatMap((rule) => rule.check({ ctx, doc: src.doc }));
    case 'helm-values':
      return VALUES_RULES.flatMap((rule) => rule.check({ ctx, doc: src.doc }));
    default:
      return [];
  }
}
