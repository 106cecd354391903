// Python `re` patterns as JavaScript RegExps with Python's match semantics: `match()` anchors
// at the start of the text and returns Python's group numbering and names.
import { PyRegexError } from '../errors.js';
import type { Alt } from './ast.js';
import { emit, type Variant } from './emit.js';
import { parsePattern } from './parse.js';
import { forNamedGroups } from './optimize.js';
import { canStart, firstChars, requiredLiteral } from './prefilter.js';
import { needsReplay, replay } from './replay.js';
import { compileCold, type ColdMatcher } from './cold.js';

export { PyRegexError };

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * ASCII lines a pattern is matched on by the walker (./cold.ts) before its RegExp is built:
 * most rules of a template see fewer lines than this in a given output, and V8 spends 20-40 µs
 * building a RegExp, so those never pay for one. Past it V8's machine code is faster per line.
 * 64, 256 and 1,024 were measured (BENCHMARKS.md, TextFSM): 256 and 1,024 alike, 64 5% slower.
 */
export const COLD_LINES = 256;

/** True when the text has only ASCII characters (the fast variant of a pattern applies). */
export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

export interface PyRegexOptions {
  /** The text never contains a line break (TextFSM's lines): `$` can be JavaScript's `$`. */
  singleLine?: boolean;
  /** Only named groups are read (TextFSM): unnamed groups may be left uncaptured. */
  namedOnly?: boolean;
  /** ASCII lines matched by the walker before the RegExp is built (default COLD_LINES; 0 = never). */
  coldLines?: number;
}

/** Group texts by Python group number (0 = the whole match); undefined = did not take part. */
export type GroupValues = readonly (string | undefined)[];

interface Compiled {
  re: RegExp;
  groupMap: number[];
}

export class PyRegex {
  readonly pattern: string;
  /** Number of capturing groups (Python's `.groups`). */
  readonly groups: number;
  /** Group name → Python group number, in definition order. */
  readonly names: ReadonlyMap<string, number>;
  readonly ignoreCase: boolean;
  /**
   * The syntax tree when the pattern has no walker or a RegExp or the replay has needed it, else
   * null (parsed again on demand): trees kept for every rule of every cached template were most
   * of what the garbage collector had to copy (BENCHMARKS.md, TextFSM).
   */
  private root: Alt | null = null;
  private readonly namedOnly: boolean;
  private readonly singleLine: boolean;
  private ascii: Compiled | undefined;
  private unicode: Compiled | undefined;
  /** Set when groups sit inside a repeat: their values are read the Python way (./replay.ts). */
  private replays = false;
  /** Text every match contains ('' = none known); checked before the RegExp runs. */
  private required = '';
  /** ASCII characters a match can start with (undefined = any); checked on ASCII lines. */
  private first: Int32Array | undefined;
  /** The walker (./cold.ts) for the first ASCII lines and for the groups of replayed ones (null: RegExp only). */
  private cold: ColdMatcher | null = null;
  private coldLeft = 0;

  /**
   * Throws PyRegexError when Python would reject the pattern or JavaScript cannot express it.
   * The parse, the line filters and the walker are made here, from one parse whose tree is then
   * dropped (nearly every rule of a template runs on some line); a RegExp is written only when
   * a line needs it (after the walker's lines, or for what the walker does not handle).
   */
  constructor(pattern: string, options: PyRegexOptions = {}) {
    const parsed = parsePattern(pattern);
    this.pattern = pattern;
    this.groups = parsed.groups;
    this.names = parsed.names;
    this.ignoreCase = parsed.ignoreCase;
    this.namedOnly = options.namedOnly ?? false;
    this.singleLine = options.singleLine ?? false;
    this.coldLeft = options.coldLines ?? COLD_LINES;
    const root = this.forReading(parsed.root);
    this.replays = needsReplay(root);
    this.required = this.ignoreCase ? '' : requiredLiteral(root);
    this.first = firstChars(root, this.ignoreCase);
    this.cold = this.coldLeft === 0 ? null : compileCold(root, this.groups, this.ignoreCase);
    if (this.cold) return; // the walker holds what it needs; tree() parses again if a RegExp is wanted
    this.coldLeft = 0;
    this.root = root;
  }

  /** The tree (rewritten for named groups when only those are read), parsed again if it was dropped. */
  private tree(): Alt {
    return (this.root ??= this.forReading(parsePattern(this.pattern).root));
  }

  /** A parsed tree as matched: rewritten for named groups when only those are read (./optimize.ts). */
  private forReading(root: Alt): Alt {
    return this.namedOnly ? forNamedGroups(root, this.names) : root;
  }

