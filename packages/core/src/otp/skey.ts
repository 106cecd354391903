// RFC 2289 one-time passwords (S/Key, otp-md4): what a device asks for with
// "s/key 99 ab12cd" or "otp-md4 99 ab12cd".
import { md4 } from './md4.js';
import { SKEY_WORDS } from './words.js';

/** The challenge devices print: `s/key <seq> <seed>` or `otp-md4 <seq> <seed>`. */
export const SKEY_CHALLENGE = /(?:s\/key|otp-md4) (\d+) (\S+)/;

function fold(digest: Uint8Array): Uint8Array {
  const out = new Uint8Array(8);
  for (let i = 0; i < 8; i++) out[i] = digest[i]! ^ digest[i + 8]!;
  return out;
}

/** The 64-bit key for `sequence` (hashed sequence + 1 times, RFC 2289 section 6). */
export function otpKey(password: string, seed: string, sequence: number): Uint8Array {
  if (!Number.isInteger(sequence) || sequence < 0) throw new RangeError('otp: the sequence number must be an integer >= 0.');
  let key = fold(md4(new TextEncoder().encode(seed.toLowerCase() + password)));
  for (let i = 0; i < sequence; i++) key = fold(md4(key));
  return key;
}

/** Six dictionary words for a 64-bit key; the last 2 of the 66 bits are a checksum. */
export function keyToWords(key: Uint8Array): string {
  let bits = 0n;
  for (const byte of key) bits = (bits << 8n) | BigInt(byte);
  let parity = 0n;
  for (let i = 0n; i < 64n; i += 2n) parity += (bits >> i) & 3n;
  const all = (bits << 2n) | (parity & 3n);
  const words: string[] = [];
  for (let i = 5n; i >= 0n; i--) words.push(SKEY_WORDS[Number((all >> (i * 11n)) & 0x7ffn)]!);
  return words.join(' ');
}

/** The S/Key (RFC 2289, MD4) one-time password as six words, e.g. `ACTA AMMO CAR WEB BIN YAP`. */
export function otp(password: string, seed: string, sequence: number): string {
  return keyToWords(otpKey(password, seed, sequence));
}
