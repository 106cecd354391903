// Real command outputs for the virtual-device profiles, from the ntc-templates test
// captures (Apache-2.0). Two steps:
//
//   node tools/scripts/device-captures.mjs vendor <ntc-templates dir>
//     copies one case per command into packages/virtual-device/captures/<platform>/
//     (<command with '_' for ' '>.txt, bytes unchanged) with the LICENSE, and writes
//     PROVENANCE.md naming every file taken.
//   node tools/scripts/device-captures.mjs generate [--check]
//     turns the vendored files into TypeScript modules in
//     packages/virtual-device/src/profiles/captures/ (CRLF -> LF, nothing else),
//     with a copy of the LICENSE (src/ is what the package publishes), so the
//     device model stays free of node:fs; --check fails if they are stale.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PKG = join(ROOT, 'packages', 'virtual-device');
const CAPTURES = join(PKG, 'captures');
const OUT = join(PKG, 'src', 'profiles', 'captures');
const SOURCE_COMMIT = 'd0bc5a480fe935afb6d9f6806c795a0390aaec90';
/** A capture bigger than this is skipped (keeps every generated module well under 1 MB). */
const MAX_BYTES = 32 * 1024;

/**
 * Per vendored platform: the ntc-templates platform, the case to take where the first
 * usable one (sorted by name) is not the representative one, commands left out (and
 * why), and commands stored under the device's full keyword so abbreviations stay
 * unambiguous (IOS `show interface link` is `show interfaces link`).
 */
const PLATFORMS = {
  cisco_ios: {
    from: 'cisco_ios',
    pick: { show_version: 'cisco_ios_show_version3.raw', show_adjacency: 'show_adjacency_short.raw' },
    skip: {
      'show_ip_bgp_neighbors_advertised-routes': 'every case prints lines that IOS error patterns match',
      show_interface_transceiver: 'an IOS-XE capture (served by ios_xe)',
      show_ip_vrf_interfaces: 'an IOS-XE capture (served by ios_xe)',
    },
    rename: { show_interface_link: 'show_interfaces_link' },
  },
  cisco_ios_xe: {
    from: 'cisco_ios',
    only: ['show_version', 'show_interface_transceiver', 'show_ip_vrf_interfaces', 'show_adjacency'],
    pick: { show_version: 'cisco_ios_show_version4.raw', show_adjacency: 'show_adjacency_detail_iosxe.raw' },
    rename: { show_interface_transceiver: 'show_interfaces_transceiver', show_adjacency: 'show_adjacency_detail' },
  },
  cisco_nxos: {
    from: 'cisco_nxos',
    skip: { show_ip_pim_neighbor_vrf_all: 'its only case is an error message' },
  },
  cisco_xr: { from: 'cisco_xr', skip: { show_bgp_neighbors: 'every case prints lines that the generic error pattern matches' } },
  arista_eos: { from: 'arista_eos' },
  huawei_vrp: { from: 'huawei_vrp', pick: { display_interface: 'huawei_vrp_display_interface2.raw' } },
  mikrotik_routeros: { from: 'mikrotik_routeros' },
  paloalto_panos: { from: 'paloalto_panos' },
  fortinet: { from: 'fortinet' },
  linux: { from: 'linux' },
  juniper_junos: { from: 'juniper_junos' },
};

const isAscii = (buf) => buf.every((b) => b < 0x80);

/** The case to vendor for one command directory, or a reason to skip it. */
function choose(dir, pick) {
  const cases = readdirSync(dir).filter((f) => f.endsWith('.raw')).sort();
  const usable = (f) => {
    const b = readFileSync(join(dir, f));
    return b.length > 0 && b.length <= MAX_BYTES && isAscii(b);
  };
  if (pick) {
    if (!cases.includes(pick) || !usable(pick)) throw new Error(`${dir}: the picked case ${pick} is missing, empty, non-ASCII or too big.`);
    return { file: pick };
  }
  const file = cases.find(usable);
  return file ? { file } : { skip: `no case is non-empty, ASCII and at most ${MAX_BYTES} bytes` };
}

