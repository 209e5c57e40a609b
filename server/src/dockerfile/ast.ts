import { DockerfileParser, type Dockerfile, type Flag, type Instruction } from 'dockerfile-ast';
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

/**
 * dockerfile-ast's parse, with BuildKit's line continuation. BuildKit continues an instruction on
 * the next line only when the escape character that ends a line is not itself escaped
 * (frontend/dockerfile/parser/parser.go, lineContinuationRegex), so `COPY a.dll C:\\` ends at its
 * line; dockerfile-ast reads it as a continuation. For such lines (not comments) dockerfile-ast is
 * given the last escape character as `/`: the instruction then ends there, every position stays
 * the same, and the path still reads as a directory.
 */
export function parseDockerfile(text: string): Dockerfile {
  const parsed = DockerfileParser.parse(text);
  const escape = parsed.getEscapeCharacter();
  const e = escape === '`' ? '`' : '\\\\';
  const escapedAtEnd = new RegExp(`^(?![ \\t]*#)(.*${e})${e}([ \\t]*\\r?)$`, 'gm');
  if (!text.includes(escape + escape) || !escapedAtEnd.test(text)) return parsed;
  return DockerfileParser.parse(text.replace(escapedAtEnd, '$1/$2'));
}
