// Fires on a duration `docker compose` cannot read: healthcheck interval, timeout, start_period and
// start_interval, stop_grace_period, and the deploy restart, update and rollback delays and windows.
// Compose reads them as Go durations ("30s", "1m30s", "500ms", "2h"), so a number without a unit
// (other than 0) or a unit it does not know ("30 sec", "1d") makes it refuse the file.
import { isScalar, type Node } from 'yaml';
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import { get, isInterpolated, nodeRange } from '../model';
import type { ComposeCheck } from './rule';

const meta: RuleMeta = {
  id: 'compose/invalid-duration',
  severity: 'error',
  basis: 'refused:compose',
  title: 'A duration Compose cannot read',
  help: 'Write durations as a number with a unit, no spaces: "30s", "1m30s", "500ms", "2h" (units ns, us, ms, s, m, h).',
};

/** Go's time.ParseDuration: an optional sign, then one or more number-unit pairs; or a bare 0. */
const GO_DURATION = /^[-+]?(?:0|(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/;

/** Where durations sit below a service. */
const DURATION_PATHS: readonly (readonly string[])[] = [
  ['healthcheck', 'interval'],
  ['healthcheck', 'timeout'],
  ['healthcheck', 'start_period'],
  ['healthcheck', 'start_interval'],
  ['stop_grace_period'],
  ['deploy', 'restart_policy', 'delay'],
  ['deploy', 'restart_policy', 'window'],
  ['deploy', 'update_config', 'delay'],
  ['deploy', 'update_config', 'monitor'],
  ['deploy', 'rollback_config', 'delay'],
  ['deploy', 'rollback_config', 'monitor'],
];

export const invalidDuration: Rule<ComposeCheck> = {
  meta,
  check: ({ file }) => {
    const found: Finding[] = [];
    for (const service of file.services) {
      for (const path of DURATION_PATHS) {
        const node = path.reduce<Node | undefined>((at, key) => get(at, key), service.node);
        // Numbers are the schema's business (it asks for a string); an interpolated value is Compose's.
        if (!isScalar(node) || typeof node.value !== 'string' || isInterpolated(node.value)) continue;
        const written = node.value;
        if (!GO_DURATION.test(written)) {
          found.push(
            finding(meta, nodeRange(file, node), `"${written}" is not a duration for ${path.join('.')}. Write a number with a unit, e.g. "30s" or "1m30s".`),
          );
        }
      }
    }
    return found;
  },
};
