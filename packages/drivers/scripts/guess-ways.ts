// The ways a text reaches the OS guesser: whole, one character at a time, in seeded
// random chunks, and as the Protocol feeds it (random byte chunks, each decoded as
// latin-1 by core's own codec, then OsGuesser.data()).
import { createCodec, type Driver } from '@netx/core';
import { guessFromChunks, randomChunks, seededRandom, seedOf } from '@netx/driver-test-kit';

export interface GuessWays {
  whole: string;
  perChar: string;
  random: string;
  protocol: string;
}

/** Random byte chunks of `text` (latin-1), each decoded by the Protocol's codec as a transport delivers them. */
function protocolChunks(text: string, seed: number): string[] {
  const bytes = Buffer.from(text, 'latin1');
  const random = seededRandom(seed);
  const codec = createCodec('latin1');
  const out: string[] = [];
  for (let i = 0; i < bytes.length; ) {
    const n = 1 + Math.floor(random() * 64);
    out.push(codec.decode(bytes.subarray(i, i + n)));
    i += n;
  }
  return out;
}

export function guessWays(drivers: readonly Driver[], text: string, label: string): GuessWays {
  const seed = seedOf(label);
  return {
    whole: guessFromChunks(drivers, [text]),
    perChar: guessFromChunks(drivers, [...text]),
    random: guessFromChunks(drivers, randomChunks(text, seededRandom(seed))),
    protocol: guessFromChunks(drivers, protocolChunks(text, seed ^ 0x5bd1e995)),
  };
}

/** The one answer when every way agrees, else a `whole/perChar/random/protocol` list. */
export function agreed(ways: GuessWays): string {
  const all = [ways.whole, ways.perChar, ways.random, ways.protocol];
  return all.every((g) => g === all[0]) ? all[0]! : all.join('/');
}
