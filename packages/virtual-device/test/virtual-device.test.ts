// The VirtualDevice on its own (no Protocol): greeting, echo, login, modes,
// errors, pager, chunking, delays and hang-up, seen byte for byte by a bare client.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '@netx/core/testing';
import { VirtualDevice, iosDevice, junosDevice } from '../src/index.js';
import { connect, settle } from './helpers.js';

const IOS_ERASE = '\b'.repeat(10) + ' '.repeat(10) + '\b'.repeat(10);

describe('VirtualDevice basics (Exscript-compatible defaults)', () => {
  it('sends nothing during connect, then the banner and the user prompt', async () => {
    const device = new VirtualDevice({ hostname: 'testhost', banner: 'Welcome to testhost!\n', login: { style: 'username' } });
    const c = connect(device);
    expect(c.text()).toBe('');
    expect(await c.untilEnds('User: ')).toBe('Welcome to testhost!\r\nUser: ');
  });

  it("echoes the user name, ends the line with '\\r\\n' and shows `hostname> `", async () => {
    const device = new VirtualDevice({ hostname: 'testhost', banner: 'Welcome!\n', login: { style: 'username', usernamePrompt: 'User: ' } });
    const c = connect(device);
    await c.untilEnds('User: ');
    c.take();
    await c.send('user\r');
    await c.untilEnds('testhost> ');
    expect(c.take()).toBe('user\r\ntesthost> ');
  });

  it('does not echo the password unless echoPassword is set', async () => {
    for (const echoPassword of [false, true]) {
      const device = new VirtualDevice({ hostname: 'h', banner: 'Hi\n', login: { style: 'password', password: 'pw', echoPassword } });
      const c = connect(device);
      await c.untilEnds('Password: ');
      c.take();
      await c.send('pw\r');
      await c.untilEnds('h> ');
      expect(c.take()).toBe(echoPassword ? 'pw\r\nh> ' : '\r\nh> ');
    }
  });

  it('treats \\r, \\n, \\r\\n and \\r\\0 each as one line end, and handles backspace', async () => {
    const device = new VirtualDevice({ hostname: 'h', commands: { a: 'A', b: 'B', c: 'C', abc: 'ABC' } });
    const c = connect(device);
    await c.untilEnds('h> ');
    c.take();
    await c.send('a\r\nb\r\0c\nabx\x7fc\r');
    await c.until((t) => t.split('h> ').length === 6, 'four prompts');
    expect(c.take()).toBe('a\r\nA\r\nh> b\r\nB\r\nh> c\r\nC\r\nh> abx\b \bc\r\nABC\r\nh> ');
  });

  it('answers unknown commands with the configured text and reprints the prompt on an empty line', async () => {
    const device = new VirtualDevice({ hostname: 'h', unknownCommand: (line) => `nope: ${line}` });
    const c = connect(device);
    await c.untilEnds('h> ');
    c.take();
    await c.send('\rfoo\r');
    await c.until((t) => t.split('h> ').length === 4);
    expect(c.take()).toBe('\r\nh> foo\r\nnope: foo\r\nh> ');
  });

  it('sends nothing back when echo is off', async () => {
    const device = new VirtualDevice({ hostname: 'h', echo: false, commands: { ls: 'file\n' } });
    const c = connect(device);
    await c.untilEnds('h> ');
    c.take();
    await c.send('ls\r');
    await c.untilEnds('h> ');
    expect(c.take()).toBe('file\r\nh> ');
  });

  it('splits output into chunkSize pieces without changing it', async () => {
    const whole = connect(iosDevice());
    const split = connect(iosDevice({ chunkSize: 1 }));
    await whole.untilEnds('Username: ');
    await split.untilEnds('Username: ');
    expect(split.text()).toBe(whole.text());
    expect(split.chunks.every((ch) => ch.length === 1)).toBe(true);
    expect(whole.chunks.length).toBeLessThan(split.chunks.length);
  });

  it('hangs up on exit / logout (a clean close)', async () => {
    for (const cmd of ['exit', 'logout']) {
      const device = new VirtualDevice({ hostname: 'h' });
      const c = connect(device);
      await c.untilEnds('h> ');
      await c.send(`${cmd}\r`);
      await c.until(() => c.closed !== undefined, 'the close');
      expect(c.closed).toEqual({ error: undefined });
      expect(c.text().endsWith(`${cmd}\r\n`)).toBe(true);
      expect(device.sessions[0]?.closed).toBe(true);
    }
  });

  it('ends the connection with a ProtocolError when a handler throws', async () => {
    const device = new VirtualDevice({
      hostname: 'h',
      commands: {
        boom: () => {
          throw new Error('handler bug');
        },
      },
    });
    const c = connect(device);
    await c.untilEnds('h> ');
    await c.send('boom\r');
    await c.until(() => c.closed !== undefined, 'the close');
    expect(isNetxErrorCode(c.closed?.error, 'NETX_PROTOCOL')).toBe(true);
    expect(c.closed?.error?.message).toContain('handler bug');
  });

  it('lets a handler ask questions, change the prompt and keep per-connection state', async () => {
    const device = new VirtualDevice({
      hostname: 'h',
      prompt: (mode, { hostname }) => (mode === 'user' ? `${hostname}$ ` : `${hostname}[${mode}]$ `),
      commands: [
        [
          'reload',
          async (ctx) => {
            const answer = await ctx.ask('Proceed with reload? [confirm]');
            return answer === 'y' ? 'reloading' : 'aborted';
          },
        ],
        [
          /^mode (\w+)$/,
          (ctx) => {
            ctx.mode = ctx.match![1]!;
          },
        ],
        [
          'count',
          (ctx) => {
            const n = ((ctx.state.get('n') as number | undefined) ?? 0) + 1;
            ctx.state.set('n', n);
            return String(n);
          },
        ],
      ],
    });
    const c = connect(device);
    await c.untilEnds('h$ ');
    c.take();
    await c.send('reload\r');
    await c.untilEnds('[confirm]');
    await c.send('y\r');
    await c.untilEnds('h$ ');
    expect(c.take()).toBe('reload\r\nProceed with reload? [confirm]y\r\nreloading\r\nh$ ');
    await c.send('mode x\r');
    await c.untilEnds('h[x]$ ');
    await c.send('count\rcount\r');
    await c.until((t) => t.includes('2\r\n'));
    expect(device.sessions[0]?.mode).toBe('x');
    expect(device.sessions[0]?.commands).toEqual(['reload', 'mode x', 'count', 'count']);
  });

  it('waits for responseDelay and greetingDelay on the session clock', async () => {
    const clock = new ManualClock();
    const device = new VirtualDevice({ hostname: 'h', greetingDelay: 100, responseDelay: 500, commands: { ls: 'files' } });
    const c = connect(device, { clock });
    await settle();
    expect(c.text()).toBe('');
    await clock.advanceAsync(100);
    await c.untilEnds('h> ');
    c.take();
    await c.send('ls\r');
    await settle();
    expect(c.take()).toBe('ls\r\n');
    await clock.advanceAsync(499);
    await settle();
    expect(c.take()).toBe('');
    await clock.advanceAsync(1);
    await c.untilEnds('h> ');
    expect(c.take()).toBe('files\r\nh> ');
  });

  it('cancels a pending delay when the session closes', async () => {
    const clock = new ManualClock();
    const device = new VirtualDevice({ hostname: 'h', responseDelay: 500, commands: { ls: 'files', nap: async (ctx) => void (await ctx.sleep(60_000)) } });
    const c = connect(device, { clock });
    await c.untilEnds('h> ');
    await c.send('ls\r');
    await settle();
    expect(clock.pending()).toBe(1);
    c.peer.clientClosed();
    expect(clock.pending()).toBe(0);

    const c2 = connect(new VirtualDevice({ hostname: 'h', greetingDelay: 100 }), { clock });
    await settle();
    expect(clock.pending()).toBe(1);
    c2.peer.clientClosed();
    expect(clock.pending()).toBe(0);
    await settle();
    expect(c2.text()).toBe('');
  });

  it('treats an Infinity delay as never, without arming a timer', async () => {
    const clock = new ManualClock();
    const device = new VirtualDevice({ hostname: 'h', greetingDelay: Infinity });
    const c = connect(device, { clock });
    await settle();
    expect(clock.pending()).toBe(0);
    await clock.advanceAsync(2 ** 31);
    await settle();
    expect(c.text()).toBe('');
    c.peer.clientClosed();
    await settle();
    expect(device.sessions[0]?.closed).toBe(true);

    const long = new VirtualDevice({ hostname: 'h', commands: { nap: async (ctx) => void (await ctx.sleep(2 ** 31)) } });
    const d = connect(long, { clock });
    await d.untilEnds('h> ');
    d.take();
    await d.send('nap\r');
    await settle();
    expect(clock.pending()).toBe(0);
    expect(d.take()).toBe('nap\r\n');
    d.peer.clientClosed();
  });

  it('reports ambiguous abbreviations', async () => {
    const device = new VirtualDevice({ hostname: 'h', abbreviations: true, commands: { 'clear counters': 'cleared', 'clock set': 'set' } });
    const c = connect(device);
    await c.untilEnds('h> ');
    c.take();
    await c.send('cl\rcle c\r');
    await c.until((t) => t.endsWith('cleared\r\nh> '));
    expect(c.take()).toBe('cl\r\n% Ambiguous command:  "cl"\r\nh> cle c\r\ncleared\r\nh> ');
  });

  it('can be extended with addCommand, per mode', async () => {
    const device = new VirtualDevice({ hostname: 'h', commands: { 'to b': (ctx) => void (ctx.mode = 'b') } });
    device.addCommand('where', 'anywhere').addCommand('where', 'in b', { mode: 'b' });
    const c = connect(device);
    await c.untilEnds('h> ');
    await c.send('where\rto b\rwhere\r');
    await c.until((t) => t.includes('in b'));
    expect(c.text()).toContain('anywhere');
    expect(c.text()).toContain('in b');
  });
});

