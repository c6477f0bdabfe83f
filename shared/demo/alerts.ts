/**
 * Demo alerts: CTS alerts of every class and kind of seed 002 別紙2 §3 and C-SOC incidents of each
 * customer's modules, spread over the days before "now", with hosts, communications and notification
 * times (a few C-SOC important incidents notified later than the 15 minutes of 000 別紙1 2).
 */
import {
  CSOC_KINDS,
  CTS_KINDS,
  type CsocKind,
  type CtsKind,
  type ThreatKind,
  classOfKind,
} from '../catalog';
import type { Alert, Communication } from '../domain/alert';
import { sourceLevel } from '../severity';
import { DAY_MS, HOUR_MS, MINUTE_MS, jstIsoDate } from '../time';
import { KIND_TEXTS } from './alert-texts';
import type { DemoProfile } from './companies';
import type { Prng } from './prng';

/** How often each kind occurs relative to the others (reconnaissance is common, ransomware rare). */
const KIND_WEIGHT: Partial<Record<ThreatKind, number>> = {
  'recon-access': 8,
  'browser-fingerprinting-site': 4,
  'malvertising-site': 4,
  'redirect-site': 3,
  'compromised-site': 3,
  'malware-download': 2,
  'exploit-kit-download': 1.5,
  c2: 1.2,
  tor: 1.5,
  ransomware: 0.4,
  'lateral-movement': 0.5,
  'fw-port-scan': 6,
  'ips-scan': 5,
  'mx-phishing': 4,
  'ep-ransomware-behavior': 0.4,
  'swg-c2-beacon': 0.8,
};

const DOMAINS = [
  'cdn-update-check.example',
  'secure-login-verify.example',
  'ad-delivery-network.example',
  'free-tools-download.example',
  'jp-news-portal.example',
  'invoice-viewer.example',
  'statcounter-track.example',
  'cloud-storage-share.example',
];
const COUNTRIES = ['RU', 'NL', 'US', 'VN', 'BR', 'RO'];
const ROLES_OUT = ['PC-SOUMU', 'PC-EIGYO', 'PC-KEIRI', 'PC-SEKKEI', 'PC-JINJI', 'NB-EIGYO'];
const ROLES_IN = ['SV-WEB01', 'SV-MAIL01', 'SV-VPN01', 'SV-FILE01'];

export interface AlertGenOptions {
  now: number;
  days: number;
  /** When set, generate exactly this many alerts spread over the period (benchmarks). */
  count?: number;
}

function kindsOf(p: DemoProfile): Array<readonly [ThreatKind, number]> {
  const kinds: ThreatKind[] = [];
  if (p.socInPocket) kinds.push(...(Object.keys(CTS_KINDS) as CtsKind[]));
  if (p.csoc) {
    const modules = new Set<string>(p.csoc.modules);
    if (p.csoc.category === 'premium') modules.add('edr');
    for (const k of Object.keys(CSOC_KINDS) as CsocKind[]) {
      if (modules.has(CSOC_KINDS[k].module)) kinds.push(k);
    }
  }
  return kinds.map((k) => [k, KIND_WEIGHT[k] ?? 2] as const);
}

/** A skewed pick so that a few hosts are hit often (a meaningful "top affected hosts"). */
function hostOf(p: DemoProfile, inbound: boolean, rng: Prng): { name: string; ip: string } {
  const rank = Math.floor(Math.pow(rng.next(), 2.2) * (inbound ? 4 : 30));
  const name = inbound
    ? `${p.hostPrefix}-${ROLES_IN[rank % ROLES_IN.length]}`
    : `${p.hostPrefix}-${ROLES_OUT[rank % ROLES_OUT.length]}-${String(10 + rank).padStart(3, '0')}`;
  return { name, ip: `${p.subnet}.${inbound ? 10 + rank : 100 + rank}` };
}

function external(rng: Prng): string {
  return rng.chance(0.5) ? `203.0.113.${rng.int(1, 254)}` : `198.51.100.${rng.int(1, 254)}`;
}

export function* demoAlerts(
  profiles: DemoProfile[],
  opts: AlertGenOptions,
  rng: Prng,
): Generator<Alert> {
  const { now, days } = opts;
  const from = now - days * DAY_MS;
  const active = profiles.filter((p) => p.ctsRate + p.csocRate > 0);
  const serial = new Map<string, number>();
  const make = (p: DemoProfile, at: number): Alert => {
    const kind = rng.weighted(
      kindsOf(p).filter(([k]) => (k in CTS_KINDS ? p.ctsRate > 0 : p.csocRate > 0)),
    );
    return buildAlert(p, kind, at, now, rng, serial);
  };
  if (opts.count !== undefined) {
    for (let i = 0; i < opts.count; i++) {
      const at = from + Math.floor(((i + rng.next()) / opts.count) * (now - from));
      yield make(rng.weighted(active.map((p) => [p, p.ctsRate + p.csocRate] as const)), at);
    }
    return;
  }
  for (let d = 0; d < days; d++) {
    const dayStart = from + d * DAY_MS;
    for (const p of active) {
      const n = rng.poisson((p.ctsRate + p.csocRate) * (0.7 + 0.6 * rng.next()));
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        // More traffic in office hours (JST 8–19), some at night.
        const hour = rng.chance(0.7) ? rng.int(8, 18) : rng.int(0, 23);
        const at = dayStart + hour * HOUR_MS + rng.int(0, 59) * MINUTE_MS + rng.int(0, 59) * 1000;
        if (at < now) times.push(at);
      }
      for (const at of times.sort((a, b) => a - b)) yield make(p, at);
    }
  }
}

