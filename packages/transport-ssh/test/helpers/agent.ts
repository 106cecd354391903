// A private ssh-agent for tests: `ssh-agent -D -a <sock>` plus `ssh-add`.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestAgent {
  readonly socket: string;
  add(privateKeyPath: string): void;
  stop(): Promise<void>;
}

export async function startAgent(): Promise<TestAgent> {
  const dir = mkdtempSync(join(tmpdir(), 'netx-agent-'));
  const socket = join(dir, 'agent.sock');
  const child = spawn('ssh-agent', ['-D', '-a', socket], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // ssh-agent -D prints "SSH_AUTH_SOCK=...; export SSH_AUTH_SOCK;" once the socket listens.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ssh-agent did not start within 10 s: ${out}`));
    }, 10_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.includes('SSH_AUTH_SOCK=')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`ssh-agent exited (code ${code}): ${out}`));
    });
  });
  return {
    socket,
    add(path) {
      execFileSync('ssh-add', ['-q', path], { env: { ...process.env, SSH_AUTH_SOCK: socket }, stdio: ['ignore', 'pipe', 'pipe'] });
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
