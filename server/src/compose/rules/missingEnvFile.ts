// Fires on an env_file that is not there (paths are relative to the Compose file). `docker compose`
// refuses to start the service, unless the entry says `required: false`. A warning, not an error:
// env files are often kept out of version control (.env) and made per machine, so the file on
// disk, not the Compose file, is what is missing.
import { isMap } from 'yaml';
import { dirname, finding, type Finding, type Rule, type RuleMeta } from '../../common';
import { get, isInterpolated, items, nodeRange, relativeTo, resolvePath, text } from '../model';
import type { ComposeCheck } from './rule';

const meta: RuleMeta = {
  id: 'compose/missing-env-file',
  severity: 'warning',
  basis: 'inferred',
  title: 'An env_file does not exist',
  help: 'Create the file, fix the path (relative to the Compose file), or mark the entry optional with the long syntax: env_file: [{ path: ./local.env, required: false }].',
};

export const missingEnvFile: Rule<ComposeCheck> = {
  meta,
  check: ({ file, ctx }) => {
    const found: Finding[] = [];
    const folder = dirname(file.doc.uri);
    for (const service of file.services) {
      const node = get(service.node, 'env_file');
      const entries = node && !isMap(node) && items(node).length === 0 ? [node] : items(node);
      for (const entry of entries) {
        if (isMap(entry) && text(get(entry, 'required')) === 'false') continue;
        const pathNode = isMap(entry) ? get(entry, 'path') : entry;
        const path = text(pathNode);
        if (!pathNode || path === undefined || isInterpolated(path)) continue;
        const uri = resolvePath(folder, path);
        if (uri && !ctx.workspace.exists(uri)) {
          found.push(
            finding(
              meta,
              nodeRange(file, pathNode),
              `The env file "${relativeTo(file, uri)}" of service "${service.name}" does not exist. Create it, fix the path, or mark it required: false.`,
            ),
          );
        }
      }
    }
    return found;
  },
};
