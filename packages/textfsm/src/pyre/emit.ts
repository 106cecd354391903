// Writes a parsed Python pattern as JavaScript RegExp source for the `u` flag. (Not `v`:
// Node 20's V8 misses matches with it, e.g. on `(?:[^ ]+,[ ]){2}`.) Python's str patterns are Unicode-aware: \d is any
// decimal digit, \w any letter or digit or _, \s includes \x1c-\x1f, \b follows that \w. Those
// cost more in V8 than their ASCII forms, so each pattern is written twice when it matters:
// 'unicode' for any input, 'ascii' for input known to be ASCII (same result on such input).
import { PY_SPACE_CLASS } from '../pystr.js';
import type { Alt, Node } from './ast.js';

export type Variant = 'unicode' | 'ascii';

export interface Emitted {
  source: string;
  /** JavaScript group number of each Python group (index = Python number). */
  groupMap: number[];
  /** False when the 'ascii' and 'unicode' sources are the same. */
  unicodeSensitive: boolean;
}

const SYNTAX = new Set('^$\\.*+?()[]{}|/');
const WORD_UNICODE = '\\p{L}\\p{N}_';

export function emit(root: Alt, variant: Variant, singleLine: boolean): Emitted {
  const e = new Emitter(variant, singleLine);
  const source = e.alt(root);
  return { source, groupMap: e.groupMap, unicodeSensitive: e.sensitive };
}

