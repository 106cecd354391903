// A small seeded PRNG (mulberry32), so "random" chunkings are the same on every run
// and a failing test id always replays the same chunk sizes.

/** Returns a function giving floats in [0, 1), fixed by `seed`. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed from a string (FNV-1a), e.g. from a driver name and sample index. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Splits `text` into chunks of 1..maxChunk characters chosen by `random`. */
export function randomChunks(text: string, random: () => number, maxChunk = 17): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    const n = 1 + Math.floor(random() * maxChunk);
    out.push(text.slice(i, i + n));
    i += n;
  }
  return out;
}
