// ttyd framing (tsl0922/ttyd and compatible servers such as Wi-Se): sub-protocol
// 'tty'; the first message is JSON {AuthToken, columns, rows}; then every message
// starts with an ASCII command byte.
import { ProtocolError } from '@netx/core';
import type { DecodedFrame, Framing, OutgoingFrame } from './framing.js';

// Client -> server commands.
const INPUT = 0x30; // '0'
const RESIZE = 0x31; // '1'
// Server -> client commands.
const OUTPUT = 0x30; // '0'
const SET_WINDOW_TITLE = 0x31; // '1'
const SET_PREFERENCES = 0x32; // '2'

const encoder = new TextEncoder();

function prefixed(command: number, body: Uint8Array): Uint8Array {
  const frame = new Uint8Array(body.length + 1);
  frame[0] = command;
  frame.set(body, 1);
  return frame;
}

export const ttydFraming: Framing = {
  name: 'ttyd',
  subprotocols: ['tty'],
  defaultPath: '/ws',
  defaultPort: 7681,
  windowSize: true,
  binarySafe: true,
  policyCloseMeansAuth: true,
  open(context): OutgoingFrame[] {
    const init = { AuthToken: context.authToken ?? '', columns: context.columns, rows: context.rows };
    return [encoder.encode(JSON.stringify(init))];
  },
  encodeInput(bytes: Uint8Array): OutgoingFrame {
    return prefixed(INPUT, bytes);
  },
  encodeResize(columns: number, rows: number): OutgoingFrame {
    return prefixed(RESIZE, encoder.encode(JSON.stringify({ columns, rows })));
  },
  decode(data: Uint8Array): DecodedFrame {
    const command = data[0];
    switch (command) {
      case OUTPUT:
        return { kind: 'data', bytes: data.subarray(1) };
      case SET_WINDOW_TITLE:
        return { kind: 'ignore', what: 'window title' };
      case SET_PREFERENCES:
        return { kind: 'ignore', what: 'preferences' };
      case undefined:
        throw new ProtocolError('The ttyd server sent an empty message; the endpoint does not speak the ttyd protocol, try framing "raw".');
      default:
        throw new ProtocolError(
          `The ttyd server sent a message with unknown command byte 0x${command.toString(16).padStart(2, '0')}; check that the endpoint speaks ttyd, or use framing "raw".`,
        );
    }
  },
};

/** The token ttyd's /token endpoint hands out for `-c user:pass`: base64("user:pass"). */
export function ttydAuthToken(username: string, password: string): string {
  const bytes = encoder.encode(`${username}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary); // btoa takes one character per byte
}