  /** Writes both JavaScript forms now (they are otherwise written when first needed); throws PyRegexError. */
  compile(): this {
    this.variant(true);
    this.variant(false);
    return this;
  }

  /** JavaScript source of the variant for any input. */
  get source(): string {
    return this.variant(false).re.source;
  }

  private build(variant: Variant): Compiled {
    const e = emit(this.tree(), variant, this.singleLine, this.ignoreCase);
    const flags = (this.ignoreCase ? 'i' : '') + (variant === 'unicode' ? 'yu' : 'y');
    try {
      return { re: new RegExp(e.source, flags), groupMap: e.groupMap };
    } catch (err) {
      // Parsing follows Python's rules; a pattern that passed them but V8 refuses is a gap in the translation.
      throw new PyRegexError(`cannot be translated to JavaScript (${(err as Error).message}); pattern: ${this.pattern}`, undefined, true);
    }
  }

  private variant(ascii: boolean): Compiled {
    return ascii ? (this.ascii ??= this.build('ascii')) : (this.unicode ??= this.build('unicode'));
  }

  /**
   * Python's `re.match` on `text`: the group texts, or null. `ascii` (optional) says whether
   * the caller already knows the text is ASCII-only.
   */
  exec(text: string, ascii: boolean = isAscii(text)): GroupValues | null {
    if (this.first && ascii && (text.length === 0 || !canStart(this.first, text.charCodeAt(0)))) return null;
    if (this.required && !text.includes(this.required)) return null;
    if (ascii && this.coldLeft > 0) {
      this.coldLeft--;
      const values = this.cold!.exec(text);
      if (values !== 'budget') return values;
      this.coldLeft = 0; // backtracks heavily: V8's machine code does that far faster
    }
    const { re, groupMap } = this.variant(ascii);
    re.lastIndex = 0;
    const m = re.exec(text);
    if (!m) return null;
    if (this.replays) {
      // The walker has Python's group rules: on ASCII lines it answers (V8 only said "matches").
      if (ascii && this.cold) {
        const values = this.cold.exec(text);
        if (values !== 'budget') return values;
      }
      const caps = replay(this.tree(), this.groups, text, ascii ? 'ascii' : 'unicode', this.ignoreCase);
      if (caps === 'none') return null;
      if (caps !== 'budget') {
        const values: (string | undefined)[] = [];
        for (let g = 0; g <= this.groups; g++) values.push(caps[2 * g]! < 0 ? undefined : text.slice(caps[2 * g], caps[2 * g + 1]));
        return values;
      }
    }
    const values: (string | undefined)[] = [m[0]];
    for (let g = 1; g <= this.groups; g++) values.push(m[groupMap[g]!]);
    return values;
  }

  /** Python's `re.match`: a match object, or null. */
  match(text: string, ascii?: boolean): PyMatch | null {
    const values = this.exec(text, ascii);
    return values ? new PyMatch(values, this.names) : null;
  }
}

/** The part of Python's Match object the engine uses. */
export class PyMatch {
  constructor(
    private readonly values: GroupValues,
    private readonly names: ReadonlyMap<string, number>,
  ) {}

  /** Text of group `index` (0 = whole match), null when the group did not take part. */
  group(index: number | string): string | null {
    const n = typeof index === 'string' ? this.names.get(index) : index;
    if (n === undefined || n < 0 || n >= this.values.length) throw new RangeError(`no such group: ${String(index)}`);
    return this.values[n] ?? null;
  }

  /** Named groups → text (null when a group did not take part), in definition order. */
  groupdict(): Record<string, string | null> {
    const out: Record<string, string | null> = {};
    for (const [name, n] of this.names) out[name] = this.values[n] ?? null;
    return out;
  }
}

// Compiled patterns, shared as Python's `re` module shares them (its cache holds 512; the
// rules of all ntc-templates are some 12,000 patterns, so this one holds more).
const CACHE_SIZE = 16384;
const caches = [new Map<string, PyRegex>(), new Map<string, PyRegex>(), new Map<string, PyRegex>(), new Map<string, PyRegex>()];

/** A PyRegex from a bounded cache keyed by pattern and options. */
export function cachedPyRegex(pattern: string, options: PyRegexOptions = {}): PyRegex {
  const cache = caches[(options.singleLine ? 1 : 0) + (options.namedOnly ? 2 : 0)]!;
  let re = cache.get(pattern);
  if (!re) {
    re = new PyRegex(pattern, options);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(pattern, re);
  }
  return re;
}

/** Empties the pattern cache. */
export function clearRegexCache(): void {
  for (const c of caches) c.clear();
}
