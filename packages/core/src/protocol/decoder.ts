// Text codec for one connection. Decoding is stream-safe: a multi-byte character
// split across two chunks decodes right. latin1 is decoded byte for byte (WHATWG
// TextDecoder('latin1') is windows-1252, which changes 0x80..0x9f).

export interface TextCodec {
  readonly encoding: string;
  decode(bytes: Uint8Array): string;
  /** Bytes held back because a character is not complete yet, decoded as they are. */
  flush(): string;
  encode(text: string): Uint8Array;
}

const LATIN1 = new Set(['latin1', 'latin-1', 'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'l1', 'binary']);
const BUFFER_ENCODINGS: Record<string, BufferEncoding> = {
  ascii: 'ascii',
  'us-ascii': 'ascii',
  utf8: 'utf8',
  'utf-8': 'utf8',
  'utf-16le': 'utf16le',
  utf16le: 'utf16le',
  ucs2: 'utf16le',
  'ucs-2': 'utf16le',
};

export function createCodec(encoding = 'latin1'): TextCodec {
  const name = encoding.trim().toLowerCase();
  if (LATIN1.has(name)) {
    return {
      encoding: 'latin1',
      decode: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'),
      flush: () => '',
      encode: (text) => Buffer.from(text, 'latin1'), // a Buffer is a Uint8Array: no copy
    };
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(name);
  } catch {
    throw new RangeError(`Unknown encoding ${JSON.stringify(encoding)}; use 'latin1', 'utf-8' or another WHATWG encoding label.`);
  }
  const bufferEncoding = BUFFER_ENCODINGS[name];
  return {
    encoding: name,
    decode: (bytes) => decoder.decode(bytes, { stream: true }),
    flush: () => decoder.decode(),
    encode: (text) => {
      if (bufferEncoding) return Buffer.from(text, bufferEncoding);
      // No encoder for this one in Node: plain ASCII is the same in every such encoding.
      if (/^[\x00-\x7f]*$/.test(text)) return Buffer.from(text, 'latin1');
      throw new RangeError(`Cannot encode non-ASCII text as ${encoding}; send ASCII or use 'utf-8'/'latin1'.`);
    },
  };
}
