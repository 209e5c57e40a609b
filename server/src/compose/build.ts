import type { Scalar } from 'yaml';
import { isMap, isScalar } from 'yaml';
import { dirname } from '../common';
import { getModel, type Stage } from '../dockerfile';
import type { ServiceContext } from '../workspace';
import { type ComposeFile, get, resolvePath, type Service, text } from './model';

/** A service's `build:`, with its paths resolved against the Compose file's folder. */
export interface BuildSpec {
  /** The context folder; `undefined` for a remote context (a Git or HTTP URL) or an interpolated path. */
  context: string | undefined;
  /** The scalar naming the context (`build: ./app`, or `build.context`); `undefined` when it defaults to `.`. */
  contextNode: Scalar | undefined;
  /** The Dockerfile; `undefined` with `dockerfile_inline`, a remote or interpolated context or path. */
  dockerfile: string | undefined;
  dockerfileNode: Scalar | undefined;
  targetNode: Scalar | undefined;
}

/** A context `docker compose` fetches rather than reads from disk. */
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/)/i;

export function buildOf(file: ComposeFile, service: Service): BuildSpec | undefined {
  const node = get(service.node, 'build');
  if (node === undefined || (!isScalar(node) && !isMap(node))) return undefined;
  const contextNode = isScalar(node) ? node : get(node, 'context');
  const contextPath = text(contextNode) ?? '.';
  const folder = dirname(file.doc.uri);
  const context = REMOTE.test(contextPath) ? undefined : resolvePath(folder, contextPath);
  const dockerfileNode = isMap(node) ? get(node, 'dockerfile') : undefined;
  const inline = isMap(node) && get(node, 'dockerfile_inline') !== undefined;
  const dockerfilePath = text(dockerfileNode) ?? 'Dockerfile';
  const dockerfile = inline || !context ? undefined : resolvePath(context, dockerfilePath);
  const targetNode = isMap(node) ? get(node, 'target') : undefined;
  return {
    context,
    contextNode: isScalar(contextNode) ? contextNode : undefined,
    dockerfile,
    dockerfileNode: isScalar(dockerfileNode) ? dockerfileNode : undefined,
    targetNode: isScalar(targetNode) ? targetNode : undefined,
  };
}

/** The named stages of a Dockerfile in the workspace, or `undefined` when it cannot be read. */
export function stagesOf(ctx: ServiceContext, dockerfile: string): Stage[] | undefined {
  const doc = ctx.workspace.document(dockerfile, 'dockerfile');
  if (!doc) return undefined;
  return getModel(ctx, { doc, kind: 'dockerfile' }).stages.filter((s) => s.name !== null);
}
