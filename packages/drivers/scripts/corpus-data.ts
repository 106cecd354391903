// The Exscript login corpus (copied into test/data/banners) and every driver's own
// banner samples, as labelled texts for the corpus test and the confusion matrix.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Driver } from '@netx/core';

/** The copy kept in this package (MIT, see its README). */
export const BANNER_DIR = fileURLToPath(new URL('../test/data/banners/', import.meta.url));
/** `sha256sum` lines of every transcript, checked in beside the copy so it cannot drift unseen. */
export const BANNER_SUMS = fileURLToPath(new URL('../test/data/banners.sha256', import.meta.url));

export interface LabelledText {
  /** Where the text comes from: `corpus:<file>` or `sample:<driver>#<i>`. */
  source: string;
  /** The driver that must be guessed; `unknown` for the corpus file no driver may claim. */
  expected: string;
  text: string;
}

/** `ios.3` -> `ios`; `unknown` -> `unknown`. */
export function expectedName(file: string): string {
  return file.replace(/\.\d+$/, '');
}

export function corpusFiles(dir = BANNER_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f !== 'README.md')
    .sort();
}

/** The transcripts, decoded as latin-1 (the Protocol's default encoding). */
export function corpusTexts(dir = BANNER_DIR): LabelledText[] {
  return corpusFiles(dir).map((f) => ({ source: `corpus:${f}`, expected: expectedName(f), text: readFileSync(dir + f, 'latin1') }));
}

/** Every driver's `samples.banners`. */
export function sampleBanners(drivers: readonly Driver[]): LabelledText[] {
  return drivers.flatMap((d) => (d.samples.banners ?? []).map((text, i) => ({ source: `sample:${d.name}#${i}`, expected: d.name, text })));
}
