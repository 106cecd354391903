// Table tests of the comware driver's own data: its samples against its patterns,
// its guess signals against the Exscript login corpus (which it must not claim),
// fed whole and one character at a time.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { driverTableTests, guessScores, readBannerDir } from '@netx/driver-test-kit';
import { comware as driver } from '../src/comware.js';

const CORPUS = fileURLToPath(new URL('../../drivers/test/data/banners/', import.meta.url));
const guess = (text: string, chunk = text.length) => guessScores(driver, text, chunk);

driverTableTests({ describe, it, expect }, driver, { foreignBanners: readBannerDir(CORPUS), maxForeignScore: 30 });

describe('comware driver', () => {
  it('does not claim the VRP prompt shape', () => expect(guess('\r\n<HUAWEI>')).toEqual([]));
});
