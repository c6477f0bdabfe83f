import type { AlertSource, Severity, ThreatClass } from '../../../shared/catalog';

// Chart colours are hex values: SVG presentation attributes (what recharts writes) cannot use
// CSS variables. Chosen to stay distinguishable for the common colour-vision deficiencies.
export const CLASS_COLORS: Record<ThreatClass, string> = {
  recon: '#7c8fa6',
  'malicious-site': '#e69f00',
  'malicious-download': '#d55e00',
  'malware-comm': '#b3124b',
  'suspicious-comm': '#cc79a7',
  intrusion: '#0072b2',
  account: '#56b4e9',
  mail: '#009e73',
};

export const SOURCE_COLORS: Record<AlertSource, string> = {
  cts: '#1f5fa8',
  csoc: '#2a9d8f',
};

export const SEVERITY_COLORS: Record<Severity, string> = {
  critical: '#a4161a',
  high: '#d9480f',
  medium: '#e6a700',
  low: '#4c7ea8',
  info: '#7c8fa6',
};
