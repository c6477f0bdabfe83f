import type { DemoWorld } from '../../shared/demo';
import { alertWriter } from './alerts';
import type { Db } from './database';

/** Writes a whole world (the demo data) in one transaction: all of it, or nothing. */
export function insertWorld(db: Db, world: DemoWorld): void {
  const partner = db.prepare(
    'INSERT INTO partners (id, name_ja, name_en, desk_phone, desk_email) VALUES (?, ?, ?, ?, ?)',
  );
  const customer = db.prepare(
    `INSERT INTO customers (id, partner_id, name_ja, name_en, industry_ja, industry_en, contact_name,
       contact_kana, contact_department, contact_phone, contact_email, utm_url_filter, fw_proxy)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const contract = db.prepare(
    `INSERT INTO contracts (id, customer_id, service, category, module, item, options, management_unit,
       start_date, billing_start, monthly_fee, annual_fee, notice_received, requested_end, contract_no)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const device = db.prepare(
    `INSERT INTO devices (id, customer_id, kind, vendor, model, name, serial, rented, contract_id,
       installed_on, last_seen_at, data_collection_ok) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const sample = db.prepare(
    `INSERT INTO health_samples (device_id, at, cpu_pct, mem_pct, disk_pct, bandwidth_mbps, endpoints)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const outage = db.prepare(
    `INSERT INTO outages (customer_id, service, contract_id, started_at, known_at, ended_at,
       vendor_fault, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const writeAlert = alertWriter(db);
  db.transaction(() => {
    for (const p of world.partners) partner.run(p.id, p.nameJa, p.nameEn, p.deskPhone, p.deskEmail);
    for (const c of world.customers) {
      customer.run(
        c.id,
        c.partnerId,
        c.nameJa,
        c.nameEn,
        c.industryJa,
        c.industryEn,
        c.contact.name,
        c.contact.nameKana,
        c.contact.department,
        c.contact.phone,
        c.contact.email,
        c.perimeter.utmWithUrlFilter ? 1 : 0,
        c.perimeter.firewallAndProxy ? 1 : 0,
      );
    }
    for (const k of world.contracts) {
      contract.run(
        k.id,
        k.customerId,
        k.service,
        k.category,
        k.module,
        k.item,
        JSON.stringify(k.options),
        k.managementUnit,
        k.start,
        k.billingStart,
        k.monthlyFee,
        k.annualFee,
        k.noticeReceived,
        k.requestedEnd,
        k.contractNo,
      );
    }
    for (const d of world.devices) {
      device.run(
        d.id,
        d.customerId,
        d.kind,
        d.vendor,
        d.model,
        d.name,
        d.serial,
        d.rented ? 1 : 0,
        d.contractId,
        d.installedOn,
        d.lastSeenAt,
        d.dataCollectionOk ? 1 : 0,
      );
    }
    for (const s of world.samples) {
      sample.run(s.deviceId, s.at, s.cpuPct, s.memPct, s.diskPct, s.bandwidthMbps, s.endpoints);
    }
    for (const a of world.alerts) writeAlert(a);
    for (const o of world.outages) {
      const recorded = o.endedAt ?? o.startedAt;
      outage.run(
        o.customerId,
        o.service,
        o.contractId,
        o.startedAt,
        o.knownAt,
        o.endedAt,
        o.vendorFault ? 1 : 0,
        o.note,
        recorded,
        recorded,
      );
    }
  })();
}