describe('iosDevice()', () => {
  async function loggedIn(opts: Parameters<typeof iosDevice>[0] = {}) {
    const device = iosDevice(opts);
    const c = connect(device);
    await c.untilEnds('Username: ');
    await c.send('admin\r');
    await c.untilEnds('Password: ');
    await c.send('admin\r');
    await c.untilEnds('r1>');
    c.take();
    return { c, device };
  }

  it('greets with User Access Verification and logs in', async () => {
    const c = connect(iosDevice());
    expect(await c.untilEnds('Username: ')).toBe('\r\nUser Access Verification\r\n\r\nUsername: ');
    await c.send('admin\r');
    await c.untilEnds('Password: ');
    await c.send('admin\r');
    await c.untilEnds('r1>');
    expect(c.text()).toBe('\r\nUser Access Verification\r\n\r\nUsername: admin\r\nPassword: \r\nr1>');
  });

  it('says % Login invalid for wrong credentials and hangs up after three attempts', async () => {
    const c = connect(iosDevice());
    for (let i = 0; i < 3; i++) {
      await c.until((t) => t.split('Username: ').length === i + 2);
      await c.send('admin\r');
      await c.until((t) => t.split('Password: ').length === i + 2);
      await c.send('wrong\r');
    }
    await c.until(() => c.closed !== undefined, 'the close');
    expect(c.text().split('% Login invalid').length).toBe(4);
    expect(c.text()).toContain('% Authentication failed');
    expect(c.text()).not.toContain('wrong');
    expect(c.closed).toEqual({ error: undefined });
  });

  it('enable asks for the secret and switches to r1#; configure terminal and hostname change the prompt', async () => {
    const { c } = await loggedIn();
    await c.send('enable\r');
    await c.untilEnds('Password: ');
    await c.send('enable\r');
    await c.untilEnds('r1#');
    expect(c.take()).toBe('enable\r\nPassword: \r\nr1#');
    await c.send('conf t\r');
    await c.untilEnds('r1(config)#');
    expect(c.take()).toBe('conf t\r\nEnter configuration commands, one per line.  End with CNTL/Z.\r\nr1(config)#');
    await c.send('hostname r2\r');
    await c.untilEnds('r2(config)#');
    await c.send('interface GigabitEthernet0/1\r');
    await c.untilEnds('r2(config-if)#');
    await c.send('exit\r');
    await c.untilEnds('r2(config)#');
    await c.send('end\r');
    await c.untilEnds('r2#');
    await c.send('disable\r');
    await c.untilEnds('r2>');
  });

  it('enable with a wrong secret ends in % Bad secrets, still r1>', async () => {
    const { c } = await loggedIn();
    await c.send('enable\r');
    for (let i = 0; i < 3; i++) {
      await c.until((t) => t.split('Password: ').length === i + 2);
      await c.send('nope\r');
    }
    await c.untilEnds('r1>');
    expect(c.take()).toBe('enable\r\nPassword: \r\nPassword: \r\nPassword: \r\n% Bad secrets\r\nr1>');
  });

  it('enable with AAA asks for a user name first', async () => {
    const { c } = await loggedIn({ enableUsername: 'boss', enablePassword: 'sesame' });
    await c.send('enable\r');
    await c.untilEnds('Username: ');
    await c.send('boss\r');
    await c.untilEnds('Password: ');
    await c.send('sesame\r');
    await c.untilEnds('r1#');
  });

  it("marks an unknown command with a caret and % Invalid input detected at '^' marker.", async () => {
    const { c } = await loggedIn();
    await c.send('frobnicate\r');
    await c.untilEnds('r1>');
    expect(c.take()).toBe("frobnicate\r\n   ^\r\n% Invalid input detected at '^' marker.\r\n\r\nr1>");
    await c.send('show running-config\r');
    await c.untilEnds('r1>');
    expect(c.take()).toContain('% Invalid input detected');
  });

  it('pages show version: space = next page, return = next line, q = quit; terminal length 0 turns paging off', async () => {
    const { c } = await loggedIn();
    await c.send('show version\r');
    await c.untilEnds(' --More-- ');
    const first = c.take();
    expect(first.split('\r\n').length - 1).toBe(25); // the echo line + 24 output lines
    await c.send('\r');
    await c.untilEnds(' --More-- ');
    const oneLine = c.take();
    expect(oneLine.startsWith(IOS_ERASE)).toBe(true);
    expect(oneLine.slice(IOS_ERASE.length).split('\r\n').length - 1).toBe(1);
    await c.send(' ');
    await c.untilEnds('r1>');
    expect(c.take()).toContain('Configuration register is 0x2102\r\nr1>');

    await c.send('show version\r');
    await c.untilEnds(' --More-- ');
    c.take();
    await c.send('q');
    await c.untilEnds('r1>');
    expect(c.take()).toBe(`${IOS_ERASE}\r\nr1>`);

    await c.send('term len 0\r');
    await c.untilEnds('r1>');
    c.take();
    await c.send('sh ver\r');
    await c.untilEnds('r1>');
    const whole = c.take();
    expect(whole).not.toContain('--More--');
    expect(whole).toContain('Cisco IOS Software');
    expect(whole).toContain('Configuration register is 0x2102');
  });

  it('carries remoteVersion for the link to report', () => {
    expect(iosDevice({ remoteVersion: 'SSH-2.0-Cisco-1.25' }).remoteVersion).toBe('SSH-2.0-Cisco-1.25');
  });
});

