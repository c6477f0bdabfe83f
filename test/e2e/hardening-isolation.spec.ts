/**
 * Tenant isolation end to end (issue #8): the table of test/unit/hardening/isolation-table.ts run
 * against the built browser host (dist/electron/host.mjs, real Chromium printer) over HTTP with its
 * token, the store compared before and after each operation; then the screens, as the attacker,
 * opened on the victims' records by address.
 */
import { createHash } from 'node:crypto';
import type { OperationName } from '../../shared/api';
import type { Result } from '../../shared/result';
import { problemsOf, TABLE } from '../unit/hardening/isolation-table';
import { ATTACKERS, buildWorld, type Transport } from '../unit/hardening/isolation-world';
import { expect, startHostProcess, test, type HostProcess } from './fixtures';

function httpTransport(
  host: HostProcess,
): Transport & { raw(name: string, input: unknown): Promise<string> } {
  const token = new URL(host.url).searchParams.get('token')!;
  const auth = { Authorization: `Bearer ${token}` };
  const raw = async (name: string, input: unknown) => {
    const res = await fetch(`${host.origin}/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...auth },
      body: JSON.stringify(input),
    });
    return res.text();
  };
  return {
    raw,
    call: async (name, input) => JSON.parse(await raw(name, input)) as Result<unknown>,
    query: (sql, ...params) => host.query(sql, ...params),
    upload: async (name, bytes) => {
      const res = await fetch(`${host.origin}/api/upload?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: auth,
        body: bytes,
      });
      return ((await res.json()) as { value: { fileId: string } }).value.fileId;
    },
    download: async (fileId) => {
      const res = await fetch(`${host.origin}/api/files/${fileId}`, { headers: auth });
      return Buffer.from(await res.arrayBuffer());
    },
  };
}

/** A digest of every row of every table, read through a second connection. */
function storeHash(host: HostProcess): string {
  const hash = createHash('sha256');
  const tables = host.query<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  for (const { name } of tables) {
    hash.update(name);
    for (const row of host.query(`SELECT * FROM "${name}"`)) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

test('no profile reaches another tenant’s data through any operation of the browser host', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const host = await startHostProcess(['--now', '2026-11-22T10:00:00+09:00']);
  try {
    const t = httpTransport(host);
    const world = await buildWorld(t);
    const problems: string[] = [];
    const first = ATTACKERS[0]!;
    // Every operation has an entry (checked against the contract by the unit test and the type).
    for (const name of Object.keys(TABLE) as OperationName[]) {
      const entry = TABLE[name];
      if (!('probes' in entry)) continue;
      await t.call('session.setProfile', { kind: first.kind, id: first.id });
      const before = storeHash(host);
      for (const attacker of ATTACKERS) {
        await t.call('session.setProfile', { kind: attacker.kind, id: attacker.id });
        for (const attempt of entry.probes(world, attacker)) {
          const text = await t.raw(name, attempt.input);
          const result = JSON.parse(text) as Result<unknown>;
          problems.push(
            ...problemsOf(name, attempt, result, text, world.markers).map(
              (p) => `${attacker.id}: ${p}`,
            ),
          );
        }
      }
      await t.call('session.setProfile', { kind: first.kind, id: first.id });
      if (storeHash(host) !== before) problems.push(`${name}: the store changed`);
    }
    expect(problems).toEqual([]);

    // The screens, as the customer of the same partner, addressed at the victim's records.
    await t.call('session.clearProfile', {});
    await page.goto(host.url);
    await page.getByTestId('profile-c-aoba').click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    for (const path of [
      `#/desk/inquiries/${world.inquiryId}`,
      `#/desk/inquiries/${world.sheetId}`,
      `#/alerts/${world.alertId}`,
      `#/devices/${world.deviceId}`,
      `#/reports/${world.reportId}`,
      `#/reports/imported/${world.importedId}`,
    ]) {
      await page.goto(`${host.origin}/${path}`);
      await expect(page.getByRole('alert').first()).toBeVisible();
      const text = (await page.locator('main, body').first().innerText()) ?? '';
      for (const m of world.markers) expect(text, path).not.toContain(m);
    }
    await page.screenshot({ path: 'test-results/hardening-isolation-en.png', fullPage: true });
  } finally {
    await host.stop();
  }
});
