/**
 * Hearing-sheet templates in the store. Every version ever shipped, imported or received with a
 * customer's sheet is kept, so a sheet always renders with the version it was filled with; a new
 * sheet uses the active version (the newest, unless the partner chose another).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { ImportTemplateResult, TemplateSummary } from '../../../shared/ops/desk';
import {
  DEFAULT_TEMPLATE_ID,
  SHIPPED_TEMPLATES,
  parseTemplateText,
  templateKey,
  templateSchema,
  type Template,
} from '../../../shared/hearing-sheet';
import { fail } from '../../../shared/result';
import { getSetting, setSetting } from '../../store/database';
import type { ServiceContext } from '../context';
import { actor, placeholders, scopeCustomers, storedProfile } from '../scope';

const ACTIVE_KEY = 'desk.activeTemplate';
/** A template file is small; anything bigger is not one. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

function insert(ctx: ServiceContext, t: Template, origin: TemplateSummary['origin']): void {
  const body = JSON.stringify(t);
  ctx.db
    .prepare(
      `INSERT OR IGNORE INTO hearing_templates (id, version, title_ja, title_en, body, sha256, origin, added_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(t.id, t.version, t.title.ja, t.title.en, body, sha256(body), origin, ctx.clock.now());
}

let shippedDone = new WeakSet<object>();

/** Puts the shipped templates in the store once per process and database. */
export function ensureShipped(ctx: ServiceContext): void {
  if (shippedDone.has(ctx.db)) return;
  for (const t of SHIPPED_TEMPLATES) insert(ctx, t, 'shipped');
  // Inside a transaction the rows may yet be rolled back (an import refused as a conflict): only
  // a committed insert may be remembered, or a later sheet could store its own "version 1".
  if (!ctx.db.inTransaction) shippedDone.add(ctx.db);
}

/** For tests that reopen a store. */
export function resetShippedCache(): void {
  shippedDone = new WeakSet<object>();
}

export function getTemplate(ctx: ServiceContext, id: string, version: number): Template {
  ensureShipped(ctx);
  const row = ctx.db
    .prepare('SELECT body FROM hearing_templates WHERE id = ? AND version = ?')
    .get(id, version) as { body: string } | undefined;
  if (!row) fail('not_found');
  return templateSchema.parse(JSON.parse(row.body));
}

/** The version new sheets use: the chosen one, else the newest of the default template. */
export function activeTemplateKey(ctx: ServiceContext): { id: string; version: number } {
  ensureShipped(ctx);
  const chosen = getSetting(ctx.db, ACTIVE_KEY);
  if (chosen) {
    const [id, v] = chosen.split('@');
    const exists = ctx.db
      .prepare('SELECT 1 FROM hearing_templates WHERE id = ? AND version = ?')
      .get(id, Number(v));
    if (id && exists) return { id, version: Number(v) };
  }
  const row = ctx.db
    .prepare('SELECT max(version) AS v FROM hearing_templates WHERE id = ?')
    .get(DEFAULT_TEMPLATE_ID) as { v: number };
  return { id: DEFAULT_TEMPLATE_ID, version: row.v };
}

export function setActiveTemplate(ctx: ServiceContext, id: string, version: number): void {
  getTemplate(ctx, id, version);
  setSetting(ctx.db, ACTIVE_KEY, templateKey({ id, version }));
}

export function listTemplates(ctx: ServiceContext): TemplateSummary[] {
  ensureShipped(ctx);
  const active = activeTemplateKey(ctx);
  // Only the profile's own sheets are counted (tenant scope, docs/desk.md).
  const ids = scopeCustomers(ctx);
  const side = storedProfile(ctx)?.kind ?? 'partner';
  const rows = ctx.db
    .prepare(
      `SELECT t.id, t.version, t.title_ja, t.title_en, t.origin, t.added_at,
         (SELECT count(*) FROM inquiries i WHERE i.template_id = t.id AND i.template_version = t.version
            AND i.side = ? AND i.customer_id IN (${placeholders(ids)})) AS sheets
       FROM hearing_templates t ORDER BY t.id, t.version DESC`,
    )
    .all(side, ...ids) as Array<{
    id: string;
    version: number;
    title_ja: string;
    title_en: string;
    origin: TemplateSummary['origin'];
    added_at: number;
    sheets: number;
  }>;
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    titleJa: r.title_ja,
    titleEn: r.title_en,
    origin: r.origin,
    addedAt: r.added_at,
    active: r.id === active.id && r.version === active.version,
    sheets: r.sheets,
  }));
}

/**
 * Stores a template that came from elsewhere (a file, a customer's sheet). The same version with
 * different content is refused: the vendor must raise the version for any change, or sheets
 * filled with "version 3" would no longer say what they meant.
 */
export function storeTemplate(
  ctx: ServiceContext,
  t: Template,
  origin: 'imported' | 'with-sheet',
): { unchanged: boolean } {
  ensureShipped(ctx);
  const existing = ctx.db
    .prepare('SELECT sha256 FROM hearing_templates WHERE id = ? AND version = ?')
    .get(t.id, t.version) as { sha256: string } | undefined;
  if (existing) {
    if (existing.sha256 === sha256(JSON.stringify(t))) return { unchanged: true };
    fail('conflict', {
      message: 'desk:error.templateVersionExists',
      params: { id: t.id, version: t.version },
    });
  }
  insert(ctx, t, origin);
  return { unchanged: false };
}

/** Imports a template file: all of it or nothing, with located problems. */
export function importTemplateFile(ctx: ServiceContext, path: string): ImportTemplateResult {
  if (statSync(path).size > MAX_TEMPLATE_BYTES)
    fail('payload_too_large', { params: { limit: MAX_TEMPLATE_BYTES } });
  const parsed = parseTemplateText(readFileSync(path, 'utf8'));
  if (!parsed.ok)
    fail('invalid_input', { message: 'desk:error.badTemplate', issues: parsed.issues });
  const t = parsed.template;
  let result: ImportTemplateResult = {
    id: t.id,
    version: t.version,
    unchanged: true,
    active: false,
  };
  ctx.db.transaction(() => {
    // A newer version of the template in use becomes the one new sheets use.
    const active = activeTemplateKey(ctx);
    const { unchanged } = storeTemplate(ctx, t, 'imported');
    const newer = t.id === active.id && t.version > active.version;
    if (newer) setActiveTemplate(ctx, t.id, t.version);
    if (!unchanged)
      ctx.db
        .prepare(
          `INSERT INTO audit_log (at, actor, action, entity, entity_id, to_value)
           VALUES (?, ?, 'template.imported', 'hearing_template', ?, ?)`,
        )
        .run(ctx.clock.now(), actor(ctx), t.id, String(t.version));
    result = { id: t.id, version: t.version, unchanged, active: newer };
  })();
  return result;
}
