// Byte helpers for the contract tests. Deep-equality matchers walk typed arrays
// element by element (seconds per MiB), so payloads are compared here and a
// mismatch is described by its first differing offset.

export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const c of chunks) size += c.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function hex(b: number | undefined): string {
  return b === undefined ? 'end' : `0x${b.toString(16).padStart(2, '0')}`;
}

/** undefined when equal, otherwise where and how the bytes differ (for an assertion message). */
export function describeByteDifference(actual: Uint8Array, expected: Uint8Array): string | undefined {
  if (actual.length === expected.length && Buffer.from(actual.buffer, actual.byteOffset, actual.length).equals(expected)) {
    return undefined;
  }
  const n = Math.min(actual.length, expected.length);
  let i = 0;
  while (i < n && actual[i] === expected[i]) i++;
  const around = (b: Uint8Array) => Array.from(b.subarray(Math.max(0, i - 4), i + 4), (x) => hex(x)).join(' ');
  return (
    `${actual.length} bytes received, ${expected.length} expected; first difference at offset ${i}: ` +
    `got ${hex(actual[i])}, expected ${hex(expected[i])} (got ...${around(actual)}..., expected ...${around(expected)}...)`
  );
}

/** Every byte value 0x00..0xff once, in order. */
export const ALL_BYTE_VALUES: Uint8Array = Uint8Array.from({ length: 256 }, (_, i) => i);

/** Deterministic pseudo-random bytes (xorshift32), or printable ASCII 0x20..0x7e when `printable`. */
export function patternBytes(length: number, seed = 1, printable = false): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = printable ? 0x20 + (x % 95) : x & 0xff;
  }
  return out;
}
