/**
 * A one-line progress counter on a terminal, for trees big enough that a silent wait feels stuck.
 * It redraws at most every 100 ms and erases itself when done; elsewhere (CI logs, pipes) it is silent.
 */
export const PROGRESS_MIN_FILES = 300;

export interface ProgressLine {
  update(done: number, total: number): void;
  done(): void;
}

export function progressLine(stream: { isTTY?: boolean; write(text: string): unknown }, now: () => number = Date.now): ProgressLine {
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      if (!stream.isTTY || total < PROGRESS_MIN_FILES) return;
      const t = now();
      if (done < total && t - last < 100) return;
      last = t;
      shown = true;
      stream.write(`\r\u001b[2Kcontainer-notes: ${done}/${total} files (${Math.floor((done * 100) / total)}%)`);
    },
    done() {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
  };
}
