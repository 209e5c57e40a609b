import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SchemaProblem } from '../../yamlSchema';
import type { ServiceContext } from '../../workspace';
import type { TemplateInfo } from '../document';

/**
 * What a Helm rule is given, by the kind of chart file it reads. A template rule is a
 * `Rule<TemplateFile>` (common), a rule on Chart.yaml or a values file a `Rule<ChartFile>`.
 */

/** A template with its chart, parse tree and analysis (each computed once per text). */
export interface TemplateFile extends TemplateInfo {
  ctx: ServiceContext;
  doc: TextDocument;
}

/** Chart.yaml or a values file. */
export interface ChartFile {
  ctx: ServiceContext;
  doc: TextDocument;
}

/** Chart.yaml or a values file with what yaml-language-server found against its schema (computed first: it answers asynchronously). */
export interface SchemaCheckedFile extends ChartFile {
  problems: readonly SchemaProblem[];
  /** Why the chart's values.schema.json could not be used, reported once, on values.yaml. */
  brokenSchema?: string;
}
