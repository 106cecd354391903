import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Account, defineDriver, GENERIC_PROMPT, pagers } from '../src/index.js';
import { chunkBy } from './helpers/fake-transport.js';
import { loginDevice } from './helpers/login-device.js';
import { connected } from './helpers/setup.js';

describe('generic prompt (Exscript test vectors)', () => {
  const prompts = [
    '[sam123@home ~]$', '[MyHost-A1]', '<MyHost-A1>', 'sam@knip:~/Code/exscript$', 'sam@MyHost-X123>', 'sam@MyHost-X123#',
    'MyHost-ABC-CDE123>', 'MyHost-A1#', 'S-ABC#', '0123456-1-1-abc#', '0123456-1-1-a>', 'MyHost-A1(config)#', 'MyHost-A1(config)>',
    'RP/0/RP0/CPU0:A-BC2#', 'FA/0/1/2/3>', 'FA/0/1/2/3(config)>', 'FA/0/1/2/3(config)#', 'ec-c3-c27s99(su)->', 'foobar:0>',
    'admin@s-x-a6.a.bc.de.fg:/# ', 'admin@s-x-a6.a.bc.de.fg:/% ',
  ];
  const notPrompts = ['one two', ' [MyHost-A1]', '[edit]\r', '[edit]\n', '[edit foo]\r', '[edit foo]\n', '[edit foo]\r\n', '[edit one two]'];
  it.each(prompts)('matches %j after a newline and after a line of text', (p) => {
    expect(GENERIC_PROMPT.test(`\n${p}`)).toBe(true);
    expect(GENERIC_PROMPT.test(`this is a test\r\n${p}`)).toBe(true);
    expect(GENERIC_PROMPT.test(`some text ${p}`)).toBe(false);
  });
  it.each(notPrompts)('never matches %j', (p) => {
    expect(GENERIC_PROMPT.test(`\n${p}`)).toBe(false);
    expect(GENERIC_PROMPT.test(`this is a test\r\n${p}`)).toBe(false);
  });
  it('is what a Protocol without a driver waits for', async () => {
    const { conn, t } = await connected();
    const p = conn.expectPrompt();
    t.out('this is a test\r\nRP/0/RP0/CPU0:A-BC2#');
    expect((await p).response).toBe('this is a test\r');
  });
});

describe('chunking independence (property)', () => {
  const weird = defineDriver({ name: 'weird', guess: { head: [{ match: 'WeirdOS', score: 90 }] }, pagers: [pagers.MORE] });
  const other = defineDriver({ name: 'other', guess: { head: [{ match: /Other(?:OS)?/, score: 50 }] } });
  const body = Array.from({ length: 40 }, (_, i) => `interface ge-0/0/${i} up TOKEN${i}`).join('\r\n');

  async function session(sizes: number[]) {
    const d = loginDevice({
      banner: 'OtherOS? no: WeirdOS 2.1 login service\r\nThere were 3 failed login attempts.\r\n',
      ask: ['username', 'password'], user: 'admin', password: 'pw', echo: true, prompt: '\r\nbox# ',
      commands: { 'show int': body },
    });
    const { conn, t } = await connected({ ...d, chunker: chunkBy(sizes) }, { drivers: [other, weird] });
    const cliLine = t.options.onLine!;
    t.options.onLine = (line, dev) => (line === 'paged' ? dev.out('paged\r\npage one\r\n --More-- ') : cliLine(line, dev));
    t.options.onWrite = (text, dev) => {
      if (text === ' ') dev.out('\b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\bpage two\r\nbox# ');
    };
    const results: unknown[] = [];
    await conn.login(new Account({ name: 'admin', password: 'pw' }));
    results.push(conn.response, conn.guessOs(), conn.getBuffer());
    const r = await conn.execute('show int');
    results.push(r.response);
    await conn.send('show int\r');
    const hit = await conn.expect(['TOKEN3[0-9]', 'no such text']);
    results.push(hit.index, hit.match[0], hit.response);
    const w = await conn.waitFor(/ge-0\/0\/(\d+) up/);
    results.push(w.match[1], w.response.length);
    await conn.expectPrompt();
    results.push(conn.response?.length, (await conn.execute('paged')).response);
    return results;
  }

  it('gives the same responses, matches and guesses for any chunking of the same bytes', async () => {
    const whole = await session([1_000_000]);
    expect(whole[1]).toBe('weird');
    expect(whole.at(-1)).toBe('paged\r\npage one\r\npage two\r');
    expect(await session([1])).toEqual(whole);
    expect(await session([9, 1])).toEqual(whole);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 }), async (sizes) => {
        expect(await session(sizes)).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });
});
