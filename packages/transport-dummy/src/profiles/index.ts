export { iosDevice, iosOptions, iosPrompt, iosInvalidInput, iosExecCommands, iosEnableCommands, iosConfigCommands, iosInterfaceCommands, type IosDeviceOptions } from './ios.js';
export { junosDevice, junosOptions, junosPrompt, junosUnknownCommand, junosOperationalCommands, junosConfigCommands, type JunosDeviceOptions } from './junos.js';
export { rawDevice } from './raw.js';
export { mergeTables } from './merge.js';
