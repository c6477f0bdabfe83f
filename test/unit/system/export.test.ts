import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FileRef } from '../../../shared/api';
import { testApp } from '../helpers';

describe("one customer's data export", () => {
  it('holds every record of that customer, including rows linked to them, and no one else’s', async () => {
    const app = testApp();
    await app.dispatch('session.setProfile', { kind: 'partner', id: 'p-minato' });
    const r = await app.dispatch('system.exportCustomer', { customerId: 'c-sakuragawa' });
    expect(r.ok).toBe(true);
    const ref = (r as { value: FileRef }).value;
    const doc = JSON.parse(readFileSync(app.ctx.files.get(ref.fileId).path, 'utf8')) as {
      customerId: string;
      tables: Record<string, Array<Record<string, unknown>>>;
    };
    expect(doc.customerId).toBe('c-sakuragawa');
    const n = (sql: string) => (app.ctx.db.prepare(sql).get() as { n: number }).n;
    expect(doc.tables.customers).toHaveLength(1);
    expect(doc.tables.alerts).toHaveLength(
      n("SELECT count(*) AS n FROM alerts WHERE customer_id = 'c-sakuragawa'"),
    );
    expect(doc.tables.communications).toHaveLength(
      n(
        "SELECT count(*) AS n FROM communications WHERE alert_id IN (SELECT id FROM alerts WHERE customer_id = 'c-sakuragawa')",
      ),
    );
    expect(doc.tables.health_samples).toHaveLength(
      n(
        "SELECT count(*) AS n FROM health_samples WHERE device_id IN (SELECT id FROM devices WHERE customer_id = 'c-sakuragawa')",
      ),
    );
    const text = JSON.stringify(doc);
    expect(text).not.toContain('c-aoba');
    expect(text).not.toContain('青葉');
    expect(
      n(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'export' AND entity_id = 'c-sakuragawa'",
      ),
    ).toBe(1);
  });

  it('is refused for a customer outside the profile', async () => {
    const app = testApp();
    await app.dispatch('session.setProfile', { kind: 'customer', id: 'c-aoba' });
    expect(
      await app.dispatch('system.exportCustomer', { customerId: 'c-sakuragawa' }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
