// Fires on container_name in a service with more than one replica (deploy.replicas or scale above
// 1). A container name is unique on the host, so the second replica cannot be created and
// `docker compose up` fails.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import { get, nodeRange } from '../model';
import type { ComposeCheck } from './rule';

const meta: RuleMeta = {
  id: 'compose/container-name-replicas',
  severity: 'error',
  basis: 'refused:compose',
  title: 'container_name with more than one replica',
  help: 'Remove container_name (Compose names each replica project-service-N) or run a single replica.',
};

export const containerNameReplicas: Rule<ComposeCheck> = {
  meta,
  check: ({ file }) => {
    const found: Finding[] = [];
    for (const service of file.services) {
      const name = get(service.node, 'container_name');
      if (!name) continue;
      const replicas = [get(get(service.node, 'deploy'), 'replicas'), get(service.node, 'scale')]
        .map((n) => (n && 'value' in n && typeof n.value === 'number' ? n.value : 1))
        .reduce((a, b) => Math.max(a, b), 1);
      if (replicas > 1) {
        found.push(
          finding(
            meta,
            nodeRange(file, name),
            `Service "${service.name}" sets container_name and asks for ${replicas} replicas; a container name is unique, so only one can start. Remove container_name.`,
          ),
        );
      }
    }
    return found;
  },
};
