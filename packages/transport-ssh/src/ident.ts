// Reads the server's identification string (RFC 4253 4.2: `SSH-2.0-software
// comments`, possibly after other lines) off the stream ssh2 reads, through
// public stream events only. Our listener is put in front of ssh2's at the moment
// ssh2 adds its own, so no byte can flow before both listen, and it goes away as
// soon as the line is seen.
import type { Duplex } from 'node:stream';

/** Longest preamble (lines before the identification) looked through. */
const MAX_PREAMBLE = 64 * 1024;

export function captureIdent(sock: Duplex, onIdent: (ident: string) => void): void {
  let seen = '';
  let attached = false;
  const capture = (chunk: Buffer | string): void => {
    seen += typeof chunk === 'string' ? chunk : chunk.toString('latin1');
    for (let nl = seen.indexOf('\n'); nl >= 0; nl = seen.indexOf('\n')) {
      const line = seen.slice(0, nl).replace(/\r$/, '');
      seen = seen.slice(nl + 1);
      if (line.startsWith('SSH-')) {
        sock.removeListener('data', capture);
        onIdent(line);
        return;
      }
    }
    if (seen.length > MAX_PREAMBLE) sock.removeListener('data', capture);
  };
  const onNewListener = (event: string | symbol): void => {
    if (event !== 'data' || attached) return;
    attached = true;
    sock.removeListener('newListener', onNewListener);
    // EventEmitter's prepend does not start the flow; the caller's on('data') does, right after.
    sock.prependListener('data', capture);
  };
  sock.on('newListener', onNewListener);
}
