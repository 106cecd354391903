// Writes a parsed Python pattern as JavaScript RegExp source, in two variants:
// - 'unicode' (flag `u`): right for any input. Python's str patterns are Unicode-aware: \d is
//   any decimal digit, \w any letter, digit or _, \s includes \x1c-\x1f, \b follows that \w.
//   (Not the `v` flag: Node 20's V8 misses matches with it, e.g. on `(?:[^ ]+,[ ]){2}`.)
// - 'ascii' (no `u`): right for input known to be ASCII only, where those classes shrink to
//   ASCII ranges. V8 builds it far faster (no Unicode property sets), and most device output
//   is ASCII, so the 'unicode' variant is only built when a line needs it.
import { PY_SPACE_CLASS } from '../pystr.js';
import type { Alt, Category, Node } from './ast.js';

export type Variant = 'unicode' | 'ascii';

export interface Emitted {
  source: string;
  /** JavaScript group number of each Python group (index = Python number). */
  groupMap: number[];
}

const SYNTAX = new Set('^$\\.*+?()[]{}|/');
const WORD_UNICODE = '\\p{L}\\p{N}_';

// ASCII-only input: each category as ranges of ASCII (its complement within ASCII is enough).
const ASCII_SETS: Record<Category, [string, string]> = {
  d: ['0-9', '\\x00-/:-\\x7f'],
  w: ['A-Za-z0-9_', '\\x00-/:-@\\[-\\^`\\{-\\x7f'],
  s: ['\\t-\\r\\x1c-\\x20', '\\x00-\\x08\\x0e-\\x1b\\x21-\\x7f'],
};
const ASCII_FLAG_SPACE: [string, string] = ['\\t-\\r ', '\\x00-\\x08\\x0e-\\x1f\\x21-\\x7f'];
// Non-ASCII characters that Python's IGNORECASE matches with an ASCII letter.
const FOLDS_TO_ASCII = new Map([
  [0x17f, 's'],
  [0x212a, 'k'],
  [0x130, 'i'],
  [0x131, 'i'],
]);

export function emit(root: Alt, variant: Variant, singleLine: boolean, ignoreCase: boolean): Emitted {
  const e = new Emitter(variant, singleLine, ignoreCase);
  const source = e.alt(root);
  return { source, groupMap: e.groupMap };
}

/** One leaf node (character, class, category, anchor, boundary) as JavaScript source. */
export function emitLeaf(node: Node, variant: Variant, ignoreCase: boolean): string {
  return new Emitter(variant, false, ignoreCase).alt({ t: 'alt', branches: [[node]] });
}

