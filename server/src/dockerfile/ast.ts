import type { Flag, Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';

/** Small accessors over dockerfile-ast nodes that its typings do not expose uniformly. */

/** A flag's `--name` range without the value. */
export function flagNameRange(flag: Flag): Range {
  const name = flag.getNameRange();
  return { start: { line: name.start.line, character: Math.max(0, name.start.character - 2) }, end: name.end };
}

/** The flags of an instruction that takes them (FROM, RUN, COPY, ADD, HEALTHCHECK, ...), else []. */
export function flagsOf(instruction: Instruction): Flag[] {
  const withFlags = instruction as unknown as { getFlags?: () => Flag[] };
  return typeof withFlags.getFlags === 'function' ? withFlags.getFlags() : [];
}
