// The generic prompt takes non-ASCII host and user names, as Exscript's (Python 3 `\w`
// is Unicode-aware) does: the generic driver's own samples, and the Protocol stopping
// at such a prompt.
import { describe, expect, it } from 'vitest';
import { generic, GENERIC_PROMPT } from '../src/index.js';
import { connected } from './helpers/setup.js';

describe('generic prompt: non-ASCII names', () => {
  it.each(generic.samples.prompts ?? [])('takes %j for a prompt, alone and after output', (p) => {
    expect(GENERIC_PROMPT.test(p)).toBe(true);
    expect(GENERIC_PROMPT.test(`show clock\r\n09:15:00.123 UTC${p}`)).toBe(true);
  });
  it.each(generic.samples.notPrompts ?? [])('does not take %j for a prompt', (p) => {
    expect(GENERIC_PROMPT.test(p)).toBe(false);
  });
  it.each(['Zürich-sw1#', 'root@сервер:~# ', '交换机-1>'])('is not fooled by %j in the middle of a line', (p) => {
    expect(GENERIC_PROMPT.test(`\r\nsome text ${p}`)).toBe(false);
  });
  it('is what a Protocol without a driver stops at (latin1, the default encoding)', async () => {
    const { conn, t } = await connected();
    const p = conn.expectPrompt();
    t.out('uptime is 3 days\r\nZürich-sw1#');
    expect((await p).response).toBe('uptime is 3 days\r');
  });
  it('is what a Protocol without a driver stops at (utf-8)', async () => {
    const { conn, t } = await connected({}, { encoding: 'utf-8' });
    const p = conn.expectPrompt();
    queueMicrotask(() => t.outBytes(new TextEncoder().encode('uptime is 3 days\r\nroot@сервер:~# ')));
    expect((await p).response).toBe('uptime is 3 days\r');
  });
});