describe('junosDevice()', () => {
  it('logs in with login:/Password: and shows user@r1> ', async () => {
    const c = connect(junosDevice());
    await c.untilEnds('login: ');
    await c.send('user\r');
    await c.untilEnds('Password:');
    await c.send('juniper\r');
    await c.untilEnds('user@r1> ');
    expect(c.text()).toBe('\r\nr1 (ttyp0)\r\n\r\nlogin: user\r\nPassword:\r\n\r\n--- JUNOS 21.4R3.15 Kernel 64-bit  JNPR-12.1-20230127.3a32f79_buil\r\n\r\nuser@r1> ');
  });

  it('says Login incorrect for a wrong password', async () => {
    const c = connect(junosDevice());
    await c.untilEnds('login: ');
    await c.send('user\r');
    await c.untilEnds('Password:');
    await c.send('bad\r');
    await c.until((t) => t.split('login: ').length === 3);
    expect(c.text()).toContain('Password:\r\nLogin incorrect\r\nlogin: ');
  });

  it('pages with ---(more N%)---, knows set cli screen-length 0, configure and errors', async () => {
    const c = connect(junosDevice());
    await c.untilEnds('login: ');
    await c.send('user\r');
    await c.untilEnds('Password:');
    await c.send('juniper\r');
    await c.untilEnds('user@r1> ');
    c.take();
    await c.send('show version\r');
    await c.untilEnds('---(more 77%)---');
    c.take();
    await c.send(' ');
    await c.untilEnds('user@r1> ');
    expect(c.take().startsWith(`\r${' '.repeat(16)}\r`)).toBe(true);
    await c.send('set cli screen-length 0\r');
    await c.untilEnds('user@r1> ');
    expect(c.take()).toBe('set cli screen-length 0\r\nScreen length set to 0\r\n\r\nuser@r1> ');
    await c.send('show version\r');
    await c.untilEnds('user@r1> ');
    expect(c.take()).not.toContain('more');
    await c.send('frob\r');
    await c.untilEnds('user@r1> ');
    expect(c.take()).toBe(`frob\r\n${' '.repeat(9)}^\r\nerror: unknown command\r\n\r\nuser@r1> `);
    await c.send('configure\r');
    await c.untilEnds('[edit]\r\nuser@r1# ');
    await c.send('exit\r');
    await c.untilEnds('\r\nuser@r1> ');
    await c.send('exit\r');
    await c.until(() => c.closed !== undefined, 'the close');
  });
});

function isNetxErrorCode(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === code;
}
