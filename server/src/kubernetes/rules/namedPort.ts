// Fires when a probe's or a Service's `targetPort` names a port (a string) that no container
// declares under `ports[].name`. A probe on a missing port fails and restarts the container; a
// Service forwarding to a missing name has no endpoints.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { get, items, str, stringMap } from '../nodes';
import type { KubeObject } from '../parse';
import { carriesPods, containers, namespaceOf } from '../workload';
import { brokenDocumentMayHold, eachWholeObject, nodeRange, selectedPods } from './rule';

const meta: RuleMeta = {
  id: 'k8s/named-port',
  severity: 'warning',
  basis: 'inferred',
  title: 'A named port that no container declares',
  help: 'Declare the port with that `name` under the container’s `ports`, or use the port number.',
};

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];

function portNames(node: unknown): Set<string> {
  return new Set(
    items(get(node, 'ports'))
      .map((p) => str(get(p, 'name')))
      .filter((n): n is string => !!n),
  );
}

function probeFindings(file: ManifestFile, obj: KubeObject): Finding[] {
  const out: Finding[] = [];
  for (const c of containers(obj, ['containers', 'initContainers'])) {
    const names = portNames(c.node);
    for (const probe of PROBES) {
      for (const handler of ['httpGet', 'tcpSocket', 'grpc']) {
        const port = get(c.node, probe, handler, 'port');
        const name = str(port);
        if (name === undefined || /^\d+$/.test(name) || names.has(name)) continue;
        out.push(
          finding(
            meta,
            nodeRange(file, port),
            `${probe} uses port "${name}", but container "${c.name}" declares no port with that name; add it under ports or use the number.`,
          ),
        );
      }
    }
  }
  return out;
}

function serviceFindings(file: ManifestFile, obj: KubeObject): Finding[] {
  const selector = stringMap(get(obj.node, 'spec', 'selector'));
  // A pod in a document with a syntax error may be selected too and declare the port.
  if (selector.size === 0 || obj.broken || brokenDocumentMayHold(file, carriesPods)) return [];
  const pods = selectedPods(file, selector, namespaceOf(obj));
  // Without selected pods there is nothing to compare with; service-no-match reports that case.
  // While the workspace index is being built, a pod with the port may be among those not read yet.
  if (pods.length === 0 || !file.index().complete) return [];
  const out: Finding[] = [];
  for (const port of items(get(obj.node, 'spec', 'ports'))) {
    const target = get(port, 'targetPort');
    const name = str(target);
    if (name === undefined || /^\d+$/.test(name) || pods.some((p) => p.portNames.has(name))) continue;
    out.push(
      finding(
        meta,
        nodeRange(file, target),
        `targetPort "${name}" names no container port of the selected pods; name a port "${name}" in the workload or use the number.`,
      ),
    );
  }
  return out;
}

function checkObject(file: ManifestFile, obj: KubeObject): Finding[] {
  return obj.kind === 'Service' ? serviceFindings(file, obj) : probeFindings(file, obj);
}

export const namedPort: Rule<ManifestFile> = { meta, check: eachWholeObject(checkObject) };
