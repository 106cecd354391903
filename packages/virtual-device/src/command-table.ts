// Finds the response for a typed command in a command table. String keys are
// literal commands; with abbreviations on, each typed word may be a prefix of
// the table's word at that position (IOS: `sh ver`, `term len 0`), and the
// expanded command is then also tried against the RegExp keys.
import type { CommandResponse, CommandTable } from './types.js';

export interface Found {
  readonly response: CommandResponse;
  readonly match: RegExpExecArray | undefined;
  /** The command after abbreviations were expanded. */
  readonly command: string;
}

export type Lookup = { kind: 'found'; found: Found } | { kind: 'ambiguous' } | { kind: 'none' };

interface TrieNode {
  readonly children: Map<string, TrieNode>;
}

type Entry =
  | { readonly kind: 'literal'; readonly command: string; readonly response: CommandResponse }
  | { readonly kind: 'regex'; readonly re: RegExp; readonly response: CommandResponse };

/** Trims and collapses blanks: the form commands are compared in. */
export function normalizeCommand(line: string): string {
  // Typed commands are nearly always normal already; skip the split and join then.
  if (NORMAL.test(line)) return line;
  return line.trim().split(/\s+/).filter(Boolean).join(' ');
}

const NORMAL = /^[^\s]+(?: [^\s]+)*$/;

function entriesOf(table: CommandTable): Entry[] {
  const pairs: Iterable<readonly [string | RegExp, CommandResponse]> =
    Symbol.iterator in Object(table) && !isPlainRecord(table)
      ? (table as Iterable<readonly [string | RegExp, CommandResponse]>)
      : Object.entries(table as Record<string, CommandResponse>);
  const out: Entry[] = [];
  for (const [key, response] of pairs) {
    if (typeof response !== 'string' && typeof response !== 'function') {
      throw new TypeError(`VirtualDevice: the response for ${String(key)} must be a string or a handler function.`);
    }
    if (key instanceof RegExp) out.push({ kind: 'regex', re: new RegExp(key.source, key.flags.replace(/[gy]/g, '')), response });
    else if (typeof key === 'string') out.push({ kind: 'literal', command: normalizeCommand(key), response });
    else throw new TypeError('VirtualDevice: command table keys must be strings or RegExps.');
  }
  return out;
}

function isPlainRecord(v: unknown): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export class CommandIndex {
  private readonly entries: Entry[] = [];
  /** First literal entry per command, with its place in table order. */
  private readonly literals = new Map<string, { readonly at: number; readonly entry: Entry }>();
  /** RegExp entries with their places in table order. */
  private readonly patterns: Array<{ readonly at: number; readonly entry: Extract<Entry, { kind: 'regex' }> }> = [];
  private readonly trie: TrieNode = { children: new Map() };

  constructor(table?: CommandTable) {
    if (table) for (const e of entriesOf(table)) this.add(e);
  }

  addCommand(key: string | RegExp, response: CommandResponse): void {
    for (const e of entriesOf([[key, response]])) this.add(e);
  }

  lookup(line: string, abbreviations: boolean): Lookup {
    const command = normalizeCommand(line);
    const direct = this.find(command);
    if (direct || !abbreviations) return direct ? { kind: 'found', found: direct } : { kind: 'none' };
    const expanded = this.expand(command);
    if (expanded === 'ambiguous') return { kind: 'ambiguous' };
    const found = expanded === command ? undefined : this.find(expanded);
    return found ? { kind: 'found', found } : { kind: 'none' };
  }

  private add(e: Entry): void {
    const at = this.entries.push(e) - 1;
    if (e.kind === 'regex') {
      this.patterns.push({ at, entry: e });
      return;
    }
    if (!this.literals.has(e.command)) this.literals.set(e.command, { at, entry: e });
    let node = this.trie;
    for (const word of e.command.split(' ')) {
      let next = node.children.get(word);
      if (!next) {
        next = { children: new Map() };
        node.children.set(word, next);
      }
      node = next;
    }
  }

  /** First entry in table order that takes the command as it is. */
  private find(command: string): Found | undefined {
    // Only a RegExp entry placed before the literal one can take the command first.
    const literal = this.literals.get(command);
    const before = literal ? literal.at : Infinity;
    for (const { at, entry } of this.patterns) {
      if (at > before) break;
      const m = entry.re.exec(command);
      if (m) return { response: entry.response, match: m, command };
    }
    return literal ? { response: literal.entry.response, match: undefined, command } : undefined;
  }

  /** Expands abbreviated words along the literal commands; words past the known ones stay as typed. */
  private expand(command: string): string | 'ambiguous' {
    const words = command.split(' ');
    const out: string[] = [];
    let node: TrieNode | undefined = this.trie;
    for (const word of words) {
      if (!node) {
        out.push(word);
        continue;
      }
      const exact: TrieNode | undefined = node.children.get(word);
      if (exact) {
        out.push(word);
        node = exact;
        continue;
      }
      const lower = word.toLowerCase();
      const candidates = [...node.children.keys()].filter((k) => k.toLowerCase().startsWith(lower));
      if (candidates.length > 1) return 'ambiguous';
      if (candidates.length === 1) {
        out.push(candidates[0]!);
        node = node.children.get(candidates[0]!);
      } else {
        out.push(word);
        node = undefined;
      }
    }
    return out.join(' ');
  }
}
