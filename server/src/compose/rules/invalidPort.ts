// Fires on a port `docker compose` cannot read: in ports (short syntax [IP:][HOST:]CONTAINER[/PROTOCOL],
// or the long syntax's target and published) and in expose. A port outside 1-65535 (a host port may
// be 0 or empty: Docker picks one), a range written backwards, host and container ranges of
// different lengths, a protocol other than tcp, udp and sctp. Compose refuses the file. Interpolated
// ports are left to Compose.
import { isMap, isScalar, type Node } from 'yaml';
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import { get, isInterpolated, items, nodeRange, text } from '../model';
import type { ComposeCheck } from './rule';

const meta: RuleMeta = {
  id: 'compose/invalid-port',
  severity: 'error',
  basis: 'refused:compose',
  title: 'A port Compose cannot read',
  help: 'Write ports as [HOST:]CONTAINER[/PROTOCOL] ("8080:80", "127.0.0.1:5432:5432", "53:53/udp", "9000-9005:9000-9005") with numbers from 1 to 65535, or use the long syntax (target, published, protocol).',
};

const PROTOCOLS = ['tcp', 'udp', 'sctp'];

/** A port or range; `min` is 0 for host ports (Docker picks a free one). Returns its length, or a problem. */
function portRange(value: string, what: string, min: number): { length: number } | { problem: string } {
  const m = /^(\d+)(?:-(\d+))?$/.exec(value);
  if (!m) return { problem: `${what} "${value}" is not a port number or range` };
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  for (const n of [start, end]) if (n < min || n > 65535) return { problem: `${what} ${n} is outside ${min}-65535` };
  if (end < start) return { problem: `${what} range ${value} runs backwards` };
  return { length: end - start + 1 };
}

function protocolProblem(protocol: string | undefined): string | undefined {
  return protocol === undefined || PROTOCOLS.includes(protocol.toLowerCase()) ? undefined : `protocol "${protocol}" is not tcp, udp or sctp`;
}

/** The problem with a short-syntax port, or `undefined` when Compose reads it. */
function shortPortProblem(spec: string): string | undefined {
  let rest = spec.trim();
  const slash = rest.lastIndexOf('/');
  const protocol = slash >= 0 ? rest.slice(slash + 1) : undefined;
  if (slash >= 0) rest = rest.slice(0, slash);
  const bad = protocolProblem(protocol);
  if (bad) return bad;
  // A bracketed IPv6 address first, then host and container from the right.
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']:');
    if (close < 0) return 'the IPv6 address needs a closing "]" and a ":" after it';
    rest = rest.slice(close + 2);
  }
  const parts = rest.split(':');
  const container = parts[parts.length - 1];
  const host = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  if (parts.length >= 3) {
    const ip = parts.slice(0, -2).join(':');
    if (/^[\d.]+$/.test(ip) && (ip.split('.').length !== 4 || ip.split('.').some((octet) => octet === '' || Number(octet) > 255))) {
      return `"${ip}" is not an IP address`;
    }
  }
  const target = portRange(container, 'container port', 1);
  if ('problem' in target) return target.problem;
  if (host === undefined || host === '') return undefined;
  const published = portRange(host, 'host port', 0);
  if ('problem' in published) return published.problem;
  if (target.length > 1 && published.length !== target.length) return `the host range and the container range have different lengths`;
  return undefined;
}

function longPortProblem(node: Node): { node: Node; problem: string } | undefined {
  for (const [key, what, min] of [
    ['target', 'container port', 1],
    ['published', 'host port', 0],
  ] as const) {
    const value = get(node, key);
    const written = text(value);
    if (!value || written === undefined || isInterpolated(written) || written === '') continue;
    const checked = portRange(written, what, min);
    if ('problem' in checked) return { node: value, problem: checked.problem };
  }
  const protocol = get(node, 'protocol');
  const bad = protocolProblem(text(protocol));
  return protocol && bad ? { node: protocol, problem: bad } : undefined;
}

export const invalidPort: Rule<ComposeCheck> = {
  meta,
  check: ({ file }) => {
    const found: Finding[] = [];
    const report = (node: Node, written: string, problem: string) =>
      found.push(finding(meta, nodeRange(file, node), `Port "${written}": ${problem}. Write [HOST:]CONTAINER[/PROTOCOL], e.g. "8080:80".`));
    for (const service of file.services) {
      for (const item of items(get(service.node, 'ports'))) {
        const written = text(item);
        if (isScalar(item) && written !== undefined && !isInterpolated(written)) {
          const problem = shortPortProblem(written);
          if (problem) report(item, written, problem);
        } else if (isMap(item)) {
          const bad = longPortProblem(item);
          if (bad) report(bad.node, text(bad.node) ?? '', bad.problem);
        }
      }
      for (const item of items(get(service.node, 'expose'))) {
        const written = text(item);
        if (written === undefined || isInterpolated(written)) continue;
        const [port, protocol, ...extra] = written.split('/');
        const checked = portRange(port, 'container port', 1);
        const problem = extra.length ? 'more than one "/"' : 'problem' in checked ? checked.problem : protocolProblem(protocol);
        if (problem) report(item, written, problem);
      }
    }
    return found;
  },
};
