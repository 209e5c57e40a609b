import type { ServiceContext, SourceDocument } from '../workspace';
import { reparse } from './incremental';
import { buildModel, type DockerfileModel } from './model';

/**
 * The model of a document, parsed once per version. The session's cache also keeps the latest
 * model of each document, so the next version can re-parse only the instruction an edit touched.
 */
export function getModel(ctx: ServiceContext, src: SourceDocument): DockerfileModel {
  const latest = ctx.cache.get('dockerfile-latest', src.doc.uri, 0, () => ({ model: undefined as DockerfileModel | undefined }));
  return ctx.cache.get('dockerfile', src.doc.uri, src.doc.version, () => {
    const model = (latest.model && reparse(latest.model, src.doc)) || buildModel(src.doc);
    latest.model = model;
    return model;
  });
}
