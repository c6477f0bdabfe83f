/**
 * SOC Desk feed format, version 1 (docs/feed-format.md): the page a feed endpoint answers with and
 * the kinds of item it carries. Written out here rather than borrowed from shared/domain so that the
 * format only changes when its version does; the parser checks that every item still maps onto the
 * domain types (a change there that breaks the format fails the type check).
 *
 * Every object is strict: a field v1 does not know is an error, not silently dropped — a producer
 * that needs a new field raises the version.
 */
import { z } from 'zod';
import {
  ALERT_SOURCES,
  ALERT_STATUSES,
  ATTACK_TACTICS,
  CSOC_MODULES,
  DEVICE_KINDS,
  KILL_CHAIN,
  SERVICES,
  SEVERITIES,
  THREAT_CLASSES,
  THREAT_KINDS,
  type AttackTacticId,
  type ThreatKind,
} from '../catalog';
import { CONTRACT_OPTIONS, CSOC_CATEGORIES } from '../domain/contract';

export const FEED_FORMAT = 'socdesk-feed';
export const FEED_VERSION = 1;
/** The most items one page may carry; a larger page is refused as a whole. */
export const MAX_PAGE_ITEMS = 1000;
export const MAX_CURSOR_LENGTH = 512;

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().max(max);
/** Epoch milliseconds (UTC), within years 2000–2200: anything else is a unit mistake (seconds?). */
const instant = z.number().int().min(946_684_800_000).max(7_258_118_400_000);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const communication = z
  .object({
    at: instant,
    src: text(255),
    dst: text(255),
    port: z.number().int().min(0).max(65535).nullable(),
    protocol: text(16),
    url: text(2048).nullable(),
    action: z.enum(['allowed', 'blocked', 'detected']),
  })
  .strict();

/** An alert of either source; its key is (source, sourceId). */
export const feedAlert = z
  .object({
    source: z.enum(ALERT_SOURCES),
    sourceId: text(128).min(1),
    customerId: id,
    module: z.enum(CSOC_MODULES).nullable(),
    threatClass: z.enum(THREAT_CLASSES),
    threatKind: z.enum(THREAT_KINDS as [ThreatKind, ...ThreatKind[]]),
    severity: z.enum(SEVERITIES),
    sourceSeverity: text(32),
    important: z.boolean(),
    titleJa: text(500),
    titleEn: text(500),
    descriptionJa: text(10_000),
    descriptionEn: text(10_000),
    originalText: text(20_000).nullable(),
    detectedAt: instant,
    notifiedAt: instant.nullable(),
    firstSeen: instant,
    lastSeen: instant,
    count: z.number().int().min(1),
    status: z.enum(ALERT_STATUSES),
    killChain: z.enum(KILL_CHAIN).nullable(),
    tactic: z.enum(Object.keys(ATTACK_TACTICS) as [AttackTacticId, ...AttackTacticId[]]).nullable(),
    hosts: z.array(text(255).min(1)).max(1000),
    indicators: z.array(text(2048).min(1)).max(1000),
    communications: z.array(communication).max(10_000),
  })
  .strict();

/** A contract as it stands now (new, or changed: notice received, fees…); its key is its id. */
export const feedContract = z
  .object({
    id,
    customerId: id,
    service: z.enum(SERVICES),
    category: z.enum(CSOC_CATEGORIES).nullable(),
    module: z.enum(CSOC_MODULES).nullable(),
    item: text(32).nullable(),
    options: z.array(z.enum(CONTRACT_OPTIONS)).max(32),
    managementUnit: text(64).nullable(),
    start: isoDate,
    billingStart: isoDate,
    monthlyFee: z.number().int().nonnegative().nullable(),
    annualFee: z.number().int().nonnegative().nullable(),
    noticeReceived: isoDate.nullable(),
    requestedEnd: isoDate.nullable(),
    contractNo: text(64),
  })
  .strict();

/** A device (CTS sensor or appliance) as it stands now; its key is its id. */
export const feedDevice = z
  .object({
    id,
    customerId: id,
    kind: z.enum(DEVICE_KINDS),
    vendor: text(100),
    model: text(100),
    name: text(200),
    serial: text(100),
    rented: z.boolean(),
    contractId: id.nullable(),
    installedOn: isoDate.nullable(),
    lastSeenAt: instant.nullable(),
    dataCollectionOk: z.boolean(),
  })
  .strict();

/** The status part of a device (heartbeat, data-collection check); the device must exist. */
export const feedDeviceStatus = z
  .object({
    deviceId: id,
    customerId: id,
    lastSeenAt: instant.nullable(),
    dataCollectionOk: z.boolean(),
  })
  .strict();

/** One health sample; its key is (deviceId, at). */
export const feedHealthSample = z
  .object({
    deviceId: id,
    customerId: id,
    at: instant,
    cpuPct: z.number().min(0).max(100),
    memPct: z.number().min(0).max(100),
    diskPct: z.number().min(0).max(100),
    bandwidthMbps: z.number().min(0).max(1_000_000),
    endpoints: z.number().int().min(0).max(10_000_000),
  })
  .strict();

export const FEED_ITEM_KINDS = [
  'alert',
  'contract',
  'device',
  'deviceStatus',
  'healthSample',
] as const;
export type FeedItemKind = (typeof FEED_ITEM_KINDS)[number];

export const DATA_SCHEMAS = {
  alert: feedAlert,
  contract: feedContract,
  device: feedDevice,
  deviceStatus: feedDeviceStatus,
  healthSample: feedHealthSample,
} as const satisfies Record<FeedItemKind, z.ZodType>;

/** The envelope of a page; items are checked one by one (so errors are located per item). */
export const pageEnvelope = z
  .object({
    format: z.literal(FEED_FORMAT),
    version: z.literal(FEED_VERSION),
    /** The cursor this page was asked for (null: from the beginning). */
    cursor: z.string().min(1).max(MAX_CURSOR_LENGTH).nullable(),
    /** Where to continue after this page. Equals `cursor` on an empty page at the head. */
    nextCursor: z.string().min(1).max(MAX_CURSOR_LENGTH),
    /** More items are ready now: ask again at once with nextCursor. */
    hasMore: z.boolean(),
    items: z.array(z.unknown()).max(MAX_PAGE_ITEMS),
  })
  .strict();

export const itemEnvelope = z.object({ kind: z.enum(FEED_ITEM_KINDS), data: z.unknown() }).strict();

export type FeedAlert = z.infer<typeof feedAlert>;
export type FeedContract = z.infer<typeof feedContract>;
export type FeedDevice = z.infer<typeof feedDevice>;
export type FeedDeviceStatus = z.infer<typeof feedDeviceStatus>;
export type FeedHealthSample = z.infer<typeof feedHealthSample>;

/** One validated change, in the order the feed gave it. */
export type FeedChange =
  | { kind: 'alert'; data: FeedAlert }
  | { kind: 'contract'; data: FeedContract }
  | { kind: 'device'; data: FeedDevice }
  | { kind: 'deviceStatus'; data: FeedDeviceStatus }
  | { kind: 'healthSample'; data: FeedHealthSample };

export interface FeedPage {
  cursor: string | null;
  nextCursor: string;
  hasMore: boolean;
  changes: FeedChange[];
}
