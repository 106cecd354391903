// The browser console: a netx session inside the page. The platform's WebSocket
// carries it (WebSocketSerialTransport picks it by itself in a browser) to a console
// server such as websockify; the IOS driver knows the prompts; core does the login
// and the command.
import { Account, Protocol } from '@netx/core';
import { ios } from '@netx/drivers-cisco';
import { WebSocketSerialTransport } from '@netx/transport-websocket-serial';

const field = (id: string) => document.getElementById(id) as HTMLInputElement;
const status = document.getElementById('status')!;
const result = document.getElementById('result')!;
const conversation = document.getElementById('conversation')!;
const button = document.getElementById('run') as HTMLButtonElement;

// Links may preset every field but the password: ?port=6080&path=/&command=show+clock&wake=1
for (const [name, value] of new URLSearchParams(location.search)) {
  if (name === 'password' || name === 'enable' || !(document.getElementById(name) instanceof HTMLInputElement)) continue;
  if (field(name).type === 'checkbox') field(name).checked = value === '1' || value === 'true';
  else field(name).value = value;
}

export interface SessionRequest {
  host: string;
  port: number;
  path: string;
  username: string;
  password: string;
  /** Enable password; empty: log in only, without authorizing. */
  enable: string;
  command: string;
  /** Send Enter right after connecting, for consoles that print nothing until poked. */
  wakeUp: boolean;
}

/** Logs in (and enables, given an enable password), runs one command, closes; returns the command's output. */
export async function runSession(request: SessionRequest, show: (state: string) => void, stdout: (text: string) => void): Promise<string> {
  const conn = new Protocol({
    transport: new WebSocketSerialTransport({ path: request.path || '/', wakeUp: request.wakeUp }),
    driver: ios,
    stdout, // the device's output, passwords masked
    connectTimeout: 15_000,
    timeout: 15_000,
  });
  try {
    show(`connecting to ${request.host}:${request.port}`);
    await conn.connect(request.host, request.port);
    show('logging in');
    if (request.enable) await conn.login(new Account({ name: request.username, password: request.password, password2: request.enable }));
    else await conn.authenticate(new Account({ name: request.username, password: request.password }));
    show(`running ${request.command}`);
    const { response } = await conn.execute(request.command);
    return response;
  } finally {
    await conn.close().catch(() => undefined); // after a failure the session may be gone already
  }
}

document.getElementById('session')!.addEventListener('submit', (event) => {
  event.preventDefault();
  button.disabled = true;
  result.textContent = '';
  conversation.textContent = '';
  const request: SessionRequest = {
    host: field('host').value,
    port: Number(field('port').value),
    path: field('path').value,
    username: field('username').value,
    password: field('password').value,
    enable: field('enable').value,
    command: field('command').value,
    wakeUp: field('wake').checked,
  };
  runSession(
    request,
    (state) => (status.textContent = state),
    (text) => conversation.append(text),
  )
    .then((response) => {
      result.textContent = response.replace(/\r/g, '');
      status.textContent = 'done';
    })
    .catch((err: unknown) => {
      // netx errors say what went wrong and never hold a password.
      status.textContent = err instanceof Error ? `error: ${err.name}: ${err.message}` : `error: ${String(err)}`;
    })
    .finally(() => {
      button.disabled = false;
    });
});
