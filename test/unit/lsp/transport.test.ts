import * as assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import type { Message } from 'vscode-languageserver/node';
import { FrameWriter } from '../../../server/src/lsp/transport';

/** A stream that keeps what is written, and fails a write when told to. */
class Sink extends EventEmitter {
  writes: string[] = [];
  failNext: Error | undefined;
  ended = false;
  write(chunk: string, encoding: BufferEncoding, done: (error?: Error | null) => void): boolean {
    const failure = this.failNext;
    this.failNext = undefined;
    if (!failure) this.writes.push(Buffer.from(chunk, encoding).toString('latin1'));
    setImmediate(() => done(failure ?? null));
    return true;
  }
  end(): this {
    this.ended = true;
    return this;
  }
}

test('each message is one write: a header whose length counts bytes, then the body', async () => {
  const sink = new Sink();
  const writer = new FrameWriter(sink as unknown as NodeJS.WritableStream);
  const messages = [
    { jsonrpc: '2.0', id: 1, result: { contents: '镜像 hover — ünïcode' } },
    { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', diagnostics: [] } },
  ];
  await Promise.all(messages.map((m) => writer.write(m)));
  assert.equal(sink.writes.length, 2);
  sink.writes.forEach((frame, i) => {
    const bytes = Buffer.from(frame, 'latin1');
    const match = /^Content-Length: (\d+)\r\n\r\n/.exec(frame);
    assert.ok(match, frame);
    const body = bytes.subarray(match[0].length);
    assert.equal(Number(match[1]), body.length);
    assert.deepEqual(JSON.parse(body.toString('utf8')), messages[i]);
  });
  writer.end();
  assert.ok(sink.ended);
});

test('a failed write rejects and is reported; the stream closing is reported', async () => {
  const sink = new Sink();
  const writer = new FrameWriter(sink as unknown as NodeJS.WritableStream);
  const errors: unknown[] = [];
  let closed = false;
  writer.onError(([error]) => errors.push(error));
  writer.onClose(() => (closed = true));
  sink.failNext = new Error('EPIPE');
  await assert.rejects(writer.write({ jsonrpc: '2.0', id: 2, result: null } as Message), /EPIPE/);
  sink.emit('error', new Error('stream error'));
  sink.emit('close');
  assert.deepEqual(
    errors.map((e) => (e as Error).message),
    ['EPIPE', 'stream error'],
  );
  assert.ok(closed);
});
