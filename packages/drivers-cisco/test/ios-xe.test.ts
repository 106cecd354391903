// Table tests of the ios_xe driver's own data: its samples against its patterns,
// its guess signals against the Exscript login corpus (which it must not claim),
// fed whole and one character at a time.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { driverTableTests, guessScores, readBannerDir } from '@netx/driver-test-kit';
import { ios_xe as driver } from '../src/ios-xe.js';

const CORPUS = fileURLToPath(new URL('../../drivers/test/data/banners/', import.meta.url));
const guess = (text: string, chunk = text.length) => guessScores(driver, text, chunk);

driverTableTests({ describe, it, expect }, driver, { foreignBanners: readBannerDir(CORPUS), maxForeignScore: 30 });

describe('ios_xe driver', () => {
  it('claims IOS-XE only where the text says so', () => {
    expect(guess('\r\nUser Access Verification\r\n\r\nUsername: ')).toEqual([]);
    expect(guess('Cisco IOS XE Software, Version 17.03.04a\r\n')[0]?.score).toBe(90);
    expect(guess('Cisco IOS-XE software\r\n')[0]?.score).toBe(90);
  });
  it('authorizes with enable', () => expect(driver.authorizeCommand).toBe('enable'));
});
