#!/usr/bin/env node
// netx relay: runs on the far side of a real server (the login program of
// telnetd, the ForceCommand of sshd) and joins its stdin/stdout to a test hub
// on 127.0.0.1:<port>. Plain Node ESM with no imports outside node:, so a
// server can run it as `node relay.mjs <port>` from any directory.
//
// When stdin is a tty it is switched to raw mode without echo BEFORE the hub
// sees the connection, so every byte the client sends reaches the hub as it
// was sent and every byte the hub sends reaches the client unchanged.
import { spawnSync } from 'node:child_process';
import { closeSync } from 'node:fs';
import { connect } from 'node:net';

const port = Number(process.argv[2]);
// --hold-pty: for busybox telnetd, which ends a session as soon as it sees its login
// program exit, dropping pty output it has not read yet (it frees the session on
// SIGCHLD). When the hub hangs up we close the terminal instead and wait: telnetd reads
// what is left, sees the pty end and kills us.
const holdPty = process.argv.slice(3).includes('--hold-pty');
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  process.stderr.write('netx relay: usage: relay.mjs <hub port on 127.0.0.1> [--hold-pty]\n');
  process.exit(2);
}
/** How long --hold-pty waits to be killed before exiting anyway. */
const HOLD_MS = 10_000;

/** `stty raw -echo -iexten` on our stdin; servers may run us with a bare PATH. */
function makeStdinRaw() {
  if (!process.stdin.isTTY) return;
  // -iexten: no ^V/^O handling; raw already clears icanon, isig, ixon, icrnl, opost.
  const args = ['raw', '-echo', '-iexten'];
  for (const stty of ['stty', '/usr/bin/stty', '/bin/stty']) {
    const r = spawnSync(stty, args, { stdio: ['inherit', 'ignore', 'ignore'] });
    if (!r.error && r.status === 0) return;
  }
  // Fallback without stty: Node's raw mode (note: it keeps ONLCR on output).
  process.stdin.setRawMode?.(true);
}

makeStdinRaw();

// Node writes to a tty synchronously: a write to a pty nobody reads blocks the whole
// process, so it could not see the hang-up signal. Queue tty output instead (libuv polls).
if (process.stdout.isTTY) process.stdout._handle?.setBlocking?.(false);

let finished = false;
/** --hold-pty: the terminal is let go; the server's hang-up (SIGHUP) or HOLD_MS ends us. */
let holding = false;
/** Set once the client side (the pty, or our stdin) is gone. */
let clientIsGone = false;
function exitNow(code) {
  if (finished) return;
  finished = true;
  process.exit(code);
}
/** --hold-pty: let go of every descriptor on the terminal, then wait (bounded) for the server to end us. */
function releaseTerminal(code) {
  if (finished) return;
  finished = true;
  holding = true;
  // libuv reopened the tty for stdin and stdout (descriptors above 2): close those handles,
  // then 0-2. With no descriptor left on the pty the server reads the rest, then EIO.
  process.stdin._handle?.close?.();
  process.stdout._handle?.close?.();
  for (const fd of [0, 1, 2]) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  }
  setTimeout(() => process.exit(code), HOLD_MS);
}
/** The hub hung up: let what is queued for the client drain (bounded) before going. */
function finishAfterDrain(code) {
  const finish = () => (holdPty && process.stdout.isTTY && !clientIsGone ? releaseTerminal(code) : exitNow(code));
  if (process.stdout.writableLength === 0) return finish();
  process.stdout.once('drain', finish);
  setTimeout(finish, 2000).unref();
}

const socket = connect({ host: '127.0.0.1', port });
socket.setNoDelay(true);

socket.on('error', (err) => {
  if (!clientIsGone) process.stderr.write(`netx relay: hub 127.0.0.1:${port}: ${err.message}\n`);
  clientIsGone ? exitNow(0) : finishAfterDrain(1);
});
// Hub -> client.
const toClient = (chunk) => {
  if (!process.stdout.write(chunk)) {
    socket.pause();
    process.stdout.once('drain', () => socket.resume());
  }
};
socket.on('data', toClient);
// After clientGone() only 'close' ends us: by then end() has flushed the client's last bytes.
socket.on('end', () => clientIsGone || finishAfterDrain(0));
socket.on('close', () => (clientIsGone ? exitNow(0) : finishAfterDrain(0)));

// Client -> hub.
process.stdin.on('data', (chunk) => {
  if (!socket.write(chunk)) {
    process.stdin.pause();
    socket.once('drain', () => process.stdin.resume());
  }
});
// A pty reports the hang-up as SIGHUP, EIO or end; either way the client is gone. What the
// hub still sends has nowhere to go: read and drop it so the hub can finish and close,
// while what the client sent before leaving is flushed to the hub by end().
const clientGone = () => {
  if (clientIsGone || holding) return;
  clientIsGone = true;
  socket.off('data', toClient);
  socket.resume();
  socket.end();
  setTimeout(() => exitNow(0), 2000).unref();
};
process.stdin.on('end', clientGone);
process.stdin.on('error', clientGone);
process.stdout.on('error', clientGone);
// Holding the pty, a hang-up means telnetd read the rest and closed the terminal: done.
process.on('SIGHUP', () => (holding ? process.exit(0) : clientGone()));
process.on('SIGTERM', clientGone);
