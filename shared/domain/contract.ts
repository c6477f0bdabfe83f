import { z } from 'zod';
import { CSOC_MODULES, SERVICES } from '../catalog';

/** A calendar date in Japan time, `YYYY-MM-DD` (issue #3 conventions). */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date');

/** C-SOC categories (000 第2条): three service levels plus "module" for module contracts. */
export const CSOC_CATEGORIES = ['premium', 'advanced', 'basic', 'module'] as const;
export type CsocCategory = (typeof CSOC_CATEGORIES)[number];

/**
 * Option ids a contract can carry. C-SOC options of 000 第10条 and the prerequisites of the
 * connected IIJ services that 第7条 checks; `tunnel-device` is Secure Endpoint's rented VPN pair
 * (001).
 */
export const CONTRACT_OPTIONS = [
  'onsite-report',
  'custom-log-monitoring',
  'cloud-log-monitoring',
  'm365-log-monitoring',
  'log-retention',
  'incident-response',
  'edr-operation',
  'edr-licence',
  'swg-bypass',
  'waf-advanced-support',
  'tunnel-device',
] as const;
export type ContractOption = (typeof CONTRACT_OPTIONS)[number];

export const contractSchema = z.object({
  id: z.string().min(1).max(64),
  customerId: z.string().min(1).max(64),
  service: z.enum(SERVICES),
  /** C-SOC only. */
  category: z.enum(CSOC_CATEGORIES).nullable(),
  /** C-SOC module contracts only. */
  module: z.enum(CSOC_MODULES).nullable(),
  /** Secure Endpoint / DDoS letter, or a C-SOC rule-changing item (issue #3 conventions). */
  item: z.string().max(32).nullable(),
  options: z.array(z.enum(CONTRACT_OPTIONS)).max(32),
  /** C-SOC management unit (管理単位, 000 第7条); contracts of one unit are checked together. */
  managementUnit: z.string().max(64).nullable(),
  /** Service start (SOC in Pocket: CTS hardware delivery date, 002 第4条2). */
  start: isoDate,
  billingStart: isoDate,
  monthlyFee: z.number().int().nonnegative().nullable(),
  annualFee: z.number().int().nonnegative().nullable(),
  noticeReceived: isoDate.nullable(),
  requestedEnd: isoDate.nullable(),
  /** The vendor's contract number as printed on the order. */
  contractNo: z.string().max(64),
});
export type Contract = z.infer<typeof contractSchema>;
