// Fires on a hostPath volume that mounts a container runtime socket (docker.sock,
// containerd.sock, crio.sock). Whoever can talk to it can start a privileged container on the
// node: it is root on the node.
import type { Finding, RuleMeta } from '../../common';
import { get, items, str } from '../nodes';
import { findingAt, type Rule } from '../rule';
import { podSpec } from '../workload';

export const meta: RuleMeta = {
  id: 'k8s/docker-socket',
  severity: 'error',
  title: 'A container runtime socket is mounted',
  help: 'Do not mount the runtime socket; build images with a rootless builder (BuildKit, kaniko) and inspect the node through the Kubernetes API.',
};

const SOCKET = /(docker|containerd|crio|podman)\.sock$|^\/var\/run\/docker\/?$/;

export const rule: Rule = {
  meta,
  check(rc, obj) {
    const out: Finding[] = [];
    for (const volume of items(get(podSpec(obj), 'volumes'))) {
      const path = get(volume, 'hostPath', 'path');
      if (SOCKET.test(str(path) ?? ''))
        out.push(findingAt(rc, meta, path, `Mounting \`${str(path)}\` hands the node's container runtime (root on the node) to this pod; remove the volume.`));
    }
    return out;
  },
};
