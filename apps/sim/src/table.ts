// The table netx-sim prints: what it serves, with credentials and ports.
import type { Fleet } from '@netx/device-sim';

function columns(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n') + '\n';
}

export function fleetTable(fleet: Fleet): string {
  const rows = [['#', 'name', 'profile', 'user', 'password', 'enable', 'ssh', 'telnet', 'ws', 'faults']];
  for (const r of fleet.table()) {
    const port = (p: number | undefined) => (p === undefined ? '-' : String(p));
    rows.push([String(r.index), r.name, r.profile, r.username, r.password, r.enablePassword ?? '(none)', port(r.ssh), port(r.telnet), port(r.ws), r.faults || '-']);
  }
  const shared = Object.entries(fleet.sharedPorts)
    .map(([proto, port]) => `${proto} ${port}`)
    .join(', ');
  const lines = [
    `netx-sim: ${fleet.devices.length} devices on ${fleet.host}`,
    `SSH host key ${fleet.hostKey.fingerprint}${fleet.hostKey.file ? ` (${fleet.hostKey.file})` : ''}`,
    ...(shared ? [`shared ports: ${shared} (pick a device with user@name or user@#, WebSocket with /name)`] : []),
    ...(fleet.indexLogins.length > 0 ? [`index: ${fleet.indexLogins.length} logins pick their device by themselves (${fleet.indexLogins.slice(0, 3).map(([l, d]) => `${l} -> ${d}`).join(', ')}${fleet.indexLogins.length > 3 ? ', ...' : ''})`] : []),
    '',
  ];
  return lines.join('\n') + '\n' + columns(rows) + '\nCtrl-C stops every listener and session.\n';
}