function literal(cp: number, inClass: boolean): string {
  const isAlnum = (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  if (isAlnum) return String.fromCodePoint(cp);
  if (!inClass && cp > 0x20 && cp < 0x7f) return SYNTAX.has(String.fromCodePoint(cp)) ? '\\' + String.fromCodePoint(cp) : String.fromCodePoint(cp);
  if (!inClass && cp === 0x20) return ' ';
  return `\\u{${cp.toString(16)}}`;
}

class Emitter {
  groupMap: number[] = [0];
  sensitive = false;
  private jsGroups = 0;

  constructor(
    private readonly variant: Variant,
    private readonly singleLine: boolean,
  ) {}

  alt(node: Alt): string {
    return node.branches.map((branch) => branch.map((n) => this.node(n)).join('')).join('|');
  }

  /** The body of a class for one of \d \w \s (without brackets), and whether to negate it. */
  private category(cat: 'd' | 'w' | 's', ascii: boolean): string {
    const narrow = ascii || this.variant === 'ascii';
    if (!ascii) this.sensitive = true;
    if (cat === 'd') return narrow ? '0-9' : '\\p{Nd}';
    if (cat === 'w') return narrow ? 'A-Za-z0-9_' : WORD_UNICODE;
    if (ascii) return '\\t-\\r ';
    return narrow ? '\\t-\\r\\x1c-\\x20' : PY_SPACE_CLASS;
  }

  private catClass(cat: 'd' | 'w' | 's', neg: boolean, ascii: boolean): string {
    const narrow = ascii || this.variant === 'ascii';
    if (cat === 'd' && narrow) {
      if (!ascii) this.sensitive = true;
      return neg ? '\\D' : '\\d';
    }
    return `[${neg ? '^' : ''}${this.category(cat, ascii)}]`;
  }

  /** A category inside [...], or null when `u` mode cannot write it there (a negated class). */
  private catInSet(cat: 'd' | 'w' | 's', neg: boolean, ascii: boolean): string | null {
    const narrow = ascii || this.variant === 'ascii';
    if (cat === 'd' || (cat === 'w' && neg && narrow)) {
      if (!ascii) this.sensitive = true;
      if (cat === 'w') return '\\W';
      return narrow ? (neg ? '\\D' : '\\d') : neg ? '\\P{Nd}' : '\\p{Nd}';
    }
    return neg ? null : this.category(cat, ascii);
  }

  /**
   * A class. Negated categories that cannot sit inside [...] (\W, \S) become alternatives:
   * [a\S] is (?:[a]|[^space]); [^a\S] is (?![a])[space].
   */
  private set(n: Node & { t: 'set' }): string {
    const plain: string[] = [];
    const negated: string[] = [];
    for (const item of n.items) {
      if (item.t === 'range') {
        plain.push(item.lo === item.hi ? literal(item.lo, true) : `${literal(item.lo, true)}-${literal(item.hi, true)}`);
        continue;
      }
      const inSet = this.catInSet(item.cat, item.neg, item.ascii);
      if (inSet === null) negated.push(this.category(item.cat, item.ascii));
      else plain.push(inSet);
    }
    const p = plain.join('');
    if (negated.length === 0) return `[${n.neg ? '^' : ''}${p}]`;
    if (!n.neg) return `(?:${[...(p ? [`[${p}]`] : []), ...negated.map((c) => `[^${c}]`)].join('|')})`;
    const last = negated.pop()!;
    return `(?:${p ? `(?![${p}])` : ''}${negated.map((c) => `(?=[${c}])`).join('')}[${last}])`;
  }

  private boundary(neg: boolean, ascii: boolean): string {
    if (ascii || this.variant === 'ascii') {
      if (!ascii) this.sensitive = true;
      return neg ? '\\B' : '\\b';
    }
    this.sensitive = true;
    const w = `[${WORD_UNICODE}]`;
    return neg ? `(?:(?<=${w})(?=${w})|(?<!${w})(?!${w}))` : `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))`;
  }

  private node(n: Node): string {
    switch (n.t) {
      case 'char':
        return literal(n.cp, false);
      case 'any':
        return n.dotAll ? '[\\s\\S]' : this.singleLine ? '.' : '[^\\n]';
      case 'set':
        return this.set(n);
      case 'cat':
        return this.catClass(n.cat, n.neg, n.ascii);
      case 'boundary':
        return this.boundary(n.neg, n.ascii);
      case 'at':
        return this.anchor(n.at, n.multiline);
      case 'ref':
        return `(?:\\${this.groupMap[n.index]})`;
      case 'group':
        return this.group(n);
      case 'repeat':
        return this.repeat(n);
    }
  }

  private anchor(at: 'bol' | 'eol' | 'bos' | 'eos', multiline: boolean): string {
    if (at === 'bos') return '^';
    if (at === 'eos') return '$';
    if (at === 'bol') return multiline ? '(?:^|(?<=\\n))' : '^';
    if (multiline) return '(?=\\n|$)';
    // Python's $ also matches before a newline that ends the string.
    return this.singleLine ? '$' : '(?=\\n?$)';
  }

  private group(n: Node & { t: 'group' }): string {
    switch (n.kind) {
      case 'capture': {
        this.groupMap[n.index] = ++this.jsGroups;
        return `(${this.alt(n.body)})`;
      }
      case 'plain':
        return `(?:${this.alt(n.body)})`;
      case 'ahead':
        return `(?=${this.alt(n.body)})`;
      case 'notAhead':
        return `(?!${this.alt(n.body)})`;
      case 'behind':
        return `(?<=${this.alt(n.body)})`;
      case 'notBehind':
        return `(?<!${this.alt(n.body)})`;
      case 'atomic': {
        // No atomic groups in JavaScript: a lookahead captures once, the back-reference consumes it.
        const helper = ++this.jsGroups;
        return `(?:(?=(${this.alt(n.body)}))\\${helper})`;
      }
    }
  }

  private repeat(n: Node & { t: 'repeat' }): string {
    const helper = n.possessive ? ++this.jsGroups : 0;
    let atom = this.node(n.body);
    if (n.body.t === 'group' && n.body.kind !== 'capture' && n.body.kind !== 'plain' && n.body.kind !== 'atomic') atom = `(?:${atom})`;
    const { min, max } = n;
    let q: string;
    if (min === 0 && max === Infinity) q = '*';
    else if (min === 1 && max === Infinity) q = '+';
    else if (min === 0 && max === 1) q = '?';
    else if (min === max) q = `{${min}}`;
    else q = max === Infinity ? `{${min},}` : `{${min},${max}}`;
    if (n.lazy) q += '?';
    return n.possessive ? `(?:(?=(${atom}${q}))\\${helper})` : atom + q;
  }
}