function hex(cp: number): string {
  return cp < 0x100 ? `\\x${cp.toString(16).padStart(2, '0')}` : cp < 0x10000 ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\u{${cp.toString(16)}}`;
}

function isAlnum(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

class Emitter {
  groupMap: number[] = [0];
  private jsGroups = 0;
  private readonly ascii: boolean;

  constructor(
    variant: Variant,
    private readonly singleLine: boolean,
    private readonly ignoreCase: boolean,
  ) {
    this.ascii = variant === 'ascii';
  }

  alt(node: Alt): string {
    return node.branches.map((branch) => branch.map((n) => this.node(n)).join('')).join('|');
  }

  /** A character inside [...]; '' when it cannot occur in ASCII input. */
  private classChar(cp: number): string {
    if (isAlnum(cp)) return String.fromCodePoint(cp);
    if (!this.ascii || cp < 0x80) return this.ascii || cp < 0x10000 ? hex(cp) : `\\u{${cp.toString(16)}}`;
    const folded = this.ignoreCase ? FOLDS_TO_ASCII.get(cp) : undefined;
    return folded ?? '';
  }

  private literal(cp: number): string {
    if (isAlnum(cp) || cp === 0x20) return String.fromCodePoint(cp);
    if (cp > 0x20 && cp < 0x7f) return SYNTAX.has(String.fromCodePoint(cp)) ? '\\' + String.fromCodePoint(cp) : String.fromCodePoint(cp);
    if (!this.ascii || cp < 0x80) return hex(cp);
    const folded = this.ignoreCase ? FOLDS_TO_ASCII.get(cp) : undefined;
    return folded ?? '[]'; // never in ASCII input
  }

  private range(lo: number, hi: number): string {
    if (lo === hi) return this.classChar(lo);
    if (!this.ascii) return `${this.classChar(lo)}-${this.classChar(hi)}`;
    let out = lo < 0x80 ? `${this.classChar(lo)}-${this.classChar(Math.min(hi, 0x7f))}` : '';
    if (this.ignoreCase) for (const [cp, ch] of FOLDS_TO_ASCII) if (cp >= lo && cp <= hi) out += ch;
    return out;
  }

  /** The ranges of a category (without brackets), for the unicode variant. */
  private unicodeCategory(cat: Category, asciiFlag: boolean): string {
    if (asciiFlag) return cat === 'd' ? '0-9' : cat === 'w' ? 'A-Za-z0-9_' : '\\t-\\r ';
    return cat === 'd' ? '\\p{Nd}' : cat === 'w' ? WORD_UNICODE : PY_SPACE_CLASS;
  }

  private asciiCategory(cat: Category, neg: boolean, asciiFlag: boolean): string {
    const sets = cat === 's' && asciiFlag ? ASCII_FLAG_SPACE : ASCII_SETS[cat];
    return sets[neg ? 1 : 0];
  }

  private category(cat: Category, neg: boolean, asciiFlag: boolean): string {
    if (this.ascii) return `[${this.asciiCategory(cat, neg, asciiFlag)}]`;
    if (cat === 'd' && !asciiFlag) return neg ? '\\P{Nd}' : '\\p{Nd}';
    return `[${neg ? '^' : ''}${this.unicodeCategory(cat, asciiFlag)}]`;
  }

  /**
   * A class. With `u`, negated categories other than \D cannot sit inside [...]; they become
   * alternatives: [a\S] is (?:[a]|[^space]); [^a\S] is (?![a])[space].
   */
  private set(n: Node & { t: 'set' }): string {
    const plain: string[] = [];
    const negated: string[] = [];
    for (const item of n.items) {
      if (item.t === 'range') plain.push(this.range(item.lo, item.hi));
      else if (this.ascii) plain.push(this.asciiCategory(item.cat, item.neg, item.ascii));
      else if (item.cat === 'd' && !item.ascii) plain.push(item.neg ? '\\P{Nd}' : '\\p{Nd}');
      else if (item.neg) negated.push(this.unicodeCategory(item.cat, item.ascii));
      else plain.push(this.unicodeCategory(item.cat, item.ascii));
    }
    const p = plain.join('');
    if (negated.length === 0) return `[${n.neg ? '^' : ''}${p}]`;
    if (!n.neg) return `(?:${[...(p ? [`[${p}]`] : []), ...negated.map((c) => `[^${c}]`)].join('|')})`;
    const last = negated.pop()!;
    return `(?:${p ? `(?![${p}])` : ''}${negated.map((c) => `(?=[${c}])`).join('')}[${last}])`;
  }

  private boundary(neg: boolean, asciiFlag: boolean): string {
    // sre (3.11) refuses \B, like \b, on an empty text; JavaScript's \B matches there.
    const NOT_EMPTY = '(?!^$)';
    if (this.ascii || asciiFlag) {
      if (!this.ascii) {
        const w = '[A-Za-z0-9_]';
        return neg ? `${NOT_EMPTY}(?:(?<=${w})(?=${w})|(?<!${w})(?!${w}))` : `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))`;
      }
      return neg ? `${NOT_EMPTY}\\B` : '\\b';
    }
    const w = `[${WORD_UNICODE}]`;
    return neg ? `${NOT_EMPTY}(?:(?<=${w})(?=${w})|(?<!${w})(?!${w}))` : `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))`;
  }

  private node(n: Node): string {
    switch (n.t) {
      case 'char':
        return this.literal(n.cp);
      case 'any':
        return n.dotAll ? '[\\s\\S]' : this.singleLine ? '.' : '[^\\n]';
      case 'set':
        return this.set(n);
      case 'cat':
        return this.category(n.cat, n.neg, n.ascii);
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
    // A quantified lookaround is a syntax error with `u`; a literal may be a class of folds.
    if (n.body.t === 'group' && n.body.kind !== 'capture' && n.body.kind !== 'plain' && n.body.kind !== 'atomic') atom = `(?:${atom})`;
    else if (n.body.t === 'char' && atom.length > 1 && !atom.startsWith('\\') && !atom.startsWith('[')) atom = `(?:${atom})`;
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
