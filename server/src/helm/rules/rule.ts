import type { Finding, RuleMeta } from '../../common';
import type { DocumentKind, ServiceContext, SourceDocument } from '../../workspace';

/** A Helm rule: its metadata, the document kinds it reads, and its check. */
export interface HelmRule {
  meta: RuleMeta;
  kinds: readonly DocumentKind[];
  check(ctx: ServiceContext, src: SourceDocument): Finding[];
}
