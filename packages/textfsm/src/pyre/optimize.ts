// Rewrites for patterns whose caller reads named groups only (TextFSM's rules): the match
// found and the named groups stay exactly as before.
// - Unnamed groups stop capturing: V8 matches faster, and fewer patterns need ./replay.ts.
// - `(a*b*)*` with single-character a, b becomes `(?:a|b)*`. Both try the longest run first
//   and every shorter end before giving up, so they end at the same place; the nested form takes
//   exponential time on a line it fails on (ntc-templates' cisco_s300 `^(\s*-*)*\s*$`).
import type { Alt, Node } from './ast.js';

function hasRef(nodes: Node[]): boolean {
  return nodes.some((n) => n.t === 'ref' || (n.t === 'group' && n.body.branches.some(hasRef)) || (n.t === 'repeat' && hasRef([n.body])));
}

const isSingleChar = (n: Node): boolean => n.t === 'char' || n.t === 'set' || n.t === 'cat' || n.t === 'any';

/** `(?:x*y*...)` as a list of single-character atoms, or undefined. */
function starOfStars(n: Node): Node[] | undefined {
  if (n.t !== 'group' || n.kind !== 'plain' || n.body.branches.length !== 1) return undefined;
  const items = n.body.branches[0]!;
  if (items.length === 0) return undefined;
  const atoms: Node[] = [];
  for (const item of items) {
    if (item.t !== 'repeat' || item.min !== 0 || item.max !== Infinity || item.lazy || item.possessive || !isSingleChar(item.body)) return undefined;
    atoms.push(item.body);
  }
  return atoms;
}

function rewrite(n: Node, named: ReadonlySet<number>): Node {
  switch (n.t) {
    case 'group': {
      const body: Alt = { t: 'alt', branches: n.body.branches.map((b) => b.map((x) => rewrite(x, named))) };
      const kind = n.kind === 'capture' && !named.has(n.index) ? 'plain' : n.kind;
      return { ...n, kind, body };
    }
    case 'repeat': {
      const body = rewrite(n.body, named);
      const atoms = n.max === Infinity && n.min <= 1 && !n.lazy && !n.possessive ? starOfStars(body) : undefined;
      if (atoms) {
        const alt: Alt = { t: 'alt', branches: atoms.map((a) => [a]) };
        return { t: 'repeat', body: { t: 'group', kind: 'plain', index: 0, body: alt }, min: 0, max: Infinity, lazy: false, possessive: false };
      }
      return { ...n, body };
    }
    default:
      return n;
  }
}

export function forNamedGroups(root: Alt, names: ReadonlyMap<string, number>): Alt {
  if (root.branches.some(hasRef)) return root;
  const named = new Set(names.values());
  return { t: 'alt', branches: root.branches.map((b) => b.map((n) => rewrite(n, named))) };
}

