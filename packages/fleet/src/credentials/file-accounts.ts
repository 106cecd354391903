// Credentials from a YAML or JSON file that only its owner may read:
//
//   default:  { username: admin, password: pw, enable: en }
//   accounts: { core: { username: netops, keyFile: /home/me/.ssh/id_ed25519 } }
//   hosts:    { r1: { password: other } }
//
// A host takes hosts[<name>], else accounts[<its account option>], else accounts[<its user>], else default.
import { Account, type AccountFactory } from '@netx/core';
import { LineCounter, parseDocument } from 'yaml';
import { CredentialError } from '../errors.js';
import type { FleetAccountContext } from './context.js';
import { readKeyFile, readPrivateFile } from './files.js';

interface Entry {
  username?: string;
  password?: string;
  enable?: string;
  keyFile?: string;
  passphrase?: string;
}

const ENTRY_KEYS = ['username', 'password', 'enable', 'keyFile', 'passphrase'];

/** Reads and checks the file now (permissions, syntax); keys are read when a host needs them. */
export function fileAccounts(path: string): AccountFactory {
  const text = readPrivateFile(path, 'credentials file').toString('utf8');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new CredentialError(`${path}:${lines.linePos(e.pos[0]).line}: syntax error in the credentials file: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  const data: unknown = doc.toJS() ?? {};
  const table = checkShape(data, path);
  const keys = new Map<string, ReturnType<typeof readKeyFile>>();
  return {
    async create(ctx: FleetAccountContext) {
      const entry =
        (ctx.host !== undefined ? table.hosts[ctx.host] : undefined) ??
        (ctx.account !== undefined ? table.accounts[ctx.account] : undefined) ??
        (ctx.username !== undefined ? table.accounts[ctx.username] : undefined) ??
        table.default;
      if (!entry) throw new CredentialError(`${path} has no entry for ${ctx.host ?? 'the host'} (looked at hosts, accounts and default).`);
      const name = entry.username ?? ctx.username;
      if (name === undefined) throw new CredentialError(`${path}: the entry used for ${ctx.host ?? 'the host'} has no username, and the host names none.`);
      let key;
      if (entry.keyFile !== undefined) {
        key = keys.get(entry.keyFile) ?? readKeyFile(entry.keyFile, entry.passphrase);
        keys.set(entry.keyFile, key);
      }
      return new Account({
        name,
        ...(entry.password !== undefined ? { password: entry.password } : {}),
        ...(entry.enable !== undefined ? { password2: entry.enable } : {}),
        ...(key ? { key } : {}),
      });
    },
  };
}

interface Table {
  default: Entry | undefined;
  accounts: Record<string, Entry>;
  hosts: Record<string, Entry>;
}

function checkShape(data: unknown, path: string): Table {
  const fail = (what: string): never => {
    throw new CredentialError(`${path}: ${what} (expected default, accounts and hosts with username, password, enable, keyFile, passphrase).`);
  };
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObj(data)) return fail('the file is not a mapping');
  const entry = (v: unknown, where: string): Entry => {
    if (!isObj(v)) return fail(`${where} is not a mapping`);
    for (const [k, x] of Object.entries(v)) {
      if (!ENTRY_KEYS.includes(k)) fail(`${where} has an unknown key "${k}"`);
      if (typeof x !== 'string') fail(`${where}.${k} must be a string`);
    }
    return v as Entry;
  };
  const section = (name: 'accounts' | 'hosts'): Record<string, Entry> => {
    const s = data[name] ?? {};
    if (!isObj(s)) return fail(`"${name}" is not a mapping`);
    return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, entry(v, `${name}.${k}`)]));
  };
  for (const k of Object.keys(data)) if (!['default', 'accounts', 'hosts'].includes(k)) fail(`unknown top-level key "${k}"`);
  return { default: data.default === undefined ? undefined : entry(data.default, 'default'), accounts: section('accounts'), hosts: section('hosts') };
}
