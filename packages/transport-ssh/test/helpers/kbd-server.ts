// The in-repo SSH simulator (ssh2's Server on 127.0.0.1) for the keyboard-interactive
// cases OpenSSH without an OTP PAM module cannot express: passcode prompts, several
// rounds, endless questions, a server that never answers.
import { connect, type AddressInfo } from 'node:net';
import ssh2 from 'ssh2';
import type { AuthContext, AuthenticationType, Connection } from 'ssh2';

export interface KbdRound {
  prompt: string;
  /** The answer that lets the login go on. */
  expect: string;
}

export interface KbdServerOptions {
  /** Rounds of questions (each round: one INFO_REQUEST with these prompts). */
  rounds?: KbdRound[][];
  /** 'endless': ask the first round again and again; 'silent': never answer the keyboard-interactive request. */
  mode?: 'script' | 'endless' | 'silent';
  /** Act as a jump host: forward direct-tcpip channels to 127.0.0.1 ports. Default false. */
  forwarding?: boolean;
  /** Also accept the `password` method with this password (any user). */
  password?: string;
  /** After login, never answer this request (the session channel open, the PTY or the shell request). */
  unanswered?: 'session' | 'pty' | 'shell';
}

export interface KbdServer {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** Every answer the client sent, in order. */
  readonly answers: string[];
  /** Resolves when the first keyboard-interactive request arrived. */
  readonly kbdRequested: Promise<void>;
  /** Resolves when the client's first session channel open, PTY or shell request arrived. */
  requested(what: 'session' | 'pty' | 'shell'): Promise<void>;
  stop(): Promise<void>;
}

export async function startKbdServer(options: KbdServerOptions): Promise<KbdServer> {
  const hostKey = parsableHostKey();
  const answers: string[] = [];
  const connections = new Set<Connection>();
  let onKbd!: () => void;
  const kbdRequested = new Promise<void>((r) => (onKbd = r));
  const rounds = options.rounds ?? [];
  const mode = options.mode ?? 'script';
  const seen = { session: signal(), pty: signal(), shell: signal() };

  const server = new ssh2.Server({ hostKeys: [hostKey] }, (client) => {
    connections.add(client);
    client.on('close', () => connections.delete(client));
    client.on('error', () => undefined);
    client.on('authentication', (ctx: AuthContext) => {
      const methods: AuthenticationType[] = options.password !== undefined ? ['password', 'keyboard-interactive'] : ['keyboard-interactive'];
      if (ctx.method === 'password' && options.password !== undefined) return ctx.password === options.password ? ctx.accept() : ctx.reject(methods);
      if (ctx.method !== 'keyboard-interactive') return ctx.reject(methods);
      onKbd();
      if (mode === 'silent') return; // never answers: the client's watchdog must end the wait
      let i = 0;
      const ask = () => {
        const round = mode === 'endless' ? rounds[0]! : rounds[i];
        if (!round) return ctx.accept();
        ctx.prompt(round.map((r) => ({ prompt: r.prompt, echo: false })), 'netx test', (given) => {
          answers.push(...given);
          const ok = round.every((r, k) => given[k] === r.expect);
          if (!ok) return ctx.reject(['keyboard-interactive']);
          i++;
          ask();
        });
      };
      ask();
    });
    client.on('ready', () => {
      if (options.forwarding) {
        client.on('tcpip', (accept, reject, info) => {
          if (info.destIP !== '127.0.0.1') return reject();
          const upstream = connect(info.destPort, '127.0.0.1');
          upstream.once('connect', () => {
            const channel = accept();
            channel.pipe(upstream).pipe(channel);
            channel.on('close', () => upstream.destroy());
            upstream.on('close', () => channel.end());
          });
          upstream.once('error', () => reject());
        });
      }
      client.on('session', (accept) => {
        seen.session.fire();
        if (options.unanswered === 'session') return; // neither accepted nor rejected
        const session = accept();
        session.on('pty', (acceptPty) => {
          seen.pty.fire();
          if (options.unanswered !== 'pty') acceptPty?.();
        });
        session.on('shell', (acceptShell) => {
          seen.shell.fire();
          if (options.unanswered === 'shell') return;
          const stream = acceptShell();
          stream.write('sim>');
          stream.on('data', (d: Buffer) => stream.write(d));
        });
      });
    });
  });
  // Port 0: the OS picks a free port at bind time, so nothing can take it in between.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    host: '127.0.0.1',
    port,
    answers,
    kbdRequested,
    requested: (what) => seen[what].promise,
    async stop() {
      for (const c of connections) c.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * ssh2 1.17's generateKeyPairSync('ed25519') now and then writes a key its own parser
 * rejects ("Malformed OpenSSH private key", about 1 in 300 here): keep the first that parses.
 */
function parsableHostKey(): string {
  for (let i = 0; i < 20; i++) {
    const key = ssh2.utils.generateKeyPairSync('ed25519').private;
    if (!(ssh2.utils.parseKey(key) instanceof Error)) return key;
  }
  throw new Error('ssh2 generated 20 ed25519 host keys it cannot parse itself; check the ssh2 version.');
}


/** A promise and the function that resolves it. */
function signal(): { promise: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const promise = new Promise<void>((resolve) => (fire = resolve));
  return { promise, fire };
}
