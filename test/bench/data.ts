/** Benchmark data: the NDJSON file to import, and the bare-INSERT baseline. */
import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openStore } from '../../electron/store/database';
import { MIGRATIONS } from '../../electron/store/migrations';
import { insertWorld } from '../../electron/store/world';
import { generateAlerts, generateWorld } from '../../shared/demo';
import type { Alert } from '../../shared/domain/alert';
import { IMPORT_FORMAT, IMPORT_VERSION } from '../../shared/import';
import { jstDayNumber, toJstIso } from '../../shared/time';

/** The demo generator's alerts as an import file (format v1). */
export async function writeNdjson(path: string, now: number, count: number): Promise<void> {
  const out = createWriteStream(path);
  const put = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await put(`${JSON.stringify({ format: IMPORT_FORMAT, version: IMPORT_VERSION })}\n`);
  let buf = '';
  for (const a of generateAlerts({ now, count })) {
    buf += `${JSON.stringify(toRecord(a))}\n`;
    if (buf.length > 1 << 20) {
      await put(buf);
      buf = '';
    }
  }
  await put(buf);
  out.end();
  await once(out, 'finish');
}

export function toRecord(a: Alert) {
  return {
    sourceId: a.sourceId,
    source: a.source,
    customerId: a.customerId,
    threatKind: a.threatKind,
    severity: a.sourceSeverity,
    important: a.important,
    titleJa: a.titleJa,
    titleEn: a.titleEn,
    descriptionJa: a.descriptionJa,
    descriptionEn: a.descriptionEn,
    originalText: a.originalText,
    detectedAt: toJstIso(a.detectedAt),
    notifiedAt: a.notifiedAt === null ? null : toJstIso(a.notifiedAt),
    firstSeen: toJstIso(a.firstSeen),
    lastSeen: toJstIso(a.lastSeen),
    count: a.count,
    status: a.status,
    killChain: a.killChain,
    tactic: a.tactic,
    hosts: a.hosts,
    indicators: a.indicators,
    communications: a.communications.map((c) => ({ ...c, at: toJstIso(c.at) })),
  };
}

/**
 * Bare prepared INSERTs of the same rows into a fresh encrypted store, in one transaction; only
 * the time spent inserting counts (rows are generated in untimed batches). `schema` 'app' is every
 * migration; '002' stops before this feature's indexes, rollups and search queue.
 */
export function rawInsert(dir: string, now: number, count: number, schema: 'app' | '002'): number {
  mkdirSync(dir, { recursive: true });
  const db = openStore({
    file: join(dir, 'raw.db'),
    key: randomBytes(32),
    migrations: schema === 'app' ? MIGRATIONS : MIGRATIONS.slice(0, 2),
  });
  db.pragma('cache_size = -65536');
  const world = generateWorld({ now });
  if (schema === 'app') insertWorld(db, { ...world, alerts: [] });
  else {
    for (const p of world.partners)
      db.prepare('INSERT INTO partners (id, name_ja, name_en) VALUES (?, ?, ?)').run(
        p.id,
        p.nameJa,
        p.nameEn,
      );
    for (const c of world.customers) {
      db.prepare(
        `INSERT INTO customers (id, partner_id, name_ja, name_en, industry_ja, industry_en, contact_name,
           contact_kana, contact_department, contact_phone, contact_email, utm_url_filter, fw_proxy)
         VALUES (?, ?, ?, ?, '', '', '', '', '', '0', 'a@example.com', 0, 0)`,
      ).run(c.id, c.partnerId, c.nameJa, c.nameEn);
    }
  }
  const insert = db.prepare(
    `INSERT INTO alerts (source, source_id, customer_id, module, threat_class, threat_kind, severity,
       source_severity, important, title_ja, title_en, description_ja, description_en, original_text,
       detected_at, notified_at, first_seen, last_seen, count, day, status, kill_chain, tactic, hosts,
       indicators) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const host = db.prepare(
    'INSERT INTO alert_hosts (alert_id, customer_id, day, host) VALUES (?, ?, ?, ?)',
  );
  const comm = db.prepare(
    'INSERT INTO communications (alert_id, at, src, dst, port, protocol, url, action) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let ms = 0;
  const gen = generateAlerts({ now, count });
  db.exec('BEGIN');
  for (;;) {
    const batch: Alert[] = [];
    for (let r = gen.next(); !r.done; r = gen.next()) {
      batch.push(r.value);
      if (batch.length === 20_000) break;
    }
    if (batch.length === 0) break;
    const t = performance.now();
    for (const a of batch) {
      const day = jstDayNumber(a.detectedAt);
      const id = insert.run(
        a.source,
        a.sourceId,
        a.customerId,
        a.module,
        a.threatClass,
        a.threatKind,
        a.severity,
        a.sourceSeverity,
        a.important ? 1 : 0,
        a.titleJa,
        a.titleEn,
        a.descriptionJa,
        a.descriptionEn,
        a.originalText,
        a.detectedAt,
        a.notifiedAt,
        a.firstSeen,
        a.lastSeen,
        a.count,
        day,
        a.status,
        a.killChain,
        a.tactic,
        JSON.stringify(a.hosts),
        JSON.stringify(a.indicators),
      ).lastInsertRowid;
      for (const h of a.hosts) host.run(id, a.customerId, day, h);
      for (const c of a.communications)
        comm.run(id, c.at, c.src, c.dst, c.port, c.protocol, c.url, c.action);
    }
    ms += performance.now() - t;
  }
  const t = performance.now();
  db.exec('COMMIT');
  ms += performance.now() - t;
  db.close();
  return (count / ms) * 1000;
}
