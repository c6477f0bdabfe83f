import type { Alert } from '../../shared/domain/alert';
import { jstDayNumber } from '../../shared/time';
import type { Db } from './database';

export const ALERT_COLUMNS = [
  'source',
  'source_id',
  'customer_id',
  'module',
  'threat_class',
  'threat_kind',
  'severity',
  'source_severity',
  'important',
  'title_ja',
  'title_en',
  'description_ja',
  'description_en',
  'original_text',
  'detected_at',
  'notified_at',
  'first_seen',
  'last_seen',
  'count',
  'day',
  'status',
  'kill_chain',
  'tactic',
  'hosts',
  'indicators',
] as const;
// Re-importing an alert refreshes what the source says but keeps the local workflow status. The
// import's content hash (migration 003) is cleared, since this writer does not compute it.
const UPDATED = ALERT_COLUMNS.filter((c) => c !== 'source' && c !== 'source_id' && c !== 'status');

/**
 * Returns a function that inserts or updates one alert (by source + source id) with its hosts and
 * communications. Statements are prepared once; call it inside a transaction for bulk writes.
 */
export function alertWriter(db: Db): (alert: Alert) => number {
  const upsert = db.prepare(
    `INSERT INTO alerts (${ALERT_COLUMNS.join(', ')}) VALUES (${ALERT_COLUMNS.map((c) => `@${c}`).join(', ')})
     ON CONFLICT (source, source_id) DO UPDATE SET ${UPDATED.map((c) => `${c} = excluded.${c}`).join(', ')}, content_hash = NULL
     RETURNING id`,
  );
  const clearHosts = db.prepare('DELETE FROM alert_hosts WHERE alert_id = ?');
  const clearComms = db.prepare('DELETE FROM communications WHERE alert_id = ?');
  const addHost = db.prepare(
    'INSERT OR IGNORE INTO alert_hosts (alert_id, customer_id, day, host) VALUES (?, ?, ?, ?)',
  );
  const addComm = db.prepare(
    'INSERT INTO communications (alert_id, at, src, dst, port, protocol, url, action) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  return (a) => {
    const day = jstDayNumber(a.detectedAt);
    const { id } = upsert.get(alertParams(a)) as { id: number };
    clearHosts.run(id);
    clearComms.run(id);
    for (const h of a.hosts) addHost.run(id, a.customerId, day, h);
    for (const c of a.communications)
      addComm.run(id, c.at, c.src, c.dst, c.port, c.protocol, c.url, c.action);
    return id;
  };
}

/** The named parameters of one alert row (columns of ALERT_COLUMNS). */
export function alertParams(
  a: Alert,
): Record<(typeof ALERT_COLUMNS)[number], string | number | null> {
  return {
    source: a.source,
    source_id: a.sourceId,
    customer_id: a.customerId,
    module: a.module,
    threat_class: a.threatClass,
    threat_kind: a.threatKind,
    severity: a.severity,
    source_severity: a.sourceSeverity,
    important: a.important ? 1 : 0,
    title_ja: a.titleJa,
    title_en: a.titleEn,
    description_ja: a.descriptionJa,
    description_en: a.descriptionEn,
    original_text: a.originalText,
    detected_at: a.detectedAt,
    notified_at: a.notifiedAt,
    first_seen: a.firstSeen,
    last_seen: a.lastSeen,
    count: a.count,
    day: jstDayNumber(a.detectedAt),
    status: a.status,
    kill_chain: a.killChain,
    tactic: a.tactic,
    hosts: JSON.stringify(a.hosts),
    indicators: JSON.stringify(a.indicators),
  };
}
