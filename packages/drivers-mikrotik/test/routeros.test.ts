// Table tests of the routeros driver's own data: its samples against its patterns,
// its guess signals against the Exscript login corpus (which it must not claim),
// fed whole and one character at a time.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { driverTableTests, readBannerDir } from '@netx/driver-test-kit';
import { routeros as driver } from '../src/routeros.js';

const CORPUS = fileURLToPath(new URL('../../drivers/test/data/banners/', import.meta.url));

driverTableTests({ describe, it, expect }, driver, { foreignBanners: readBannerDir(CORPUS), maxForeignScore: 30 });

describe('routeros driver', () => {
  it('answers the first-login questions and dumps paged output', () => {
    const answer = (t: string) => driver.pagers.find((p) => p.pattern.test(t))?.answer;
    expect(answer('\r\nDo you want to see the software license? [Y/n]: ')).toBe('n\r');
    expect(answer('\r\nPlease press "Enter" to continue!')).toBe('\r');
    expect(answer('\r\n-- [Q quit|D dump|down]')).toBe('D');
  });
});
