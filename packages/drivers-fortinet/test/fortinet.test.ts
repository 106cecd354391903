// Table tests of the fortinet driver's own data: its samples against its patterns,
// its guess signals against the Exscript login corpus (which it must not claim),
// fed whole and one character at a time.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { driverTableTests, guessScores, readBannerDir } from '@netx/driver-test-kit';
import { fortinet as driver } from '../src/fortinet.js';

const CORPUS = fileURLToPath(new URL('../../drivers/test/data/banners/', import.meta.url));
const guess = (text: string, chunk = text.length) => guessScores(driver, text, chunk);

driverTableTests({ describe, it, expect }, driver, { foreignBanners: readBannerDir(CORPUS), maxForeignScore: 30 });

describe('fortinet driver', () => {
  it('leaves the bare `Forti-Name # ` prompt to the fortios driver', () => {
    expect(guess('Forti-Name # ')).toEqual([]);
    expect(guess("user@host's password: \r\nForti-Name #")).toEqual([]);
  });
  it('claims `get system status` output', () => {
    expect(guess('Version: FortiGate-VM64 v7.2.5,build1517,230606 (GA.F)\r\n')[0]?.score).toBe(95);
  });
  it('sets the console to standard output (and under config global with VDOMs)', async () => {
    const sent: string[] = [];
    const conn = {
      send: async () => {},
      expectPrompt: async () => ({ index: 0, match: /x/.exec('x')!, response: '' }),
      waitFor: async () => ({ index: 0, match: /x/.exec('x')!, response: '' }),
      expect: async () => ({ index: 0, match: /x/.exec('x')!, response: '' }),
      appAuthorize: async () => {},
      execute: async (command: string) => {
        sent.push(command);
        if (command === 'config system console' && !sent.includes('config global')) {
          const { InvalidCommandError } = await import('@netx/core');
          throw new InvalidCommandError('Command fail', 'Command fail. Return code -61');
        }
        return { index: 0, match: /x/.exec('x')!, response: '' };
      },
    };
    await driver.autoInit(conn);
    expect(sent).toEqual(['config system console', 'config global', 'config system console', 'set output standard', 'end', 'end']);
  });
});