function vendor(ntcDir) {
  if (!ntcDir || !existsSync(join(ntcDir, 'tests'))) throw new Error('vendor: give the ntc-templates directory (it has tests/<platform>/...).');
  rmSync(CAPTURES, { recursive: true, force: true });
  mkdirSync(CAPTURES, { recursive: true });
  copyFileSync(join(ntcDir, 'LICENSE'), join(CAPTURES, 'LICENSE'));
  const rows = [];
  const skipped = [];
  for (const [platform, cfg] of Object.entries(PLATFORMS)) {
    const base = join(ntcDir, 'tests', cfg.from);
    mkdirSync(join(CAPTURES, platform));
    for (const command of readdirSync(base).sort()) {
      if (cfg.only && !cfg.only.includes(command)) continue;
      const why = cfg.skip?.[command];
      const choice = why ? { skip: why } : choose(join(base, command), cfg.pick?.[command]);
      if (choice.skip) {
        skipped.push(`| ${platform} | \`${command}\` | ${choice.skip} |`);
        continue;
      }
      const name = cfg.rename?.[command] ?? command;
      copyFileSync(join(base, command, choice.file), join(CAPTURES, platform, `${name}.txt`));
      rows.push(`| \`${platform}/${name}.txt\` | \`tests/${cfg.from}/${command}/${choice.file}\` |`);
    }
  }
  writeFileSync(join(CAPTURES, 'PROVENANCE.md'), provenance(rows, skipped));
  console.log(`vendored ${rows.length} captures (${skipped.length} commands skipped) into ${relative(ROOT, CAPTURES)}`);
}

function provenance(rows, skipped) {
  return `# Provenance of the captured command outputs

- Source repository: networktocode/ntc-templates (GitHub), https://github.com/networktocode/ntc-templates
- Commit: ${SOURCE_COMMIT}
- License: Apache-2.0 (\`LICENSE\` in this folder, copied unchanged)
- Taken by \`tools/scripts/device-captures.mjs vendor\`: one test case per command (\`tests/<platform>/<command>/<case>.raw\`),
  the bytes unchanged; the file name is the command with \`_\` for each blank. A command's first case
  in name order is taken unless the script names another; cases that are empty, not ASCII or over
  ${MAX_BYTES} bytes are passed over.
- Used by \`src/profiles/captures/*.ts\`, generated from these files by \`tools/scripts/device-captures.mjs generate\`
  (line ends CRLF -> LF, nothing else changed).

## Files taken

| Vendored file | Source file (under the repository root) |
|---|---|
${rows.join('\n')}

## Commands left out

| Platform | Command directory | Why |
|---|---|---|
${skipped.join('\n')}
`;
}

const constName = (platform) => platform.toUpperCase();

function moduleText(platform) {
  const dir = join(CAPTURES, platform);
  const entries = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => [f.slice(0, -4).replaceAll('_', ' '), readFileSync(join(dir, f), 'latin1').replace(/\r\n/g, '\n')]);
  const body = entries.map(([command, text]) => `  ${JSON.stringify(command)}:\n    ${JSON.stringify(text)},`).join('\n');
  return `// GENERATED by tools/scripts/device-captures.mjs from packages/virtual-device/captures/${platform}/
// (ntc-templates test outputs, Apache-2.0: see LICENSE here and captures/PROVENANCE.md). Do not edit.

/** Command (blanks between words) -> the captured output, with '\\n' line ends. */
export const ${constName(platform)}: Readonly<Record<string, string>> = {
${body}
};
`;
}

function generate(check) {
  const platforms = readdirSync(CAPTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const stale = [];
  mkdirSync(OUT, { recursive: true });
  const outputs = platforms.map((platform) => [join(OUT, `${platform.replaceAll('_', '-')}.ts`), moduleText(platform)]);
  outputs.push([join(OUT, 'LICENSE'), readFileSync(join(CAPTURES, 'LICENSE'), 'utf8')]);
  for (const [file, text] of outputs) {
    if (Buffer.byteLength(text) > 1024 * 1024) throw new Error(`${relative(ROOT, file)} would be over 1 MB; lower MAX_BYTES or skip commands.`);
    if (check) {
      if (!existsSync(file) || readFileSync(file, 'utf8') !== text) stale.push(relative(ROOT, file));
    } else writeFileSync(file, text);
  }
  if (stale.length) {
    console.error(`stale generated captures (run: node tools/scripts/device-captures.mjs generate):\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`${check ? 'checked' : 'generated'} ${platforms.length} capture modules in ${relative(ROOT, OUT)}`);
}

const [mode, arg] = process.argv.slice(2);
if (mode === 'vendor') vendor(arg);
else if (mode === 'generate') generate(arg === '--check');
else {
  console.error('usage: device-captures.mjs vendor <ntc-templates dir> | generate [--check]');
  process.exit(2);
}
