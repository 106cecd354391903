// Raw framing: binary frames are the serial bytes both ways (websockify and
// other byte bridges). Text frames are accepted on receive as their UTF-8 bytes.
import type { DecodedFrame, Framing, OutgoingFrame } from './framing.js';

export const rawFraming: Framing = {
  name: 'raw',
  subprotocols: [],
  defaultPath: '/',
  windowSize: false,
  binarySafe: true,
  policyCloseMeansAuth: false,
  open(): OutgoingFrame[] {
    return [];
  },
  encodeInput(bytes: Uint8Array): OutgoingFrame {
    return bytes;
  },
  decode(data: Uint8Array): DecodedFrame {
    // A text frame arrives as its UTF-8 bytes already, which is what the stream wants.
    return { kind: 'data', bytes: data };
  },
};
