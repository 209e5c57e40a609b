import {
  AbstractMessageWriter,
  IPCMessageReader,
  IPCMessageWriter,
  type Message,
  type MessageReader,
  type MessageWriter,
  StreamMessageReader,
} from 'vscode-languageserver/node';
import type { RequestActivity } from './background';
import type { Lifecycle } from './lifecycle';

interface Transport {
  reader: MessageReader;
  writer: MessageWriter;
}

/**
 * The transport the command line names (`--stdio`, or `--node-ipc` as VS Code starts the server),
 * with every request's arrival and answer told to `activity` (and, on stdio, every chunk of bytes
 * read, see RequestActivity.bytesIn); undefined for the others (socket,
 * pipe), which vscode-languageserver sets up itself.
 */
export function commandLineTransport(lifecycle: Lifecycle, activity: RequestActivity): Transport | undefined {
  if (process.argv.includes('--stdio')) {
    const transport = stdioTransport(lifecycle);
    process.stdin.on('data', () => activity.bytesIn());
    return watched(transport, activity);
  }
  if (process.argv.includes('--node-ipc')) return watched({ reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process) }, activity);
  return undefined;
}

/**
 * The stdio transport, built here instead of by `--stdio` so that a frame the reader cannot take
 * (a header without a numeric Content-Length, a body that is not JSON) ends the connection with
 * the reason on stderr. vscode-languageserver drops reader errors, and the reader, having lost its
 * place in the stream, would then take every later byte for garbage: the server looked alive and
 * never answered again. The exit code follows the LSP: 0 after `shutdown`, 1 otherwise. As with
 * `--stdio`, console output of any library goes to stderr: stdout carries only the protocol.
 */
function stdioTransport(lifecycle: Lifecycle): Transport {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new FrameWriter(process.stdout);
  console.log = console.info = console.debug = console.error;
  reader.onError((error) => {
    process.stderr.write(`[container-notes] closing the connection: unreadable message from the client: ${error.message}\n`);
    process.exit(1);
  });
  reader.onClose(() => process.exit(lifecycle.shutDown ? 0 : 1));
  return { reader, writer };
}

const isRequest = (m: Message): boolean => 'method' in m && 'id' in m;
const isResponse = (m: Message): boolean => !('method' in m) && 'id' in m;

/** The same transport, telling `activity` when a request arrives and when its answer is written. */
function watched({ reader, writer }: Transport, activity: RequestActivity): Transport {
  return {
    reader: {
      onError: reader.onError,
      onClose: reader.onClose,
      onPartialMessage: reader.onPartialMessage,
      listen: (callback) =>
        reader.listen((message) => {
          activity.messageIn(isRequest(message));
          callback(message);
        }),
      dispose: () => reader.dispose(),
    },
    writer: {
      onError: writer.onError,
      onClose: writer.onClose,
      write: (message) => writer.write(message).finally(() => isResponse(message) && activity.answered()),
      end: () => writer.end(),
      dispose: () => writer.dispose(),
    },
  };
}

/**
 * Writes each message as one frame, header and body in a single write. vscode-jsonrpc's stream
 * writer takes a lock, encodes through a promise, writes the header, waits for that write's
 * callback and only then writes the body: two writes and several turns of the event loop per
 * answer. Answers on stdio came out slower at the tail: over 1,000 Compose completions (7 KB each),
 * p95 0.60–0.91 ms with that writer and 0.59–0.63 ms with this one. Messages leave in the order
 * they are written, as a stream keeps the order of its writes.
 */
export class FrameWriter extends AbstractMessageWriter implements MessageWriter {
  constructor(private readonly out: Pick<NodeJS.WritableStream, 'write' | 'end' | 'on'>) {
    super();
    // As the stream writer does: a closed pipe is reported, not thrown.
    out.on('error', (error: Error) => this.fireError(error));
    out.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    const body = JSON.stringify(message);
    return new Promise((resolve, reject) => {
      this.out.write(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`, 'utf8', (error) => {
        if (!error) return resolve();
        this.fireError(error, message);
        reject(error);
      });
    });
  }

  end(): void {
    this.out.end();
  }
}
