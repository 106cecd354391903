// netx driver names (Exscript's, see the @netx/drivers-* packages) → ntc-templates platforms.
// A driver that covers several ntc platforms lists them in the order they are tried.

export const DRIVER_PLATFORMS: Readonly<Record<string, readonly string[]>> = {
  ios: ['cisco_ios'],
  // ntc-templates has no separate IOS-XE platform: its cisco_ios templates cover IOS-XE.
  ios_xe: ['cisco_ios'],
  aironet: ['cisco_ios'],
  ios_xr: ['cisco_xr'],
  nxos: ['cisco_nxos'],
  asa: ['cisco_asa'],
  junos: ['juniper_junos'],
  eos: ['arista_eos'],
  vrp: ['huawei_vrp'],
  sros: ['alcatel_sros'],
  comware: ['hp_comware'],
  hp_pro_curve: ['hp_procurve'],
  aruba: ['aruba_os'],
  fortios: ['fortinet'],
  fortinet: ['fortinet'],
  panos: ['paloalto_panos'],
  routeros: ['mikrotik_routeros'],
  vyos: ['vyatta_vyos'],
  one_os: ['oneaccess_oneos'],
  zte: ['zte_zxros'],
  zyxel: ['zyxel_os'],
  cienasaos: ['ciena_saos'],
  // Exscript's brocade driver serves FastIron and NetIron alike.
  brocade: ['brocade_fastiron', 'brocade_netiron'],
  linux: ['linux'],
  shell: ['linux'],
};

/** The ntc platforms for a netx driver name ([] when ntc-templates has none for it). */
export function ntcPlatforms(driver: string): readonly string[] {
  return Object.hasOwn(DRIVER_PLATFORMS, driver) ? DRIVER_PLATFORMS[driver]! : [];
}
