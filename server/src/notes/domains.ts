import { parseKey } from './terms';

/**
 * The technology a hover key or a note section is about: Docker, Kubernetes or Helm, as bits (a
 * section may be about several; 0 is "says nothing"). The same word names different things in
 * each — a Dockerfile `ENV` and a container's `env`, build secrets and Kubernetes Secrets — so a
 * match in another domain ranks below every match in the key's own (see ranking.ts).
 */
export const DOCKER = 1;
export const KUBERNETES = 2;
export const HELM = 4;

/** Key namespaces, and the module part of rule ids (`dockerfile/latest-tag`), by domain. */
const NAMESPACES: Readonly<Record<string, number>> = { docker: DOCKER, dockerfile: DOCKER, k8s: KUBERNETES, helm: HELM };

/** The domain of a hover key or tag: its namespace, or for a rule the module of its id; 0 for none. */
export function keyDomain(key: string): number {
  const { namespace, kind } = parseKey(key.toLowerCase());
  return (namespace === 'rule' ? NAMESPACES[kind] : NAMESPACES[namespace]) ?? 0;
}

/** Words a heading names its domain with. Dockerfile instructions count only in capitals, as they are written. */
const HEADING_WORDS: ReadonlyArray<[RegExp, number]> = [
  [/\b(docker\w*|buildkit|buildx)\b/i, DOCKER],
  [/\b(FROM|RUN|CMD|ENTRYPOINT|COPY|ADD|EXPOSE|ENV|ARG|WORKDIR|USER|VOLUME|LABEL|HEALTHCHECK|SHELL|ONBUILD|STOPSIGNAL|MAINTAINER)\b/, DOCKER],
  [/\b(kubernetes|k8s|kubectl|kubelet|kubeadm|minikube|kube-[a-z]+)\b/i, KUBERNETES],
  [/\b(helm|tiller|charts?)\b/i, HELM],
];

/** Words a file name names its domain with (`docker.md`, `k8s-notes.md`, `helm-charts.txt`). */
const FILE_WORDS: ReadonlyArray<[RegExp, number]> = [
  [/docker/i, DOCKER],
  [/k8s|kube/i, KUBERNETES],
  [/helm|chart/i, HELM],
];

function wordsDomain(text: string, words: ReadonlyArray<[RegExp, number]>): number {
  let domain = 0;
  for (const [pattern, bit] of words) if (pattern.test(text)) domain |= bit;
  return domain;
}

/**
 * A section's domain: what its tags (and its file's) say it is about; without tags, what the
 * headings of its path and its file's name name, together — "Docker entry and cmd overwritten" in
 * kubernetes.md is about both.
 */
export function sectionDomain(tags: readonly string[], headingPath: readonly string[], uri: string): number {
  return fileSectionDomains(uri)(tags, [], headingPath);
}

/**
 * `sectionDomain` for the sections of one file (`tags` and `fileTags` together are a section's
 * tags): the file's name is read once, and each heading once however many sections it heads.
 */
export function fileSectionDomains(uri: string): (tags: readonly string[], fileTags: readonly string[], headingPath: readonly string[]) => number {
  const fileDomain = wordsDomain(uri.slice(uri.lastIndexOf('/') + 1), FILE_WORDS);
  const headingDomains = new Map<string, number>();
  return (tags, fileTags, headingPath) => {
    let domain = 0;
    for (const tag of tags) domain |= keyDomain(tag);
    for (const tag of fileTags) domain |= keyDomain(tag);
    if (domain) return domain;
    for (const heading of headingPath) {
      let bits = headingDomains.get(heading);
      if (bits === undefined) headingDomains.set(heading, (bits = wordsDomain(heading, HEADING_WORDS)));
      domain |= bits;
    }
    return domain | fileDomain;
  };
}

/** Whether a section is about another domain than the key: both say what they are about, and it is not the same. */
export function otherDomain(keyBits: number, sectionBits: number): boolean {
  return keyBits !== 0 && sectionBits !== 0 && (keyBits & sectionBits) === 0;
}
