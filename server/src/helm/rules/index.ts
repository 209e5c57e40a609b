import { chartFields } from './chartFields';
import { functionArgs } from './functionArgs';
import { missingDependency } from './missingDependency';
import { recursiveInclude } from './recursiveInclude';
import type { HelmRule } from './rule';
import { templateSyntax } from './templateSyntax';
import { undefinedTemplate } from './undefinedTemplate';
import { undefinedValue } from './undefinedValue';
import { unknownFunction } from './unknownFunction';
import { yamlSyntax } from './yamlSyntax';

export type { HelmRule } from './rule';

/** Every Helm rule, one per file. */
export const RULES: readonly HelmRule[] = [
  templateSyntax,
  unknownFunction,
  functionArgs,
  undefinedValue,
  undefinedTemplate,
  recursiveInclude,
  chartFields,
  missingDependency,
  yamlSyntax,
];
