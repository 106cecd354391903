// Text <-> bytes without Node's Buffer, so core runs in browsers and workers too.
// latin1 is byte for byte (U+0000..U+00FF). WHATWG TextDecoder has no true latin1
// (its 'latin1' label is windows-1252, which differs only at 0x80..0x9f), so the
// native windows-1252 decoder does the work and those few characters are mapped back.

export const utf8 = new TextEncoder();

const WIDE = /[^\x00-\xff]/g;
const HAS_WIDE = /[^\x00-\xff]/;
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const CHUNK = 4096; // characters per String.fromCharCode call (argument-count limits)

interface NativeLatin1 {
  decoder: InstanceType<typeof TextDecoder>;
  /** windows-1252's character for 0x80..0x9f -> the latin1 character of that byte. */
  back: Map<string, string>;
}

function nativeLatin1(): NativeLatin1 | undefined {
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder('windows-1252');
  } catch {
    return undefined; // a runtime without the legacy encodings
  }
  const back = new Map<string, string>();
  const all = new Uint8Array(256);
  for (let i = 0; i < 256; i++) all[i] = i;
  const text = decoder.decode(all);
  if (text.length !== 256) return undefined;
  for (let i = 0; i < 256; i++) {
    const c = text[i]!;
    if (c.charCodeAt(0) === i) continue;
    if (i < 0x80 || i > 0x9f || c.charCodeAt(0) <= 0xff) return undefined; // not windows-1252 as expected
    back.set(c, String.fromCharCode(i));
  }
  return { decoder, back };
}

let native: NativeLatin1 | undefined | null = null;

function fromCharCodes(bytes: Uint8Array): string {
  let out = '';
  for (let at = 0; at < bytes.length; at += CHUNK) {
    out += String.fromCharCode.apply(null, bytes.subarray(at, at + CHUNK) as unknown as number[]);
  }
  return out;
}

/** Each byte as the character of the same number. */
export function decodeLatin1(bytes: Uint8Array): string {
  if (native === null) native = nativeLatin1();
  if (!native) return fromCharCodes(bytes);
  const text = native.decoder.decode(bytes);
  if (!HAS_WIDE.test(text)) return text;
  const back = native.back;
  return text.replace(WIDE, (c: string) => back.get(c) ?? c);
}

/** Each character as one byte (its low 8 bits, as Node's 'latin1' encoding does). */
export function encodeLatin1(text: string): Uint8Array {
  if (ASCII_ONLY.test(text)) return utf8.encode(text); // same bytes, native speed
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i); // a Uint8Array keeps the low byte
  return out;
}

/** UTF-16 code units, little-endian. */
export function encodeUtf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 * i] = unit & 0xff;
    out[2 * i + 1] = unit >> 8;
  }
  return out;
}

/** True when every character is 7-bit ASCII (the same bytes in every ASCII-based encoding). */
export function isAscii(text: string): boolean {
  return ASCII_ONLY.test(text);
}
