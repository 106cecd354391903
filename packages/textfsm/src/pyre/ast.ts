// The syntax tree of a Python regular expression, as parsed by ./parse.ts. Flags that change
// meaning (DOTALL, MULTILINE, ASCII) are recorded on the node they apply to, because Python
// lets a scoped group such as (?s:...) change them for part of the pattern.

export type Category = 'd' | 'w' | 's';

export type SetItem = { t: 'range'; lo: number; hi: number } | { t: 'cat'; cat: Category; neg: boolean; ascii: boolean };

export type GroupKind = 'capture' | 'plain' | 'ahead' | 'notAhead' | 'behind' | 'notBehind' | 'atomic';

export type Node =
  | { t: 'char'; cp: number }
  | { t: 'any'; dotAll: boolean }
  | { t: 'set'; neg: boolean; items: SetItem[] }
  | { t: 'cat'; cat: Category; neg: boolean; ascii: boolean }
  | { t: 'at'; at: 'bol' | 'eol' | 'bos' | 'eos'; multiline: boolean }
  | { t: 'boundary'; neg: boolean; ascii: boolean }
  | { t: 'group'; kind: GroupKind; index: number; body: Alt }
  | { t: 'ref'; index: number }
  | { t: 'repeat'; body: Node; min: number; max: number; lazy: boolean; possessive: boolean };

export interface Alt {
  t: 'alt';
  branches: Node[][];
}

export interface Parsed {
  root: Alt;
  /** Capturing groups, numbered from 1 as in Python. */
  groups: number;
  /** Group name → Python group number, in the order the groups are defined. */
  names: Map<string, number>;
  ignoreCase: boolean;
}

/** A node that matches exactly one character: a literal, `.`, a class or a category. */
export const isLeaf = (n: Node): boolean => n.t === 'char' || n.t === 'any' || n.t === 'set' || n.t === 'cat';

// Every node is made by the functions below with every field of every kind (the unused ones
// at a neutral value), in one order, so all nodes share one hidden class and so do all set
// items. The tree walkers (parse, emit, walker build, prefilters) then see one shape at every
// property read: with a shape per kind, each new template's mix of kinds sent V8 back to
// re-optimizing them, which cost more than the parsing itself (BENCHMARKS.md, TextFSM).

/** A node with the fields of every kind, as made below (the union type says which are meaningful). */
interface AnyNode {
  t: Node['t'];
  cp: number;
  dotAll: boolean;
  neg: boolean;
  items: SetItem[] | null;
  cat: Category;
  ascii: boolean;
  at: 'bol' | 'eol' | 'bos' | 'eos';
  multiline: boolean;
  kind: GroupKind;
  index: number;
  body: Alt | Node | null;
  min: number;
  max: number;
  lazy: boolean;
  possessive: boolean;
}

function blank(t: Node['t']): AnyNode {
  return { t, cp: 0, dotAll: false, neg: false, items: null, cat: 'd', ascii: false, at: 'bol', multiline: false, kind: 'plain', index: 0, body: null, min: 0, max: 0, lazy: false, possessive: false };
}

export const make = {
  char(cp: number): Node {
    const n = blank('char');
    n.cp = cp;
    return n as Node;
  },
  any(dotAll: boolean): Node {
    const n = blank('any');
    n.dotAll = dotAll;
    return n as Node;
  },
  set(neg: boolean, items: SetItem[]): Node {
    const n = blank('set');
    n.neg = neg;
    n.items = items;
    return n as Node;
  },
  cat(cat: Category, neg: boolean, ascii: boolean): Node {
    const n = blank('cat');
    n.cat = cat;
    n.neg = neg;
    n.ascii = ascii;
    return n as Node;
  },
  at(at: 'bol' | 'eol' | 'bos' | 'eos', multiline: boolean): Node {
    const n = blank('at');
    n.at = at;
    n.multiline = multiline;
    return n as Node;
  },
  boundary(neg: boolean, ascii: boolean): Node {
    const n = blank('boundary');
    n.neg = neg;
    n.ascii = ascii;
    return n as Node;
  },
  group(kind: GroupKind, index: number, body: Alt): Node {
    const n = blank('group');
    n.kind = kind;
    n.index = index;
    n.body = body;
    return n as Node;
  },
  ref(index: number): Node {
    const n = blank('ref');
    n.index = index;
    return n as Node;
  },
  repeat(body: Node, min: number, max: number, lazy: boolean, possessive: boolean): Node {
    const n = blank('repeat');
    n.body = body;
    n.min = min;
    n.max = max;
    n.lazy = lazy;
    n.possessive = possessive;
    return n as Node;
  },
  range(lo: number, hi: number): SetItem {
    return { t: 'range', lo, hi, cat: 'd', neg: false, ascii: false } as SetItem;
  },
  catItem(cat: Category, neg: boolean, ascii: boolean): SetItem {
    return { t: 'cat', lo: 0, hi: 0, cat, neg, ascii } as SetItem;
  },
};
