// The index of a shared port: which device a login name reaches when the name itself
// names none (`alice` rather than `admin@r17`), so clients with fixed user names can
// share one port. A text file, one entry per line:
//   <login> <device> [<user>]
// <device> is a device name or index (`17`, `#17`); <user> is the user the device then
// authenticates (default: the device's own user name). A line starting with `#`, and
// a ` # ` after the fields, is a comment (`#17` alone is an index).
import { readFileSync } from 'node:fs';
import { SimConfigError } from './errors.js';

export interface IndexEntry {
  /** The user name typed at the shared port. */
  readonly login: string;
  /** Device name or index. */
  readonly device: string;
  /** The user name the device authenticates; undefined: the device's own. */
  readonly user: string | undefined;
  /** Where the entry was written, for errors. */
  readonly file: string | undefined;
  readonly line: number | undefined;
}

/** Parses index text; every mistake is one SimConfigError naming the file and line. */
export function parseIndex(text: string, file = '<index>'): IndexEntry[] {
  const out: IndexEntry[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    // After the fields a comment is a `#` word of its own: `#17` is a device index.
    const body = trimmed.replace(/\s#(\s.*)?$/, '').trim();
    const fields = body.split(/\s+/);
    if (fields.length < 2 || fields.length > 3) {
      throw new SimConfigError(`an index entry is "<login> <device> [<user>]", got ${JSON.stringify(body)}.`, { file, line });
    }
    const [login, device, user] = fields as [string, string, string | undefined];
    const first = seen.get(login);
    if (first !== undefined) throw new SimConfigError(`the login "${login}" is already given on line ${first}; each login reaches one device.`, { file, line });
    seen.set(login, line);
    out.push({ login, device, user, file, line });
  });
  return out;
}

/** Reads an index file. */
export function readIndexFile(file: string): IndexEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new SimConfigError(`cannot read the index file (${(err as NodeJS.ErrnoException).code ?? String(err)}).`, { file });
  }
  return parseIndex(text, file);
}

/** Entries given in code: login -> device, or { device, user }. */
export type IndexMap = Readonly<Record<string, string | { readonly device: string; readonly user?: string }>>;

export function indexFromMap(map: IndexMap): IndexEntry[] {
  return Object.entries(map).map(([login, to]) => {
    const { device, user } = typeof to === 'string' ? { device: to, user: undefined } : to;
    return { login, device, user, file: undefined, line: undefined };
  });
}
