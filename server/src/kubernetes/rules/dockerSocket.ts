// Fires on a hostPath volume that mounts a container runtime socket (docker.sock,
// containerd.sock, crio.sock). Whoever can talk to it can start a privileged container on the
// node: it is root on the node.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { get, items, str } from '../nodes';
import type { KubeObject } from '../parse';
import { podSpec } from '../workload';
import { eachObject, nodeRange } from './rule';

const meta: RuleMeta = {
  id: 'k8s/docker-socket',
  severity: 'warning',
  basis: 'security',
  title: 'A container runtime socket is mounted',
  help: 'Do not mount the runtime socket; build images with a rootless builder (BuildKit, kaniko) and inspect the node through the Kubernetes API.',
};

const SOCKET = /(docker|containerd|crio|podman)\.sock$|^\/var\/run\/docker\/?$/;

function checkObject(file: ManifestFile, obj: KubeObject): Finding[] {
  const out: Finding[] = [];
  for (const volume of items(get(podSpec(obj), 'volumes'))) {
    const path = get(volume, 'hostPath', 'path');
    if (SOCKET.test(str(path) ?? ''))
      out.push(
        finding(
          meta,
          nodeRange(file, path),
          `Mounting ${str(path)} hands the node's container runtime (root on the node) to this pod; remove the volume unless this is a node agent that needs it.`,
        ),
      );
  }
  return out;
}

export const dockerSocket: Rule<ManifestFile> = { meta, check: eachObject(checkObject) };
