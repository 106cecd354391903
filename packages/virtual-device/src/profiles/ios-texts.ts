// Output texts of the virtual IOS device, shaped like a real IOS 15 router's.

export function iosShowVersion(hostname: string): string {
  return `Cisco IOS Software, C2900 Software (C2900-UNIVERSALK9-M), Version 15.7(3)M8, RELEASE SOFTWARE (fc2)
Technical Support: http://www.cisco.com/techsupport
Copyright (c) 1986-2021 by Cisco Systems, Inc.
Compiled Thu 21-Jan-21 09:56 by prod_rel_team

ROM: System Bootstrap, Version 15.0(1r)M16, RELEASE SOFTWARE (fc1)

${hostname} uptime is 12 weeks, 3 days, 4 hours, 51 minutes
System returned to ROM by power-on
System restarted at 05:12:33 UTC Wed Sep 2 2026
System image file is "flash0:c2900-universalk9-mz.SPA.157-3.M8.bin"
Last reload type: Normal Reload
Last reload reason: power-on

This product contains cryptographic features and is subject to United
States and local country laws governing import, export, transfer and
use. Delivery of Cisco cryptographic products does not imply
third-party authority to import, export, distribute or use encryption.
Importers, exporters, distributors and users are responsible for
compliance with U.S. and local country laws. By using this product you
agree to comply with applicable laws and regulations. If you are unable
to comply with U.S. and local laws, return this product immediately.

Cisco CISCO2911/K9 (revision 1.0) with 487424K/36864K bytes of memory.
Processor board ID FTX1840ALBQ
3 Gigabit Ethernet interfaces
1 terminal line
DRAM configuration is 64 bits wide with parity enabled.
255K bytes of non-volatile configuration memory.
250880K bytes of ATA System CompactFlash 0 (Read/Write)

License Info:
License UDI:
-------------------------------------------------
Device#   PID                   SN
-------------------------------------------------
*0        CISCO2911/K9          FTX1840ALBQ

Configuration register is 0x2102
`;
}

export const IOS_SHOW_CLOCK = '*10:15:42.123 UTC Wed Nov 25 2026\n';

export const IOS_SHOW_IP_INTERFACE_BRIEF = `Interface                  IP-Address      OK? Method Status                Protocol
GigabitEthernet0/0         192.0.2.1       YES NVRAM  up                    up
GigabitEthernet0/1         198.51.100.1    YES NVRAM  up                    up
GigabitEthernet0/2         unassigned      YES NVRAM  administratively down down
`;

export function iosRunningConfig(hostname: string): string {
  return `Building configuration...

Current configuration : 1024 bytes
!
version 15.7
service timestamps debug datetime msec
service timestamps log datetime msec
no service password-encryption
!
hostname ${hostname}
!
boot-start-marker
boot-end-marker
!
enable secret 9 $9$virtual.device.not.a.real.hash
!
interface GigabitEthernet0/0
 ip address 192.0.2.1 255.255.255.0
!
interface GigabitEthernet0/1
 ip address 198.51.100.1 255.255.255.0
!
interface GigabitEthernet0/2
 no ip address
 shutdown
!
line vty 0 4
 login local
 transport input ssh telnet
!
end
`;
}
