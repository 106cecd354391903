// A virtual Cisco IOS-XE switch (Catalyst 9300, 16.x): the IOS CLI of the ios profile
// (login, `r1>` / `r1#` / `r1(config)#`, enable, `--More--`, abbreviations, errors)
// answering with IOS-XE captures first (`show version` of a CAT9K_IOSXE, whose host
// name line follows the device's), then the other ntc-templates IOS captures.
import { captureTable, type CaptureTableOptions, type CommandList } from './capture-table.js';
import { CISCO_IOS } from './captures/cisco-ios.js';
import { CISCO_IOS_XE } from './captures/cisco-ios-xe.js';
import { IOS_SSH_VERSION, iosBuildOptions, iosOptions } from './ios.js';
import { mergeTables } from './merge.js';
import type { DeviceProfile, ProfileBuildOptions } from './profile.js';

export const IOS_XE_CAPTURE_OPTIONS: CaptureTableOptions = { hostname: { 'show version': /^(\S+) uptime is/m } };

/** Command -> output: the IOS-XE captures where there is one, else the IOS one. */
export const IOS_XE_CAPTURES: Readonly<Record<string, string>> = { ...CISCO_IOS, ...CISCO_IOS_XE };

/** Tried before the IOS profile's own commands, so `show version` and `show clock` are the captured ones. */
export const iosXeCaptureCommands: CommandList = captureTable(IOS_XE_CAPTURES, IOS_XE_CAPTURE_OPTIONS);

export const iosXeProfile: DeviceProfile = {
  name: 'ios_xe',
  description: 'Cisco IOS-XE (Catalyst 9300): the IOS CLI with IOS-XE captures (show version says IOS XE)',
  sshVersion: IOS_SSH_VERSION,
  driver: 'ios_xe',
  probe: { command: 'show version', expect: 'Cisco IOS XE Software' },
  options: (o: ProfileBuildOptions = {}) => {
    const ios = iosBuildOptions(o);
    return iosOptions({ remoteVersion: IOS_SSH_VERSION, ...ios, commands: mergeTables(iosXeCaptureCommands, ios.commands) });
  },
};
