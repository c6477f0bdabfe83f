import { z } from 'zod';
import { DEVICE_KINDS } from '../catalog';

const id = z.string().min(1).max(64);
const name = z.string().min(1).max(200);

export const partnerSchema = z.object({
  id,
  nameJa: name,
  nameEn: name,
  /** The partner's first-line desk (一次受付窓口, 002 別紙3 1(2)): where customers call and write. */
  deskPhone: z.string().min(1).max(40),
  deskEmail: z.email().max(254),
});
export type Partner = z.infer<typeof partnerSchema>;

/**
 * The parameter sheet's registered service contact (本サービス担当者): exactly one person per
 * customer may be served (002 第5条1, 別紙3 2(3)).
 */
export const contactSchema = z.object({
  name: name,
  nameKana: z.string().max(200),
  department: z.string().max(200),
  phone: z.string().min(1).max(40),
  email: z.email().max(254),
});
export type Contact = z.infer<typeof contactSchema>;

/** Perimeter controls recommended by 002 別紙2 2(3): UTM with URL filtering, or FW + Proxy. */
export const perimeterSchema = z.object({
  utmWithUrlFilter: z.boolean(),
  firewallAndProxy: z.boolean(),
});
export type Perimeter = z.infer<typeof perimeterSchema>;

export const customerSchema = z.object({
  id,
  partnerId: id,
  nameJa: name,
  nameEn: name,
  industryJa: z.string().max(100),
  industryEn: z.string().max(100),
  contact: contactSchema,
  perimeter: perimeterSchema,
});
export type Customer = z.infer<typeof customerSchema>;

export const deviceSchema = z.object({
  id,
  customerId: id,
  kind: z.enum(DEVICE_KINDS),
  vendor: z.string().max(100),
  model: z.string().max(100),
  name: z.string().max(200),
  serial: z.string().max(100),
  /** Rented from the vendor (CTS hardware, DDoS devices, Secure Endpoint VPN pair). */
  rented: z.boolean(),
  contractId: id.nullable(),
  installedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  /** Epoch ms of the last heartbeat (CTS) or last log received (C-SOC appliances). */
  lastSeenAt: z.number().int().nullable(),
  /** The vendor's data-collection check (正常性の確認, 002 別紙4 2(6)) passed. */
  dataCollectionOk: z.boolean(),
});
export type Device = z.infer<typeof deviceSchema>;

/** One health sample of a device (CTS sensors hourly, appliances daily). */
export const healthSampleSchema = z.object({
  deviceId: id,
  at: z.number().int(),
  cpuPct: z.number().min(0).max(100),
  memPct: z.number().min(0).max(100),
  diskPct: z.number().min(0).max(100),
  bandwidthMbps: z.number().min(0),
  endpoints: z.number().int().min(0),
});
export type HealthSample = z.infer<typeof healthSampleSchema>;
