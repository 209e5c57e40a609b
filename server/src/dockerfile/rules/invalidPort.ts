// Fires on an EXPOSE port outside 0-65535, a reversed range, a protocol other than tcp, udp or
// sctp, or something that is not a port at all. BuildKit refuses these (`EXPOSE 99999`):
// frontend/dockerfile/dockerfile2llb/convert_expose.go, parsePort ("invalid containerPort",
// "invalid proto", "invalid port range"). Ports with variables are expanded at build time and
// left alone; `host:container` forms are BuildKit's ExposeInvalidFormat warning, not judged here.
import { finding, type Finding, type Rule, type RuleMeta } from '../../common';
import type { DockerfileModel } from '../model';

const meta: RuleMeta = {
  id: 'dockerfile/invalid-port',
  severity: 'error',
  basis: 'refused:buildkit',
  title: 'Invalid port in EXPOSE',
  help: 'EXPOSE takes ports 0-65535 or ranges like 8000-8010, optionally with /tcp, /udp or /sctp.',
};

/** A port or range with an optional protocol; Go's ParseInt also takes a leading `+`. */
const PORT = /^\+?(\d+)(?:-\+?(\d+))?(?:\/(\w*))?$/;

function problem(written: string): string | undefined {
  // BuildKit expands the word first, which removes its quotes.
  const value = written.replace(/["']/g, '');
  if (value.includes('$') || value.includes(':')) return undefined;
  const m = PORT.exec(value);
  if (!m) return `"${value}" is not a port; write a number such as 8080, a range such as 8000-8010, optionally with /tcp or /udp.`;
  const low = Number(m[1]);
  const high = m[2] === undefined ? low : Number(m[2]);
  if (low > 65535 || high > 65535) return `Port ${value} is out of range; ports go up to 65535.`;
  if (high < low) return `The range ${value} ends before it starts; write the lower port first.`;
  if (m[3] !== undefined && !['', 'tcp', 'udp', 'sctp'].includes(m[3].toLowerCase())) return `Unknown protocol "${m[3]}"; use tcp, udp or sctp.`;
  return undefined;
}

function check(model: DockerfileModel): Finding[] {
  const out: Finding[] = [];
  for (const step of model.steps.filter((s) => s.keyword === 'EXPOSE')) {
    for (const arg of step.args) {
      const message = problem(arg.getValue());
      if (message) out.push(finding(meta, arg.getRange(), message));
    }
  }
  return out;
}

export const invalidPort: Rule<DockerfileModel> = { meta, check };
