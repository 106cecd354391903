// Proof on real transcripts: Exscript's 60 login transcripts (copied into
// test/data/banners) and every driver's own banner samples are guessed right by
// OsGuesser over all built-in drivers, whatever the chunking, and the same when the
// text is fed the way the Protocol feeds it (byte chunks decoded, then data()).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allDrivers } from '../src/index.js';
import { BANNER_DIR, corpusFiles, corpusTexts, sampleBanners, BANNER_SUMS } from '../scripts/corpus-data.js';
import { guessWays } from '../scripts/guess-ways.js';

const all = (name: string) => ({ whole: name, perChar: name, random: name, protocol: name });

describe('the Exscript login corpus', () => {
  it('holds the 60 transcripts and the attribution README', () => {
    expect(corpusFiles()).toHaveLength(60);
    expect(readFileSync(BANNER_DIR + 'README.md', 'utf8')).toMatch(/MIT licence,\s+Copyright \(C\) Samuel Abels/);
  });

  // The copy in the repository is the corpus, in every clone; its checked-in sums pin it.
  it('the copy matches test/data/banners.sha256, file for file', () => {
    const sums = readFileSync(BANNER_SUMS, 'utf8').trim().split('\n').map((line) => line.split(/\s+\*?/));
    expect(sums.map(([, f]) => f)).toEqual(corpusFiles());
    for (const [sum, f] of sums) {
      expect(createHash('sha256').update(readFileSync(BANNER_DIR + f!)).digest('hex'), f).toBe(sum);
    }
  });

  // `unknown` (a bare `user@testhost> `) must stay 'unknown': no driver may claim it.
  for (const t of corpusTexts()) {
    it(`${t.source} is guessed as ${t.expected} whole, per character, in random chunks and as the Protocol feeds it`, () => {
      expect(guessWays(allDrivers, t.text, t.source)).toEqual(all(t.expected));
    });
  }
});

describe('every driver banner sample', () => {
  for (const t of sampleBanners(allDrivers)) {
    it(`${t.source} is guessed as ${t.expected} every way`, () => {
      expect(guessWays(allDrivers, t.text, t.source)).toEqual(all(t.expected));
    });
  }
});

describe("Exscript's guessing mistakes stay fixed", () => {
  it('a plain Linux `host login:` is shell, not junos', () => {
    expect(guessWays(allDrivers, '\r\nbuild-01 login: ', 'linux-login')).toEqual(all('shell'));
  });
  it('a `Last login:` line does not make a device junos', () => {
    const text = 'Password:\r\nLast login: Mon Feb 13 09:24:24 2017 from 192.168.57.1\r\nrouter1 login: ';
    expect(guessWays(allDrivers, text, 'last-login').whole).not.toBe('junos');
  });
  it('Cisco gear fed whole is ios, not one_os (ios.4: the S/Key signal counts wherever it sits)', () => {
    const text = readFileSync(BANNER_DIR + 'ios.4', 'latin1');
    expect(guessWays(allDrivers, text, 'ios.4').whole).toBe('ios');
  });
  it('nothing scores on text without a signal', () => {
    expect(guessWays(allDrivers, 'hello\r\nworld\r\n', 'plain')).toEqual(all('unknown'));
  });
});
