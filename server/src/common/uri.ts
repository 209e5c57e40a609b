import { URI, Utils } from 'vscode-uri';

/** URIs are the identity of files everywhere; paths only appear at the IO edge (lsp/, cli/). */
export function uriToPath(uri: string): string {
  return URI.parse(uri).fsPath;
}

export function pathToUri(fsPath: string): string {
  return URI.file(fsPath).toString();
}

export function basename(uri: string): string {
  return Utils.basename(URI.parse(uri));
}

export function dirname(uri: string): string {
  return Utils.dirname(URI.parse(uri)).toString();
}

export function joinUri(base: string, ...segments: string[]): string {
  return Utils.joinPath(URI.parse(base), ...segments).toString();
}

/** True when `uri` is `dir` itself or lies below it. */
export function isUnder(uri: string, dir: string): boolean {
  const d = dir.endsWith('/') ? dir : dir + '/';
  return uri === dir || uri.startsWith(d);
}

/** Path of `uri` relative to `dir`, with `/` separators; `undefined` when it is not below it. */
export function relativeUri(dir: string, uri: string): string | undefined {
  if (!isUnder(uri, dir)) return undefined;
  return decodeURIComponent(uri.slice(dir.replace(/\/$/, '').length + 1));
}
