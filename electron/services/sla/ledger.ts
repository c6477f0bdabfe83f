import type { CustomerLedger } from '../../../shared/ops/sla';
import {
  SLA_SERVICES,
  recentMonths,
  serviceLedger,
  type LedgerIncident,
} from '../../../shared/sla-ledger';
import type { Db } from '../../store/database';
import { customerNames, listContracts } from '../contracts/repo';
import { hiddenSql } from '../alerts/hidden';
import { listOutages } from './outages';

/**
 * The SLA ledger of each customer with IIJ C-SOC or DDoS: the data from the store (contracts,
 * important C-SOC incidents, outages), the computation from shared/sla-ledger.ts.
 */
export function customerLedgers(
  db: Db,
  customerIds: string[],
  now: number,
  monthCount: number,
): CustomerLedger[] {
  const months = recentMonths(now, monthCount);
  const from = Date.parse(`${months[0]}-01T00:00:00+09:00`);
  const importantIncidents = db.prepare(
    `SELECT id, module, detected_at AS detectedAt, notified_at AS notifiedAt FROM alerts
     WHERE customer_id = ? AND detected_at >= ? AND detected_at <= ? AND source = 'csoc' AND important = 1${hiddenSql(db, 'id')}
     ORDER BY detected_at`,
  );
  const all = listContracts(db, customerIds);
  const out: CustomerLedger[] = [];
  for (const c of customerNames(db, customerIds)) {
    const contracts = all.filter(
      (k) => k.customerId === c.id && (k.service === 'iij-c-soc' || k.service === 'iij-ddos'),
    );
    if (contracts.length === 0) continue;
    const outages = listOutages(db, c.id);
    const incidents = importantIncidents.all(c.id, from, now) as LedgerIncident[];
    const services = SLA_SERVICES.filter((s) => contracts.some((k) => k.service === s)).map(
      (service) =>
        serviceLedger({
          service,
          contracts,
          incidents: service === 'iij-c-soc' ? incidents : [],
          outages: outages.filter((o) => o.service === service),
          months,
          now,
        }),
    );
    out.push({
      customerId: c.id,
      nameJa: c.nameJa,
      nameEn: c.nameEn,
      services,
      outages,
      contracts: contracts.map((k) => ({
        id: k.id,
        contractNo: k.contractNo,
        service: k.service as 'iij-c-soc' | 'iij-ddos',
        category: k.category,
        module: k.module,
        item: k.item,
        monthlyFee: k.monthlyFee,
      })),
    });
  }
  return out;
}
