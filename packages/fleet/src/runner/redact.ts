// Secrets of a host's account never reach results: outputs and error messages are masked.
import type { Account } from '@netx/core';

const MASK = '********';

export function redactorFor(account: Account | undefined): (text: string) => string {
  const secrets = [account?.password, account?.authorizationPassword, account?.key?.passphrase]
    .filter((s): s is string => typeof s === 'string' && s.length > 0)
    .sort((a, b) => b.length - a.length);
  if (secrets.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const s of secrets) if (out.includes(s)) out = out.split(s).join(MASK);
    return out;
  };
}

/** The device's answer to `command` without the echo line, with '\n' line ends. */
export function cleanOutput(response: string, command: string): string {
  const text = response.replace(/\r+\n/g, '\n').replace(/\r/g, '');
  const nl = text.indexOf('\n');
  const first = nl < 0 ? text : text.slice(0, nl);
  const body = command !== '' && first.includes(command.trim()) ? (nl < 0 ? '' : text.slice(nl + 1)) : text;
  return body.replace(/\n+$/, '');
}
