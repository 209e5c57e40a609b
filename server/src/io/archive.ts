import { gunzipSync } from 'node:zlib';
import { decodeText, MAX_FILE_BYTES } from '../common';

/**
 * The text files of a gzipped tar archive (a packed Helm chart, `charts/<name>-<version>.tgz`),
 * read with node's zlib and a small tar reader: regular files only, by their path in the archive
 * (ustar prefixes, GNU long names and pax `path` records understood; never an absolute path or
 * one climbing out with `..`), binary and oversized files left out. Bounded, so a hostile archive
 * cannot take the server's memory: the compressed and the expanded size and the number of members
 * are capped, and anything over a cap, or not a tar archive, gives undefined.
 */

export const ARCHIVE_LIMITS = {
  compressedBytes: 20 * 1024 * 1024,
  expandedBytes: 64 * 1024 * 1024,
  members: 10_000,
};

const BLOCK = 512;

export function readTarGz(bytes: Uint8Array, limits = ARCHIVE_LIMITS): Map<string, string> | undefined {
  if (bytes.length > limits.compressedBytes) return undefined;
  let tar: Uint8Array;
  try {
    tar = gunzipSync(bytes, { maxOutputLength: limits.expandedBytes });
  } catch {
    return undefined;
  }
  return readTar(tar, limits.members);
}

/** The text members of an uncompressed tar archive, or undefined when it is not one. */
export function readTar(tar: Uint8Array, maxMembers = ARCHIVE_LIMITS.members): Map<string, string> | undefined {
  const files = new Map<string, string>();
  let offset = 0;
  let longName: string | undefined;
  let members = 0;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break;
    if (!checksumHolds(header) || ++members > maxMembers) return undefined;
    const size = octal(header.subarray(124, 136));
    const type = String.fromCharCode(header[156]);
    const dataStart = offset + BLOCK;
    const data = tar.subarray(dataStart, dataStart + size);
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (data.length < size) return undefined;
    if (type === 'L') {
      longName = text(data);
      continue;
    }
    if (type === 'x') {
      longName = paxPath(text(data)) ?? longName;
      continue;
    }
    const name = longName ?? headerName(header);
    longName = undefined;
    if (type !== '0' && type !== '\0') continue;
    const path = safePath(name);
    const read = path === undefined ? undefined : decodeText(data, MAX_FILE_BYTES);
    if (path !== undefined && read && 'text' in read) files.set(path, read.text);
  }
  return files;
}

/** The member's path without a leading `./`; undefined for an absolute path or one with a `..` step, which would name a file outside the archive. */
function safePath(name: string): string | undefined {
  const path = name.replace(/^(\.\/)+/, '');
  if (path === '' || path.startsWith('/') || path.split('/').some((step) => step === '..')) return undefined;
  return path;
}

function text(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  return new TextDecoder().decode(nul < 0 ? bytes : bytes.subarray(0, nul));
}

function octal(bytes: Uint8Array): number {
  const digits = text(bytes).trim();
  return digits === '' ? 0 : parseInt(digits, 8) || 0;
}

/** The sum of the header's bytes with the checksum field counted as spaces, as tar writes it. */
function checksumHolds(header: Uint8Array): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i];
  return sum === octal(header.subarray(148, 156));
}

/** `name`, with the ustar `prefix` before it when there is one. */
function headerName(header: Uint8Array): string {
  const name = text(header.subarray(0, 100));
  const ustar = text(header.subarray(257, 263)).startsWith('ustar');
  const prefix = ustar ? text(header.subarray(345, 500)) : '';
  return prefix ? `${prefix}/${name}` : name;
}

/** The `path` of a pax extended header (`<length> path=<value>\n` records). */
function paxPath(records: string): string | undefined {
  for (const line of records.split('\n')) {
    const m = /^\d+ path=(.*)$/.exec(line);
    if (m) return m[1];
  }
  return undefined;
}
