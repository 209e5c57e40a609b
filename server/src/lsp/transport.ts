import { type MessageReader, type MessageWriter, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import type { Lifecycle } from './lifecycle';

/**
 * The stdio transport, built here instead of by `--stdio` so that a frame the reader cannot take
 * (a header without a numeric Content-Length, a body that is not JSON) ends the connection with
 * the reason on stderr. vscode-languageserver drops reader errors, and the reader, having lost its
 * place in the stream, would then take every later byte for garbage: the server looked alive and
 * never answered again. The exit code follows the LSP: 0 after `shutdown`, 1 otherwise. As with
 * `--stdio`, console output of any library goes to stderr: stdout carries only the protocol.
 */
export function stdioTransport(lifecycle: Lifecycle): { reader: MessageReader; writer: MessageWriter } {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  console.log = console.info = console.debug = console.error;
  reader.onError((error) => {
    process.stderr.write(`[container-notes] closing the connection: unreadable message from the client: ${error.message}\n`);
    process.exit(1);
  });
  reader.onClose(() => process.exit(lifecycle.shutDown ? 0 : 1));
  return { reader, writer };
}
