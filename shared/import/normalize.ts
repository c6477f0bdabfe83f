/**
 * From a parsed import record to the alert SOC Desk stores: derives the class, module and our
 * severity, fills defaults, and checks what a JSON shape cannot (the kind belongs to the source,
 * the customer is one the importing profile serves, first ≤ last seen). Problems come back as
 * located, translatable issues; nothing throws.
 */
import type { z } from 'zod';
import { CSOC_KINDS, CTS_KINDS, classOfKind, type CsocKind, type ThreatKind } from '../catalog';
import type { Alert } from '../domain/alert';
import type { Issue } from '../result';
import { severityFromSource } from '../severity';
import { importAlertSchema, type ImportAlert } from './format';
import { parseImportInstant } from './instant';

/** zod's issues as ours (`errors:issue.<code>`), with the record's line. */
export function zodIssues(error: z.ZodError, line: number, prefix = ''): Issue[] {
  return error.issues.map((i) => {
    const params: Record<string, string | number> = {};
    if ('expected' in i && typeof i.expected === 'string') params.expected = i.expected;
    if ('minimum' in i) params.minimum = Number(i.minimum);
    if ('maximum' in i) params.maximum = Number(i.maximum);
    if ('keys' in i && Array.isArray(i.keys)) params.keys = i.keys.slice(0, 10).join(', ');
    const path = [prefix, ...i.path.map(String)].filter((p) => p !== '').join('.');
    return { path: path || '(record)', line, message: `errors:issue.${i.code}`, params };
  });
}

export interface NormalizeContext {
  /** Customers the importing profile serves; anything else is refused. */
  customers: ReadonlySet<string>;
  line: number;
}

export type Normalized = { ok: true; alert: Alert } | { ok: false; issues: Issue[] };

const issue = (line: number, path: string, key: string, params?: Issue['params']): Issue => ({
  path,
  line,
  message: `alerts:import.issue.${key}`,
  ...(params ? { params } : {}),
});

/** Checks and completes one parsed record (already shaped by `importAlertSchema`). */
export function normalizeRecord(r: ImportAlert, ctx: NormalizeContext): Normalized {
  const { line } = ctx;
  const issues: Issue[] = [];
  const kind: ThreatKind = r.threatKind;
  const isCts = kind in CTS_KINDS;
  if ((r.source === 'cts') !== isCts) {
    issues.push(issue(line, 'threatKind', 'kindSource', { kind, source: r.source }));
  }
  const threatClass = classOfKind(kind);
  if (r.threatClass !== undefined && r.threatClass !== threatClass) {
    issues.push(issue(line, 'threatClass', 'classMismatch', { kind, expected: threatClass }));
  }
  const module = isCts ? null : CSOC_KINDS[kind as CsocKind].module;
  if (r.module !== undefined && r.module !== null && r.module !== module) {
    issues.push(issue(line, 'module', 'moduleMismatch', { kind, expected: module ?? '-' }));
  }
  const severity = severityFromSource(r.source, r.severity);
  if (!severity) issues.push(issue(line, 'severity', 'severity', { value: r.severity }));
  if (r.important === true && r.source !== 'csoc') {
    issues.push(issue(line, 'important', 'importantCsocOnly'));
  }
  const titleJa = r.titleJa?.trim() ?? '';
  const titleEn = r.titleEn?.trim() ?? '';
  if (titleJa === '' && titleEn === '') issues.push(issue(line, 'titleJa', 'title'));
  if (!ctx.customers.has(r.customerId)) issues.push(issue(line, 'customerId', 'customer'));

  const time = (path: string, value: string): number => {
    const ms = parseImportInstant(value);
    if (ms === null) issues.push(issue(line, path, 'instant', { value }));
    return ms ?? 0;
  };
  const detectedAt = time('detectedAt', r.detectedAt);
  const notifiedAt =
    r.notifiedAt === undefined || r.notifiedAt === null ? null : time('notifiedAt', r.notifiedAt);
  const firstSeen = r.firstSeen === undefined ? detectedAt : time('firstSeen', r.firstSeen);
  const lastSeen = r.lastSeen === undefined ? detectedAt : time('lastSeen', r.lastSeen);
  if (firstSeen > lastSeen) issues.push(issue(line, 'lastSeen', 'seenOrder'));
  const communications = (r.communications ?? []).map((c, i) => ({
    at: time(`communications.${i}.at`, c.at),
    src: c.src,
    dst: c.dst,
    port: c.port ?? null,
    protocol: c.protocol,
    url: c.url ?? null,
    action: c.action,
  }));
  if (issues.length > 0 || !severity) return { ok: false, issues };
  return {
    ok: true,
    alert: {
      sourceId: r.sourceId,
      source: r.source,
      customerId: r.customerId,
      module,
      threatClass,
      threatKind: kind,
      severity,
      sourceSeverity: r.severity.trim(),
      important: r.important ?? false,
      titleJa,
      titleEn,
      descriptionJa: r.descriptionJa ?? '',
      descriptionEn: r.descriptionEn ?? '',
      originalText: r.originalText ?? null,
      detectedAt,
      notifiedAt,
      firstSeen,
      lastSeen,
      count: r.count ?? Math.max(1, communications.length),
      status: r.status ?? 'new',
      killChain: r.killChain ?? null,
      tactic: r.tactic ?? null,
      hosts: [...new Set(r.hosts ?? [])],
      indicators: [...new Set(r.indicators ?? [])],
      communications,
    },
  };
}

/** Shape check and normalisation of one raw record (a parsed JSON value). */
export function checkRecord(value: unknown, ctx: NormalizeContext, prefix = ''): Normalized {
  const parsed = importAlertSchema.safeParse(value);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error, ctx.line, prefix) };
  const n = normalizeRecord(parsed.data, ctx);
  if (n.ok || prefix === '') return n;
  return { ok: false, issues: n.issues.map((i) => ({ ...i, path: `${prefix}.${i.path}` })) };
}
