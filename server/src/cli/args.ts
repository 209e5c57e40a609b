import { closestMatch, KUBERNETES_VERSIONS, kubernetesMinor, nearestKubernetesVersion } from '../common';

/** What `container-notes lint …` was asked to do, parsed from argv. Pure. */
export type Format = 'text' | 'json' | 'sarif';

export interface LintOptions {
  paths: string[];
  format: Format;
  /** Exit 1 when there are more warnings than this; `undefined` means any number is fine. */
  maxWarnings?: number;
  /** Only report these rules (ids, `*` or `<lang>/*`); empty means all. */
  only: string[];
  disabled: string[];
  kubernetesVersion?: string;
  notes: string[];
  /** An explicit config file; `null` for `--no-config`; `undefined` to look for one. */
  config?: string | null;
  color?: boolean;
  output?: string;
}

export type Command = { kind: 'help' } | { kind: 'version' } | { kind: 'lint'; options: LintOptions } | { kind: 'error'; message: string };

export const USAGE = `Usage: container-notes lint [options] [paths…]

Checks Dockerfiles, Kubernetes manifests and Helm charts with the same rules as the editor.
Paths are files or folders (default: .). Folders are walked, skipping .git, .hg, .svn,
node_modules, vendor and whatever .gitignore files exclude. Settings come from
.container-notes.yaml (the nearest one above the current folder), then from these options.

Options:
  -f, --format <text|json|sarif>   output format (default: text)
  -o, --output <file>              write the report to a file instead of stdout
      --max-warnings <n>           exit 1 when there are more than n warnings
      --rule <id>                  report only this rule (repeatable; ids, "dockerfile/*")
      --disable <id>               do not report this rule (repeatable)
      --kubernetes-version <v>     Kubernetes version to check against (${KUBERNETES_VERSIONS.join(', ')})
      --notes <path>               your notes (file or folder), for rule help in SARIF (repeatable)
      --config <file>              use this project config instead of looking for one
      --no-config                  ignore .container-notes.yaml files
      --color, --no-color          force colours on or off (NO_COLOR is respected)
  -h, --help                       show this help
  -v, --version                    show the version

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 bad usage.`;

const VALUE_OPTIONS = ['--format', '--output', '--max-warnings', '--rule', '--disable', '--kubernetes-version', '--notes', '--config'];
const FLAG_OPTIONS = ['--no-config', '--color', '--no-color', '--help', '--version'];
const SHORT: Record<string, string> = { '-f': '--format', '-o': '--output', '-h': '--help', '-v': '--version' };

export function parseArgs(argv: readonly string[]): Command {
  const args = [...argv];
  if (args.length === 0) return { kind: 'help' };
  if (args.includes('--help') || args.includes('-h')) return { kind: 'help' };
  if (args[0] === '--version' || args[0] === '-v') return { kind: 'version' };
  const command = args.shift();
  if (command !== 'lint') return { kind: 'error', message: `Unknown command \`${command}\`; the only command is \`lint\`.` };
  const options: LintOptions = { paths: [], format: 'text', only: [], disabled: [], notes: [] };
  while (args.length > 0) {
    const arg = args.shift() as string;
    if (arg === '--') {
      options.paths.push(...args.splice(0));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      options.paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = SHORT[arg] ?? (eq > 0 ? arg.slice(0, eq) : arg);
    if (FLAG_OPTIONS.includes(name)) {
      if (name === '--version') return { kind: 'version' };
      if (name === '--no-config') options.config = null;
      else options.color = name === '--color';
      continue;
    }
    if (!VALUE_OPTIONS.includes(name)) {
      const guess = closestMatch(name, [...VALUE_OPTIONS, ...FLAG_OPTIONS]);
      return { kind: 'error', message: `Unknown option \`${arg}\`${guess ? `; did you mean \`${guess}\`?` : ''}` };
    }
    const value = eq > 0 && !SHORT[arg] ? arg.slice(eq + 1) : args.shift();
    if (value === undefined || value === '') return { kind: 'error', message: `\`${name}\` needs a value.` };
    const error = applyOption(options, name, value);
    if (error) return { kind: 'error', message: error };
  }
  if (options.paths.length === 0) options.paths.push('.');
  return { kind: 'lint', options };
}

/**
 * Why a --kubernetes-version value is refused: a command line names its version on purpose, so a
 * minor without a bundled schema is an error (naming the nearest one), where an editor setting or a
 * project config falls back to the nearest. A patch release or a `v` prefix names its minor.
 */
function unbundledVersion(value: string): string {
  const nearest = nearestKubernetesVersion(value);
  const hint = nearest ? ` (the nearest is ${nearest})` : '';
  return `Kubernetes ${value} is not bundled; supported: ${KUBERNETES_VERSIONS.join(', ')}${hint}.`;
}

/** Sets one valued option; returns a message when the value is wrong. */
function applyOption(options: LintOptions, name: string, value: string): string | undefined {
  const list = () =>
    value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  switch (name) {
    case '--format':
      if (value !== 'text' && value !== 'json' && value !== 'sarif') return `\`--format\` is one of text, json, sarif (not \`${value}\`).`;
      options.format = value;
      return undefined;
    case '--max-warnings': {
      const n = Number(value);
      if (!Number.isInteger(n) || n < -1) return `\`--max-warnings\` needs a whole number (not \`${value}\`); -1 means no limit.`;
      options.maxWarnings = n < 0 ? undefined : n;
      return undefined;
    }
    case '--kubernetes-version': {
      const minor = kubernetesMinor(value);
      if (!minor || !(KUBERNETES_VERSIONS as readonly string[]).includes(minor)) return unbundledVersion(value);
      options.kubernetesVersion = minor;
      return undefined;
    }
    case '--rule':
      options.only.push(...list());
      return undefined;
    case '--disable':
      options.disabled.push(...list());
      return undefined;
    case '--notes':
      options.notes.push(value);
      return undefined;
    case '--config':
      options.config = value;
      return undefined;
    default:
      options.output = value;
      return undefined;
  }
}
