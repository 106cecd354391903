// "Templates new to a warm process": V8 keeps each RegExp it builds, keyed by source and flags,
// for the life of the process, so a second pass over the same templates does not pay for
// RegExp compilation even though netx's own caches were cleared. This measure splits the
// templates in two halves, warms a fresh process up on one half and times one pass over the
// other: netx's code is warm, the other half's RegExps are built for the first time.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledTemplatesDir, clearTemplateCache, TextFSM } from '@netx/textfsm/node';
import { loadCases } from './textfsm-cases.js';

const WARMUPS = 5;
const RUNS = 3;

/** One timed pass over one half: its cases and CPU / wall seconds. */
interface HalfResult {
  cases: number;
  cpu: number;
  wall: number;
}

export interface FreshTemplates {
  /** Sum over both halves of the best CPU / wall seconds of the timed pass. */
  cpu: number;
  wall: number;
  warmups: number;
  runs: number;
  halves: HalfResult[];
}

/** Runs both halves RUNS times each, every run in a fresh process. */
export function runFreshTemplates(): FreshTemplates {
  const halves = [0, 1].map((half) => {
    let best: HalfResult | undefined;
    for (let i = 0; i < RUNS; i++) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), String(half)], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`textfsm-fresh child failed: ${r.stderr}`);
      const got = JSON.parse(r.stdout) as HalfResult;
      if (!best || got.cpu < best.cpu) best = got;
    }
    return best!;
  });
  return {
    cpu: halves.reduce((n, h) => n + h.cpu, 0),
    wall: halves.reduce((n, h) => n + h.wall, 0),
    warmups: WARMUPS,
    runs: RUNS,
    halves,
  };
}

function child(half: number): void {
  const single = loadCases().filter((c) => c.templates.length === 1);
  const names = [...new Set(single.map((c) => c.templates[0]!))].sort();
  const timedHalf = new Set(names.filter((_, i) => i % 2 === half));
  const texts = (inHalf: boolean) =>
    single.filter((c) => timedHalf.has(c.templates[0]!) === inHalf).map((c) => ({ template: readFileSync(join(bundledTemplatesDir, c.templates[0]!), 'utf8'), data: c.data }));
  const warm = texts(false);
  const timed = texts(true);
  const pass = (xs: { template: string; data: string }[]) => {
    clearTemplateCache();
    for (const t of xs) new TextFSM(t.template).parseText(t.data);
  };
  for (let i = 0; i < WARMUPS; i++) pass(warm);
  const c = process.cpuUsage();
  const w = performance.now();
  pass(timed);
  const u = process.cpuUsage(c);
  process.stdout.write(JSON.stringify({ cases: timed.length, cpu: (u.user + u.system) / 1e6, wall: (performance.now() - w) / 1000 } satisfies HalfResult));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) child(Number(process.argv[2]));
