// Child process of the simulator benchmark: the load. Lean clients on purpose
// (ssh2's Client, a socket with the Telnet codec), so the figures are the
// simulator's, not a client library's. Every loop is bounded by counts.
import { connect as tcpConnect } from 'node:net';
import ssh2 from 'ssh2';
import { TelnetCodec } from '@netx/transport-telnet';

export type ClientRequest =
  | { kind: 'logins'; ports: number[]; count: number; concurrency: number }
  | { kind: 'open'; protocol: 'ssh' | 'telnet'; ports: number[]; sessions: number; concurrency: number }
  | { kind: 'run'; perSession: number }
  | { kind: 'close' };

export interface ClientReply {
  kind: ClientRequest['kind'];
  /** Seconds of the measured phase. */
  seconds: number;
  /** Logins or commands done. */
  done: number;
  failures: number;
  /** CPU seconds (user + system) this client spent in the measured phase. */
  cpuSeconds: number;
}

const now = () => Number(process.hrtime.bigint()) / 1e9;
const PROMPT = /[>#] ?$/;

/** One interactive session: send a line, resolve when the prompt comes back. */
interface Session {
  run(line: string): Promise<void>;
  close(): void;
}

function waiter(write: (line: string) => void) {
  let text = '';
  let pending: (() => void) | undefined;
  return {
    feed(chunk: string) {
      text += chunk;
      if (text.length > 4096) text = text.slice(-256);
      if (pending && PROMPT.test(text)) {
        const p = pending;
        pending = undefined;
        text = '';
        p();
      }
    },
    run(line: string) {
      return new Promise<void>((resolve) => {
        pending = resolve;
        write(line);
      });
    },
    /** Resolves at the next prompt, without sending anything. */
    prompt() {
      return new Promise<void>((resolve) => {
        if (PROMPT.test(text)) {
          text = '';
          return resolve();
        }
        pending = resolve;
      });
    },
  };
}

function sshSession(port: number): Promise<Session> {
  return new Promise((resolve, reject) => {
    const c = new ssh2.Client();
    // Our own socket, so each line leaves in one writev (ssh2 writes a packet in three pieces).
    const sock = tcpConnect({ host: '127.0.0.1', port, noDelay: true });
    c.once('error', reject);
    c.once('ready', () => {
      c.shell({ term: 'vt100', cols: 80, rows: 24 }, (err, stream) => {
        if (err) return reject(err);
        const w = waiter((line) => {
          sock.cork();
          stream.write(line);
          sock.uncork();
        });
        stream.on('data', (d: Buffer) => w.feed(d.toString('latin1')));
        void w.prompt().then(() => resolve({ run: (line) => w.run(line), close: () => c.end() }));
      });
    });
    c.connect({ sock, username: 'admin', password: 'admin', readyTimeout: 60_000, keepaliveInterval: 0 });
  });
}

function telnetSession(port: number): Promise<Session> {
  return new Promise((resolve, reject) => {
    const codec = new TelnetCodec({ termType: 'vt100', columns: 80, rows: 24 });
    const socket = tcpConnect({ host: '127.0.0.1', port, noDelay: true });
    const w = waiter((line) => socket.write(line));
    let stage = 0;
    let text = '';
    socket.once('error', reject);
    socket.on('data', (chunk: Buffer) => {
      const r = codec.receive(chunk);
      for (const reply of r.replies) socket.write(reply);
      for (const d of r.data) {
        const s = Buffer.from(d).toString('latin1');
        if (stage === 2) {
          w.feed(s);
          continue;
        }
        text += s;
        if (stage === 0 && text.endsWith('Username: ')) {
          stage = 1;
          socket.write('admin\r\n');
        } else if (stage === 1 && text.endsWith('Password: ')) {
          stage = 2;
          socket.write('admin\r\n');
          void w.prompt().then(() => resolve({ run: (line) => w.run(line), close: () => socket.destroy() }));
        }
      }
    });
  });
}

/** Runs `n` jobs with at most `concurrency` at once; counts failures. */
async function pool(n: number, concurrency: number, job: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  let failures = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      await job(i).catch(() => failures++);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  return failures;
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function logins(r: Extract<ClientRequest, { kind: 'logins' }>): Promise<ClientReply> {
  const start = now();
  const cpu0 = cpu();
  const failures = await pool(r.count, r.concurrency, async (i) => {
    const s = await sshSession(r.ports[i % r.ports.length]!);
    s.close();
  });
  return { kind: 'logins', seconds: now() - start, done: r.count - failures, failures, cpuSeconds: cpu() - cpu0 };
}

/** Sessions kept open between 'open', 'run' and 'close', so the parent can read the server in between. */
let sessions: Session[] = [];

async function openSessions(r: Extract<ClientRequest, { kind: 'open' }>): Promise<ClientReply> {
  const open = r.protocol === 'ssh' ? sshSession : telnetSession;
  const start = now();
  const cpu0 = cpu();
  const failures = await pool(r.sessions, r.concurrency, async (i) => {
    sessions.push(await open(r.ports[i % r.ports.length]!));
  });
  return { kind: 'open', seconds: now() - start, done: sessions.length, failures, cpuSeconds: cpu() - cpu0 };
}

async function run(r: Extract<ClientRequest, { kind: 'run' }>): Promise<ClientReply> {
  const start = now();
  const cpu0 = cpu();
  let done = 0;
  await Promise.all(
    sessions.map(async (s) => {
      for (let k = 0; k < r.perSession; k++) {
        await s.run('show clock\r');
        done++;
      }
    }),
  );
  return { kind: 'run', seconds: now() - start, done, failures: 0, cpuSeconds: cpu() - cpu0 };
}

function closeAll(): ClientReply {
  for (const s of sessions) s.close();
  const done = sessions.length;
  sessions = [];
  return { kind: 'close', seconds: 0, done, failures: 0, cpuSeconds: 0 };
}

process.on('message', (m: ClientRequest) => {
  const job = m.kind === 'logins' ? logins(m) : m.kind === 'open' ? openSessions(m) : m.kind === 'run' ? run(m) : Promise.resolve(closeAll());
  void job.then((reply) => process.send?.(reply));
});
process.send?.({ kind: 'ready' });
