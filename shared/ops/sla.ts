import { z } from 'zod';
import type { Contract } from '../domain/contract';
import type { ServiceLedger, SlaService } from '../sla-ledger';
import { op } from './op';
import { entityId } from './session';

/** A recorded period when IIJ C-SOC or DDoS could not be used (the input of the SLA ledger). */
export interface OutageRecord {
  id: number;
  customerId: string;
  service: SlaService;
  /** Null: the whole service (C-SOC: the platform); else one contract. */
  contractId: string | null;
  startedAt: number;
  /** When the vendor learned of it (000 第15条1, 004 第14条); null = at the start. */
  knownAt: number | null;
  /** Null while the outage lasts. */
  endedAt: number | null;
  vendorFault: boolean;
  note: string;
  createdAt: number;
  updatedAt: number;
}

export interface CustomerLedger {
  customerId: string;
  nameJa: string;
  nameEn: string;
  services: ServiceLedger[];
  outages: OutageRecord[];
  /** The C-SOC and DDoS contracts (an outage may name one; credits refer to them). */
  contracts: Array<
    Pick<Contract, 'id' | 'contractNo' | 'category' | 'module' | 'item' | 'monthlyFee'> & {
      service: SlaService;
    }
  >;
}

export interface SlaLedgerResult {
  asOf: number;
  today: string;
  customers: CustomerLedger[];
}

export interface AuditEntry {
  at: number;
  actor: string;
  /** The profile's company, when it still exists. */
  actorName: { ja: string; en: string } | null;
  action: string;
  fromValue: string | null;
  toValue: string | null;
}

// Epoch ms between 2000 and 2100: anything else is a typo, not an outage.
const instant = z.number().int().min(946_684_800_000).max(4_102_444_800_000);

export const outageInput = z
  .object({
    /** Absent: record a new outage; present: change that one. */
    id: z.number().int().positive().optional(),
    customerId: entityId,
    service: z.enum(['iij-c-soc', 'iij-ddos']),
    contractId: entityId.nullable(),
    startedAt: instant,
    knownAt: instant.nullable(),
    endedAt: instant.nullable(),
    vendorFault: z.boolean(),
    note: z.string().max(500),
  })
  .strict();
export type OutageInput = z.infer<typeof outageInput>;

export const slaOps = {
  'sla.ledger': op<SlaLedgerResult>()(
    z
      .object({
        customerId: entityId.nullable(),
        months: z.union([z.literal(3), z.literal(6), z.literal(12)]),
      })
      .strict(),
  ),
  'sla.saveOutage': op<OutageRecord>()(outageInput),
  'sla.deleteOutage': op<null>()(z.object({ id: z.number().int().positive() }).strict()),
  /** The audit trail of one outage (who recorded, changed or deleted it, and when). */
  'sla.outageHistory': op<AuditEntry[]>()(z.object({ id: z.number().int().positive() }).strict()),
};
