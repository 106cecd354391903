export { iosDevice, iosOptions, iosProfile, iosPrompt, iosInvalidInput, iosExecCommands, iosEnableCommands, iosConfigCommands, iosInterfaceCommands, type IosDeviceOptions } from './ios.js';
export { iosShowVersion, iosRunningConfig, IOS_SHOW_CLOCK, IOS_SHOW_IP_INTERFACE_BRIEF } from './ios-texts.js';
export { junosDevice, junosOptions, junosProfile, junosPrompt, junosUnknownCommand, junosOperationalCommands, junosConfigCommands, type JunosDeviceOptions } from './junos.js';
export { junosShowVersion, JUNOS_SHOW_INTERFACES_TERSE } from './junos-texts.js';
export { rawDevice } from './raw.js';
export { mergeTables } from './merge.js';
export { defineProfile, modeSwitch, pagerLengthHandler, type ConfigModeSpec, type DeviceProfile, type ProfileBuildOptions, type ProfileSpec } from './profile.js';
export { profiles, registerProfile, getProfile, profileNames } from './registry.js';
