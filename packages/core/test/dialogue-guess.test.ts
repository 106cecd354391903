// What the session saw of its login dialogues revises the OS guess: a console
// server's "Linux" banner must not outrank the network device that asks the last
// questions and prints the prompt (issue #13, item 5).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Account, defineDriver, GENERIC_PROMPT } from '../src/index.js';
import { OsGuesser } from '../src/guess/os-guesser.js';
import { loginDevice } from './helpers/login-device.js';
import { connected, settle } from './helpers/setup.js';

// In the shapes of the real drivers (Exscript's signals and scores).
const ios = defineDriver({
  name: 'ios',
  usernamePrompt: /user ?name: ?(?=\n?$)/i,
  passwordPrompt: /[\r\n][Pp]assword: ?(?=\n?$)/,
  prompt: /[\r\n][\-\w+.:/]+(?:\([^)]+\))?[>#] ?(?=\n?$)/,
  authorizeCommand: 'enable',
  guess: { head: [{ match: 'User Access Verification', score: 60 }, { match: /user ?name: ?$/i, score: 30 }] },
});
const shell = defineDriver({
  name: 'shell',
  usernamePrompt: /(user|login): (?=\n?$)/i,
  passwordPrompt: /Password: ?(?=\n?$)/,
  prompt: GENERIC_PROMPT,
  guess: { head: [{ match: /\blinux\b/i, score: 70 }, { match: /(user|login): $/i, score: 20 }] },
});
const linux = defineDriver({
  name: 'linux',
  usernamePrompt: [/(?:^|[\r\n])[^\r\n]*login: ?$/i, /user ?name: ?$/i],
  passwordPrompt: /(?:^|[\r\n])[^\r\n]*[Pp]assword: ?$/,
  prompt: /[\r\n][\w.\-]{1,64}@[\w.\-]{1,64}:[~/][^\r\n]{0,256}?[$#] ?$/,
  guess: { head: [{ match: 'The programs included with the Debian GNU/Linux system are free software', score: 72 }] },
});
const eos = defineDriver({
  name: 'eos',
  prompt: /(?:^|[\r\n])[\-\w+.:/]+(?:\([^)]+\)){0,3}[>#] ?(?=\n?$)/,
  passwordPrompt: /[\r\n]Password: ?(?=\n?$)/i,
  guess: { head: [{ match: /[\r\n]localhost[>#] ?$/, score: 45 }] },
});
const drivers = [ios, shell, linux, eos];

const DEBIAN_CS = 'Debian GNU/Linux 12 cs1 ttyS0\r\n\r\ncs1 login: ';
const DEBIAN_MOTD =
  'admin\r\nPassword: \r\nLinux cs1 6.1.0-13-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.55-1 x86_64\r\n\r\n' +
  'The programs included with the Debian GNU/Linux system are free software;\r\nthe exact distribution terms ...\r\n';
const IOS_LOGIN = '\r\nUser Access Verification\r\n\r\nUsername: ';

/** A stream in parts; `fact` is what the session saw at the end of the part. */
interface Part {
  text: string;
  fact?: ['username' | 'password' | 'prompt', string];
}

function play(parts: readonly Part[], split: (text: string) => string[] = (t) => [t]): OsGuesser {
  const g = new OsGuesser(drivers);
  let seen = '';
  for (const p of parts) {
    for (const c of split(p.text)) g.data(c);
    seen += p.text;
    if (!p.fact) continue;
    const [kind, line] = p.fact;
    const text = seen.slice(seen.lastIndexOf(line));
    if (kind === 'prompt') g.prompt(text);
    else g.question(kind, text);
  }
  return g;
}

// A Debian console server, its login and motd; then the Cisco device's own login and prompt.
const consoleServerToIos: Part[] = [
  { text: DEBIAN_CS, fact: ['username', 'cs1 login: '] },
  { text: 'admin\r\nPassword: ', fact: ['password', 'Password: '] },
  { text: DEBIAN_MOTD.slice('admin\r\nPassword: '.length) + IOS_LOGIN, fact: ['username', 'Username: '] },
  { text: 'admin\r\nPassword: ', fact: ['password', 'Password: '] },
  { text: '\r\nr1>', fact: ['prompt', '\r\nr1>'] },
];

describe('the last login dialogue outranks an earlier banner', () => {
  it('the text alone says shell (Linux 70 beats User Access Verification 60)', () => {
    const g = new OsGuesser(drivers);
    g.data(consoleServerToIos.map((p) => p.text).join(''));
    expect(g.best()).toBe('linux');
  });

  it('with the dialogue facts it is ios: shell does not ask `Username:`, linux has no `r1>` prompt', () => {
    expect(play(consoleServerToIos).best()).toBe('ios');
  });

  it('before the prompt the questions already put shell out; linux (its motd came after the handover) leads until the prompt', () => {
    const g = play(consoleServerToIos.slice(0, 3));
    expect(g.scores().map((s) => s.name)).toEqual(['linux', 'ios', 'shell']);
  });

  it('a driver that already spoke before the handover and says nothing in the last dialogue is superseded (eos after a Cisco terminal server)', () => {
    const parts: Part[] = [
      { text: IOS_LOGIN, fact: ['username', 'Username: '] },
      { text: 'admin\r\nPassword: ', fact: ['password', 'Password: '] },
      { text: '\r\n---\r\nbanner\r\n---\r\nPassword:', fact: ['password', 'Password:'] },
      { text: '\r\nlocalhost>', fact: ['prompt', '\r\nlocalhost>'] },
    ];
    expect(play(parts).best()).toBe('eos');
    // Without the dialogue facts the terminal server's banner wins.
    const g = new OsGuesser(drivers);
    g.data(parts.map((p) => p.text).join(''));
    expect(g.best()).toBe('ios');
  });

  it('a single device keeps its banner evidence (no handover: one dialogue)', () => {
    const parts: Part[] = [
      { text: `Linux build box${IOS_LOGIN}`.replace('Username: ', '\r\nbuild-01 login: '), fact: ['username', 'build-01 login: '] },
      { text: 'admin\r\nPassword: ', fact: ['password', 'Password: '] },
      { text: '\r\nLast login: today\r\nadmin@build-01:~$ ', fact: ['prompt', '\r\nadmin@build-01:~$ '] },
    ];
    expect(play(parts).best()).toBe('shell');
  });

  it('the answer does not depend on how the text of each part was chunked', () => {
    const whole = play(consoleServerToIos).scores();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 8 }), (sizes) => {
        let k = 0;
        const split = (t: string) => {
          const out: string[] = [];
          for (let i = 0; i < t.length; ) {
            const n = sizes[k++ % sizes.length]!;
            out.push(t.slice(i, i + n));
            i += n;
          }
          return out;
        };
        expect(play(consoleServerToIos, split).scores()).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });

  it('a second login after the first completed reopens the head: the new device’s banner counts', () => {
    const g = new OsGuesser(drivers);
    g.data(`${DEBIAN_CS}admin\r\nPassword: \r\nadmin@cs1:~$ `);
    g.endHead();
    g.data('connect port 5\r\n');
    g.reopenHead();
    g.data(IOS_LOGIN);
    g.question('username', 'Username: ');
    g.data('admin\r\nPassword: ');
    g.question('password', 'Password: ');
    g.data('\r\nr1>');
    g.prompt('\r\nr1>');
    expect(g.best()).toBe('ios');
  });
});

describe('Protocol: a login through a Linux console server ends in the device’s enable', () => {
  it('guesses ios after login and sends `enable` (shell, the text-only guess, has no authorization step)', async () => {
    const device = loginDevice({
      banner: DEBIAN_CS.replace('cs1 login: ', '') + '\r\n' + DEBIAN_MOTD.slice('admin\r\nPassword: '.length) + '\r\nUser Access Verification\r\n\r\n',
      ask: ['username', 'password'],
      user: 'admin',
      password: 'pw',
      prompt: '\r\nr1>',
      enable: { command: 'enable', password: 'en', prompt: '\r\nr1#' },
    });
    const { conn, t } = await connected(device, { drivers });
    await conn.login(new Account({ name: 'admin', password: 'pw', password2: 'en' }));
    await settle();
    expect(conn.guessOs()).toBe('ios');
    expect(t.written).toContain('enable\r');
    expect(device.log.state).toBe('privileged');
    expect(conn.isAppAuthorized()).toBe(true);
  });
});

describe('Protocol: an uncertain guess still ends the login at any known driver’s prompt', () => {
  // `[local]core-1#` (SmartEdge, its real patterns and head signal) fits neither the console
  // server's guess nor the generic prompt; before, the login waited for its timeout.
  const smartEdge = defineDriver({
    name: 'smart_edge_os',
    prompt: /[\r\n]\x00?\[\w+\][\-\w+.]+(?:\([^)]+\))?[>#] ?(?=\n?$)/,
    guess: { head: [{ match: /[\r\n]login: /, score: 20 }] },
  });
  const debianConsole = () =>
    loginDevice({
      banner: DEBIAN_CS.replace('cs1 login: ', '') + '\r\n' + DEBIAN_MOTD.slice('admin\r\nPassword: '.length) + '\r\n',
      ask: ['username', 'password'],
      userPrompt: 'login: ',
      user: 'admin',
      password: 'pw',
      prompt: '\r\n[local]core-1#',
      commands: { 'show clock': '12:00:00 UTC' },
    });

  it('logs in behind a Debian console server, and the prompt revises the guess', async () => {
    const { conn, clock } = await connected(debianConsole(), { drivers: [...drivers, smartEdge], timeout: 1_000 });
    const login = conn.login(new Account({ name: 'admin', password: 'pw' })).then(() => 'logged in', (e: unknown) => e);
    await settle();
    clock.advance(1_000); // the login either ended at the prompt already or times out now (fails fast)
    expect(await login).toBe('logged in');
    expect(conn.isAppAuthenticated()).toBe(true);
    expect(conn.guessOs()).toBe('smart_edge_os');
    expect((await conn.execute('show clock')).response).toContain('12:00:00 UTC');
  });

  it('a driver the caller fixed keeps to its own prompts: the same login times out', async () => {
    const { conn, clock } = await connected(debianConsole(), { drivers: [...drivers, smartEdge], driver: 'linux', timeout: 1_000 });
    const login = conn.login(new Account({ name: 'admin', password: 'pw' })).catch((e: unknown) => e);
    await settle();
    clock.advance(1_000);
    expect((await login as { code?: string }).code).toBe('NETX_TIMEOUT');
  });
});
