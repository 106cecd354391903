// Output texts of the virtual Junos device, shaped like a real MX's.

export function junosShowVersion(hostname: string): string {
  const lines = [
    `Hostname: ${hostname}`,
    'Model: mx204',
    'Junos: 21.4R3.15',
    'JUNOS OS Kernel 64-bit  [20230127.3a32f79_builder_stable_12_214]',
    'JUNOS OS libs [20230127.3a32f79_builder_stable_12_214]',
    'JUNOS OS runtime [20230127.3a32f79_builder_stable_12_214]',
    'JUNOS OS time zone information [20230127.3a32f79_builder_stable_12_214]',
    'JUNOS network stack and utilities [20230210.051322_builder_junos_214_r3]',
    'JUNOS libs [20230210.051322_builder_junos_214_r3]',
    'JUNOS OS libs compat32 [20230127.3a32f79_builder_stable_12_214]',
    'JUNOS OS 32-bit compatibility [20230127.3a32f79_builder_stable_12_214]',
    'JUNOS libs compat32 [20230210.051322_builder_junos_214_r3]',
    'JUNOS runtime [20230210.051322_builder_junos_214_r3]',
    'JUNOS Packet Forwarding Engine Simulation Package [20230210.051322_builder_junos_214_r3]',
    'JUNOS sflow mx [20230210.051322_builder_junos_214_r3]',
    'JUNOS py extensions [20230210.051322_builder_junos_214_r3]',
    'JUNOS py base [20230210.051322_builder_junos_214_r3]',
    'JUNOS OS vmguest [20230127.3a32f79_builder_stable_12_214]',
    'JUNOS OS crypto [20230127.3a32f79_builder_stable_12_214]',
    'JUNOS na telemetry [21.4R3.15]',
    'JUNOS mx libs compat32 [20230210.051322_builder_junos_214_r3]',
    'JUNOS mx runtime [20230210.051322_builder_junos_214_r3]',
    'JUNOS common platform support [20230210.051322_builder_junos_214_r3]',
    'JUNOS Openconfig [21.4R3.15]',
    'JUNOS mtx network modules [20230210.051322_builder_junos_214_r3]',
    'JUNOS modules [20230210.051322_builder_junos_214_r3]',
    'JUNOS mx modules [20230210.051322_builder_junos_214_r3]',
    'JUNOS mx libs [20230210.051322_builder_junos_214_r3]',
    'JUNOS Kernel Software Suite [21.4R3.15]',
    'JUNOS Online Documentation [20230210.051322_builder_junos_214_r3]',
    'JUNOS Routing Software Suite [20230210.051322_builder_junos_214_r3]',
  ];
  return lines.join('\n') + '\n';
}

export const JUNOS_SHOW_INTERFACES_TERSE = `Interface               Admin Link Proto    Local                 Remote
et-0/0/0                up    up
et-0/0/0.0              up    up   inet     192.0.2.2/30
lo0                     up    up
lo0.0                   up    up   inet     198.51.100.2        --> 0/0
`;
