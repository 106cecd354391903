// vitest globalSetup: the outside clients the simulator is proven against
// (OpenSSH's ssh, sshpass, Python Netmiko from Debian) are installed once, before
// any test file starts; a tool that still cannot be had fails the run, never skips.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PYTHON = '/usr/bin/python3';

const NEEDS: ReadonlyArray<{ pkg: string; ok: () => boolean }> = [
  { pkg: 'openssh-client', ok: () => existsSync('/usr/bin/ssh') && existsSync('/usr/bin/ssh-keygen') },
  { pkg: 'sshpass', ok: () => existsSync('/usr/bin/sshpass') },
  { pkg: 'python3-netmiko', ok: () => spawnSync(PYTHON, ['-c', 'import netmiko'], { stdio: 'ignore' }).status === 0 },
];

export default function setup(): void {
  const missing = NEEDS.filter((n) => !n.ok()).map((n) => n.pkg);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`device-sim tests need the Debian packages ${missing.join(' ')}; install them (sudo apt-get install -y ${missing.join(' ')}) or run tools/scripts/bootstrap.sh --system.`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'ignore', env });
  const still = NEEDS.filter((n) => !n.ok()).map((n) => n.pkg);
  if (still.length > 0) throw new Error(`apt-get could not install ${still.join(' ')}; the device-sim client tests cannot run without them.`);
}
