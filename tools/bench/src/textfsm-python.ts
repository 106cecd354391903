// The Python side of the TextFSM benchmark: the same cases through Google's TextFSM
// (Debian's python3-textfsm), in a child process, timed the same way as the netx side.
import { spawnSync } from 'node:child_process';

export interface PassTimes {
  /** CPU seconds (user + system) and wall seconds of each pass over all cases. */
  passes: { cpu: number; wall: number }[];
  version: string;
}

// Each pass compiles every case's template (TextFSM(...)) and parses its output; re.purge()
// first, as the netx side clears its caches, so no pass starts with compiled patterns (or,
// with purge = false, Python keeps its `re` cache across passes: its best case).
const SCRIPT = `
import io, json, re, sys, time
import textfsm
cases = json.load(sys.stdin)
runs = int(sys.argv[1])
texts = [(open(t).read(), open(r, encoding='utf-8').read()) for t, r in cases]
out = []
purge = sys.argv[2] == 'purge'
for _ in range(runs):
    if purge:
        re.purge()
    w, c = time.perf_counter(), time.process_time()
    for tpl, data in texts:
        textfsm.TextFSM(io.StringIO(tpl)).ParseText(data)
    out.append({'cpu': time.process_time() - c, 'wall': time.perf_counter() - w})
print(json.dumps({'passes': out, 'version': getattr(textfsm, '__version__', '?')}))
`;

/** Runs the cases ([template path, raw path]) through Python TextFSM; undefined when it is not installed. */
export function runPythonTextFsm(cases: [string, string][], runs: number, purge = true): PassTimes | undefined {
  // Debian's package installs for the system Python; a python3 first in PATH may be another one.
  const python = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import textfsm']).status === 0);
  if (!python) return undefined;
  const r = spawnSync(python, ['-c', SCRIPT, String(runs), purge ? 'purge' : 'keep'], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`python3 TextFSM benchmark failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as PassTimes;
}
