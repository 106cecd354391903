// Rewrites for patterns whose caller reads named groups only (TextFSM's rules): the match
// found and the named groups stay exactly as before.
// - Unnamed groups stop capturing: V8 matches faster, and fewer patterns need ./replay.ts.
// - `(a*b*)*` with single-character a, b becomes `(?:a|b)*`. Both try the longest run first
//   and every shorter end before giving up, so they end at the same place; the nested form takes
//   exponential time on a line it fails on (ntc-templates' cisco_s300 `^(\s*-*)*\s*$`).
import { isLeaf, make, type Alt, type Node } from './ast.js';

// Tree walks here and in ./prefilter.ts, ./replay.ts, ./cold*.ts are plain loops: every rule of
// every template goes through them once, and callbacks per node cost more than the work.
function hasRef(n: Node): boolean {
  if (n.t === 'ref') return true;
  if (n.t === 'repeat') return hasRef(n.body);
  if (n.t !== 'group') return false;
  for (const b of n.body.branches) for (const x of b) if (hasRef(x)) return true;
  return false;
}

/** `(?:x*y*...)` as a list of single-character atoms, or undefined. */
function starOfStars(n: Node): Node[] | undefined {
  if (n.t !== 'group' || n.kind !== 'plain' || n.body.branches.length !== 1) return undefined;
  const items = n.body.branches[0]!;
  if (items.length === 0) return undefined;
  const atoms: Node[] = [];
  for (const item of items) {
    if (item.t !== 'repeat' || item.min !== 0 || item.max !== Infinity || item.lazy || item.possessive || !isLeaf(item.body)) return undefined;
    atoms.push(item.body);
  }
  return atoms;
}

/** Rewrites `n` in place (the tree belongs to one PyRegex) and returns it. */
function rewrite(n: Node, named: ReadonlySet<number>): Node {
  if (n.t === 'group') {
    for (const b of n.body.branches) for (let i = 0; i < b.length; i++) b[i] = rewrite(b[i]!, named);
    if (n.kind === 'capture' && !named.has(n.index)) n.kind = 'plain';
    return n;
  }
  if (n.t !== 'repeat') return n;
  n.body = rewrite(n.body, named);
  const atoms = n.max === Infinity && n.min <= 1 && !n.lazy && !n.possessive ? starOfStars(n.body) : undefined;
  if (atoms) {
    n.body = make.group('plain', 0, { t: 'alt', branches: atoms.map((a) => [a]) });
    n.min = 0;
  }
  return n;
}

/** The tree, rewritten in place (see above); unchanged when it has back-references. */
export function forNamedGroups(root: Alt, names: ReadonlyMap<string, number>): Alt {
  for (const b of root.branches) for (const x of b) if (hasRef(x)) return root;
  const named = new Set(names.values());
  for (const b of root.branches) for (let i = 0; i < b.length; i++) b[i] = rewrite(b[i]!, named);
  return root;
}
