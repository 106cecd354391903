// Text codec for one connection. Decoding is stream-safe: a multi-byte character
// split across two chunks decodes right. latin1 is decoded byte for byte (WHATWG
// TextDecoder('latin1') is windows-1252, which changes 0x80..0x9f; see bytes.ts).
import { decodeLatin1, encodeLatin1, encodeUtf16le, isAscii, utf8 } from './bytes.js';

export interface TextCodec {
  readonly encoding: string;
  decode(bytes: Uint8Array): string;
  /** Bytes held back because a character is not complete yet, decoded as they are. */
  flush(): string;
  encode(text: string): Uint8Array;
}

const LATIN1 = new Set(['latin1', 'latin-1', 'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'l1', 'binary']);
// Encodings this module can write; the rest decode fine but are written as ASCII only.
const ENCODERS: Record<string, (text: string) => Uint8Array> = {
  ascii: encodeLatin1, // Node's 'ascii' writes the low byte, like latin1
  'us-ascii': encodeLatin1,
  utf8: (text) => utf8.encode(text),
  'utf-8': (text) => utf8.encode(text),
  'utf-16le': encodeUtf16le,
  utf16le: encodeUtf16le,
  ucs2: encodeUtf16le,
  'ucs-2': encodeUtf16le,
};

export function createCodec(encoding = 'latin1'): TextCodec {
  const name = encoding.trim().toLowerCase();
  if (LATIN1.has(name)) {
    return { encoding: 'latin1', decode: decodeLatin1, flush: () => '', encode: encodeLatin1 };
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(name);
  } catch {
    throw new RangeError(`Unknown encoding ${JSON.stringify(encoding)}; use 'latin1', 'utf-8' or another WHATWG encoding label.`);
  }
  const encoder = ENCODERS[name];
  return {
    encoding: name,
    decode: (bytes) => decoder.decode(bytes, { stream: true }),
    flush: () => decoder.decode(),
    encode: (text) => {
      if (encoder) return encoder(text);
      // No encoder for this one: plain ASCII is the same in every such encoding.
      if (isAscii(text)) return utf8.encode(text);
      throw new RangeError(`Cannot encode non-ASCII text as ${encoding}; send ASCII or use 'utf-8'/'latin1'.`);
    },
  };
}
