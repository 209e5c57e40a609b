import * as fs from 'node:fs';

// This module imports nothing of the project: the server's entry point (start.ts) reads its code
// cache with it and must stay a few kilobytes, compiled on every start (architecture.test.ts).

/** The parts of node's fs the FileSystem and the reader use, so tests can make them fail. */
export type NodeFs = Pick<typeof fs, 'readdirSync' | 'statSync' | 'realpathSync' | 'openSync' | 'fstatSync' | 'readSync' | 'closeSync' | 'existsSync'>;

export type NotAFile = { problem: 'not-a-file' };
/** The `too-large` case of common's TextProblem. */
type TooLarge = { problem: 'too-large'; bytes: number };

/** What a file's stat alone rules out, before a byte is read: not a regular file, or too large. */
function statProblem(stat: { isFile(): boolean; size: number }, limit: number): NotAFile | TooLarge | undefined {
  if (!stat.isFile()) return { problem: 'not-a-file' };
  if (stat.size > limit) return { problem: 'too-large', bytes: stat.size };
  return undefined;
}

/**
 * A regular file's bytes, at most `limit` of them, or why not. The file is opened without blocking
 * and judged by what was opened (not by an earlier stat, which a swap could outrun), so a FIFO never
 * blocks, a device is refused before a byte is read, and a file that grows past the limit while it
 * is read is cut off rather than read to the end. With `followLinks` false, a symbolic link in the
 * file's place is not opened (the open fails with ELOOP).
 */
export function readBoundedBytes(
  file: string,
  nodeFs: Pick<NodeFs, 'openSync' | 'fstatSync' | 'readSync' | 'closeSync'> = fs,
  limit: number,
  followLinks = true,
): { data: Buffer } | NotAFile | TooLarge {
  const fd = nodeFs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | (followLinks ? 0 : fs.constants.O_NOFOLLOW));
  try {
    const problem = statProblem(nodeFs.fstatSync(fd), limit);
    if (problem) return problem;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(65536, limit + 1 - total));
      const read = nodeFs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > limit) return { problem: 'too-large', bytes: total };
    }
    return { data: Buffer.concat(chunks, total) };
  } finally {
    nodeFs.closeSync(fd);
  }
}
