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
import { connect } from 'node:net';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  process.stderr.write('netx relay: usage: relay.mjs <hub port on 127.0.0.1>\n');
  process.exit(2);
}

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

let finished = false;
function finish(code) {
  if (finished) return;
  finished = true;
  // Let what is queued for the client drain before the process goes.
  if (process.stdout.writableLength > 0) {
    process.stdout.once('drain', () => process.exit(code));
    setTimeout(() => process.exit(code), 2000).unref();
  } else {
    process.exit(code);
  }
}

const socket = connect({ host: '127.0.0.1', port });
socket.setNoDelay(true);

socket.on('error', (err) => {
  process.stderr.write(`netx relay: hub 127.0.0.1:${port}: ${err.message}\n`);
  finish(1);
});
// Hub -> client.
socket.on('data', (chunk) => {
  if (!process.stdout.write(chunk)) {
    socket.pause();
    process.stdout.once('drain', () => socket.resume());
  }
});
socket.on('end', () => finish(0));
socket.on('close', () => finish(0));

// Client -> hub.
process.stdin.on('data', (chunk) => {
  if (!socket.write(chunk)) {
    process.stdin.pause();
    socket.once('drain', () => process.stdin.resume());
  }
});
// A pty reports the hang-up as EIO or end; either way the client is gone.
const clientGone = () => {
  socket.end();
  setTimeout(() => finish(0), 2000).unref();
  socket.once('close', () => finish(0));
};
process.stdin.on('end', clientGone);
process.stdin.on('error', clientGone);
process.stdout.on('error', clientGone);
process.on('SIGHUP', clientGone);
process.on('SIGTERM', clientGone);