function buildAlert(
  p: DemoProfile,
  kind: ThreatKind,
  detectedAt: number,
  now: number,
  rng: Prng,
  serial: Map<string, number>,
): Alert {
  const text = KIND_TEXTS[kind];
  const source = kind in CTS_KINDS ? 'cts' : 'csoc';
  const severity = rng.weighted(text.severities);
  const host = hostOf(p, text.inbound, rng);
  const lateral = kind === 'lateral-movement';
  const domain = rng.pick(DOMAINS);
  // One threat talks to one peer: the address the whole series goes to (or comes from).
  const peerIp = lateral ? `${p.subnet}.${rng.int(100, 140)}` : external(rng);
  const dst = lateral
    ? peerIp
    : kind === 'm365-account-compromise'
      ? rng.pick(COUNTRIES)
      : text.url
        ? domain
        : peerIp;
  const fill = (t: string) => t.replaceAll('{host}', host.name).replaceAll('{dst}', dst);
  const firstSeen = detectedAt - rng.int(0, 6 * 60) * MINUTE_MS;
  const lastSeen = Math.min(now, detectedAt + rng.int(0, 3 * 60) * MINUTE_MS);
  const commCount = rng.int(1, 8);
  const url = text.url
    ? `https://${domain}/${rng.pick(['index.php', 'dl/update.bin', 'ad/frame.js', 'login'])}`
    : null;
  const communications: Communication[] = Array.from({ length: commCount }, (_, i) => ({
    at: firstSeen + Math.floor(((lastSeen - firstSeen) * i) / Math.max(1, commCount - 1)),
    src: text.inbound ? peerIp : host.ip,
    dst: text.inbound ? host.ip : peerIp,
    port: text.port || null,
    protocol: text.protocol,
    url,
    action: rng.weighted([
      ['detected', 6],
      ['blocked', 3],
      ['allowed', 1],
    ] as const),
  }));
  const important = source === 'csoc' && (severity === 'critical' || severity === 'high');
  let notifiedAt: number;
  if (source === 'cts') notifiedAt = detectedAt + rng.int(1, 5) * MINUTE_MS;
  else if (important) {
    // Most important incidents are notified within 15 minutes; about one in ten is late.
    notifiedAt = detectedAt + (rng.chance(0.1) ? rng.int(16, 45) : rng.int(3, 14)) * MINUTE_MS;
  } else notifiedAt = detectedAt + rng.int(10, 120) * MINUTE_MS;
  const date = jstIsoDate(detectedAt).replaceAll('-', '');
  const key = `${source}-${date}`;
  const n = (serial.get(key) ?? 0) + 1;
  serial.set(key, n);
  const sourceId =
    source === 'cts'
      ? `CTS-${date}-${p.hostPrefix}-${String(n).padStart(4, '0')}`
      : `IIJ-INC-${date}-${p.hostPrefix}-${String(n).padStart(4, '0')}`;
  const age = now - detectedAt;
  const status = rng.weighted(
    age > 14 * DAY_MS
      ? ([
          ['resolved', 70],
          ['false_positive', 20],
          ['in_progress', 5],
          ['acknowledged', 5],
        ] as const)
      : age > 2 * DAY_MS
        ? ([
            ['resolved', 35],
            ['false_positive', 10],
            ['in_progress', 25],
            ['acknowledged', 20],
            ['new', 10],
          ] as const)
        : ([
            ['new', 60],
            ['acknowledged', 25],
            ['in_progress', 15],
          ] as const),
  );
  const indicators = [...new Set([dst, peerIp, ...(url ? [url] : [])])];
  return {
    sourceId,
    source,
    customerId: p.customer.id,
    module: source === 'csoc' ? CSOC_KINDS[kind as CsocKind].module : null,
    threatClass: classOfKind(kind),
    threatKind: kind,
    severity,
    sourceSeverity: sourceLevel(source, severity),
    important,
    titleJa: fill(text.ja),
    titleEn: fill(text.en),
    descriptionJa: fill(text.descJa),
    descriptionEn: fill(text.descEn),
    originalText:
      source === 'cts'
        ? `[CTS Alert] ${fill(text.en)}\nSeverity: ${sourceLevel('cts', severity)}\n${fill(text.descEn)}\nAffected host: ${host.name} (${host.ip})`
        : null,
    detectedAt,
    notifiedAt,
    firstSeen,
    lastSeen,
    count: commCount * rng.int(1, 12),
    status,
    killChain: text.killChain,
    tactic: text.tactic,
    hosts: [host.name],
    indicators,
    communications,
  };
}
