// Table tests of the asa driver's own data: its samples against its patterns,
// its guess signals against the Exscript login corpus (which it must not claim),
// fed whole and one character at a time.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { driverTableTests, readBannerDir } from '@netx/driver-test-kit';
import { asa as driver } from '../src/asa.js';

const CORPUS = fileURLToPath(new URL('../../drivers/test/data/banners/', import.meta.url));

driverTableTests({ describe, it, expect }, driver, { foreignBanners: readBannerDir(CORPUS), maxForeignScore: 30 });

describe('asa driver', () => {
  it('answers the ASA pager with a space and authorizes with enable', () => {
    expect(driver.pagers.find((p) => p.pattern.test('\r\n<--- More --->'))?.answer).toBe(' ');
    expect(driver.authorizeCommand).toBe('enable\r');
  });
});
