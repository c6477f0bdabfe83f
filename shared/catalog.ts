/**
 * Identifiers of the things SOC Desk talks about: services, threat classes and kinds, C-SOC modules
 * and incident types, the severity scale and the attack stages. Labels live in locales/, explanations
 * in the knowledge base under assets/kb/; this file only fixes the ids and how they relate.
 */

/** The five services of the seeds (issue #3 conventions). */
export const SERVICES = [
  'soc-in-pocket',
  'iij-c-soc',
  'iij-secure-endpoint',
  'iij-ddos',
  'cwpp',
] as const;
export type ServiceId = (typeof SERVICES)[number];

export const ALERT_SOURCES = ['cts', 'csoc'] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];

/**
 * Threat classes. The first five are the CTS classes of seed 002 別紙2 §3 (分類); the last three
 * hold C-SOC incident types that have no CTS counterpart (server-side attacks, accounts, mail),
 * so one chart can stack both sources.
 */
export const THREAT_CLASSES = [
  'recon',
  'malicious-site',
  'malicious-download',
  'malware-comm',
  'suspicious-comm',
  'intrusion',
  'account',
  'mail',
] as const;
export type ThreatClass = (typeof THREAT_CLASSES)[number];

/**
 * CTS kinds (各種不正通信) of seed 002 別紙2 §3, each in its class. The table lists twelve
 * communications (the malware-communication cell names three), and SOC Desk covers all of them.
 */
export const CTS_KINDS = {
  'recon-access': 'recon',
  'redirect-site': 'malicious-site',
  'compromised-site': 'malicious-site',
  'malvertising-site': 'malicious-site',
  'browser-exploit-site': 'malicious-site',
  'browser-fingerprinting-site': 'malicious-site',
  'malware-download': 'malicious-download',
  'exploit-kit-download': 'malicious-download',
  c2: 'malware-comm',
  ransomware: 'malware-comm',
  'lateral-movement': 'malware-comm',
  tor: 'suspicious-comm',
} as const satisfies Record<string, ThreatClass>;
export type CtsKind = keyof typeof CTS_KINDS;

/** C-SOC modules of seed 000 第2条, plus the EDR operation option (第10条) that also raises incidents. */
export const CSOC_MODULES = [
  'swg',
  'ips',
  'firewall',
  'secure-mx',
  'endpoint',
  'waf',
  'secure-access',
  'custom-log',
  'cloud-log',
  'm365-log',
  'edr',
] as const;
export type CsocModule = (typeof CSOC_MODULES)[number];

/**
 * C-SOC incident types, per module, with the threat class they are counted in. The seed does not
 * list incident types (IIJ decides them, 000 別紙1 2); these are the ones SOC Desk explains.
 */
export const CSOC_KINDS = {
  'swg-malicious-url': { module: 'swg', threatClass: 'malicious-site' },
  'swg-c2-beacon': { module: 'swg', threatClass: 'malware-comm' },
  'ips-exploit-attempt': { module: 'ips', threatClass: 'intrusion' },
  'ips-scan': { module: 'ips', threatClass: 'recon' },
  'fw-port-scan': { module: 'firewall', threatClass: 'recon' },
  'fw-suspicious-outbound': { module: 'firewall', threatClass: 'suspicious-comm' },
  'mx-malware-attachment': { module: 'secure-mx', threatClass: 'mail' },
  'mx-phishing': { module: 'secure-mx', threatClass: 'mail' },
  'ep-malware-detected': { module: 'endpoint', threatClass: 'malicious-download' },
  'ep-ransomware-behavior': { module: 'endpoint', threatClass: 'malware-comm' },
  'waf-web-attack': { module: 'waf', threatClass: 'intrusion' },
  'sa-brute-force': { module: 'secure-access', threatClass: 'account' },
  'log-anomalous-auth': { module: 'custom-log', threatClass: 'account' },
  'cloud-suspicious-api': { module: 'cloud-log', threatClass: 'account' },
  'm365-account-compromise': { module: 'm365-log', threatClass: 'account' },
  'm365-forwarding-rule': { module: 'm365-log', threatClass: 'mail' },
  'edr-suspicious-process': { module: 'edr', threatClass: 'intrusion' },
} as const satisfies Record<string, { module: CsocModule; threatClass: ThreatClass }>;
export type CsocKind = keyof typeof CSOC_KINDS;

export type ThreatKind = CtsKind | CsocKind;
export const THREAT_KINDS = [
  ...(Object.keys(CTS_KINDS) as CtsKind[]),
  ...(Object.keys(CSOC_KINDS) as CsocKind[]),
];

export function classOfKind(kind: ThreatKind): ThreatClass {
  if (kind in CTS_KINDS) return CTS_KINDS[kind as CtsKind];
  return CSOC_KINDS[kind as CsocKind].threatClass;
}

/** One severity scale for both sources, most severe first. How each source maps is in docs/. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ALERT_STATUSES = [
  'new',
  'acknowledged',
  'in_progress',
  'resolved',
  'false_positive',
] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export const OPEN_ALERT_STATUSES: readonly AlertStatus[] = ['new', 'acknowledged', 'in_progress'];

/** Lockheed Martin Cyber Kill Chain phases, in order (the terms' 攻撃工程の進み具合, 002 別紙3 1(3)③). */
export const KILL_CHAIN = [
  'reconnaissance',
  'weaponization',
  'delivery',
  'exploitation',
  'installation',
  'command-and-control',
  'actions-on-objectives',
] as const;
export type KillChainPhase = (typeof KILL_CHAIN)[number];

/** MITRE ATT&CK Enterprise tactics, in matrix order, by their TA ids. */
export const ATTACK_TACTICS = {
  TA0043: 'reconnaissance',
  TA0042: 'resource-development',
  TA0001: 'initial-access',
  TA0002: 'execution',
  TA0003: 'persistence',
  TA0004: 'privilege-escalation',
  TA0005: 'defense-evasion',
  TA0006: 'credential-access',
  TA0007: 'discovery',
  TA0008: 'lateral-movement',
  TA0009: 'collection',
  TA0011: 'command-and-control',
  TA0010: 'exfiltration',
  TA0040: 'impact',
} as const;
export type AttackTacticId = keyof typeof ATTACK_TACTICS;

/** Kinds of devices SOC Desk tracks. */
export const DEVICE_KINDS = [
  'cts-sensor',
  'firewall',
  'ips',
  'swg',
  'mail',
  'endpoint',
  'waf',
  'ddos',
  'vpn',
] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
