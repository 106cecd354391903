// Table tests of the linux driver's own data: its samples against its patterns,
// its guess signals against the Exscript login corpus (which it must not claim),
// fed whole and one character at a time.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OsGuesser } from '@netx/core';
import { driverTableTests, readBannerDir } from '@netx/driver-test-kit';
import { linux as driver } from '../src/linux.js';

const CORPUS = fileURLToPath(new URL('../../drivers/test/data/banners/', import.meta.url));

driverTableTests({ describe, it, expect }, driver, { foreignBanners: readBannerDir(CORPUS), maxForeignScore: 30 });

describe('linux driver', () => {
  it('claims Ubuntu and Debian builds of OpenSSH from the protocol greeting', () => {
    const g = new OsGuesser([driver]);
    g.protocolInfo('SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.6');
    expect(g.scores()).toEqual([{ name: 'linux', score: 60 }]);
    const h = new OsGuesser([driver]);
    h.protocolInfo('SSH-2.0-Cisco-1.25');
    expect(h.scores()).toEqual([]);
  });
  it('strips bracketed paste and colours before the prompt search', () => {
    expect(driver.cleanSearchText('\r\n\x1b[?2004h\x1b[01;32mroot@host\x1b[00m:/# ')).toBe('\r\nroot@host:/# ');
  });
  it('has no AAA step', () => expect(driver.supportsAutoAuthorize()).toBe(false));
});
