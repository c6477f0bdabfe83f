/**
 * Tenant isolation proven for every operation (issue #8): the table in isolation-table.ts, run
 * against a world with one of everything the victims own (isolation-world.ts). Every attempt goes
 * through the dispatcher, the IPC wrapper and the browser host over HTTP; each must be refused or
 * answered without the victims' data, and the store must not change (contentHash).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_NAMES, type OperationName } from '../../../shared/api';
import { FAKE_PDF } from '../reports/zip';
import { contentHash, suiteApp, tempDir } from '../helpers';
import { problemsOf, TABLE } from './isolation-table';
import { ATTACKERS, buildWorld, type World } from './isolation-world';
import {
  directTransport,
  viaDispatch,
  viaHttp,
  viaIpc,
  type Call,
  type HttpHost,
} from './transports';

describe('tenant isolation, operation by operation', () => {
  const suite = suiteApp();
  let world: World;
  let calls: Array<[string, Call]>;
  let http: HttpHost;

  beforeAll(async () => {
    const app = suite.current;
    app.ctx.pdf = { print: () => Promise.resolve(new Uint8Array(FAKE_PDF)) };
    // The desktop app's save dialog, so files.save reaches its scope check.
    const saveDir = tempDir('socdesk-save-');
    app.ctx.dialogs = {
      open: () => Promise.resolve(null),
      save: ({ defaultName }) => Promise.resolve(join(saveDir, defaultName)),
    };
    world = await buildWorld(directTransport(app));
    http = await viaHttp(app, tempDir());
    calls = [
      ['dispatch', viaDispatch(app)],
      ['ipc', viaIpc(app)],
      ['http', http.call],
    ];
  }, 120_000);
  afterAll(() => http?.host.close());

  it('has an entry — probes or a reason — for every operation of the contract', () => {
    const missing = OPERATION_NAMES.filter((n) => !Object.hasOwn(TABLE, n));
    expect(missing).toEqual([]);
    const reasons = Object.values(TABLE).filter((e) => 'reason' in e);
    for (const e of reasons) if ('reason' in e) expect(e.reason.length).toBeGreaterThan(10);
    // Most operations carry tenant data: the reasons stay the exception.
    expect(reasons.length).toBeLessThan(OPERATION_NAMES.length / 6);
  });

  const probed = OPERATION_NAMES.filter((n) => 'probes' in TABLE[n]);

  it.each(probed.map((n) => [n]))('%s', async (name: OperationName) => {
    const app = suite.current;
    const entry = TABLE[name];
    if (!('probes' in entry)) return;
    const first = ATTACKERS[0]!;
    await app.dispatch('session.setProfile', { kind: first.kind, id: first.id });
    const before = contentHash(app.db);
    const problems: string[] = [];
    let attempts = 0;
    for (const attacker of ATTACKERS) {
      await app.dispatch('session.setProfile', { kind: attacker.kind, id: attacker.id });
      for (const attempt of entry.probes(world, attacker)) {
        for (const [via, call] of calls) {
          const { result, text } = await call(name, attempt.input);
          attempts++;
          problems.push(
            ...problemsOf(name, attempt, result, text, world.markers).map(
              (p) => `${attacker.id} via ${via}: ${p}`,
            ),
          );
        }
      }
    }
    await app.dispatch('session.setProfile', { kind: first.kind, id: first.id });
    expect(problems).toEqual([]);
    expect(attempts).toBeGreaterThanOrEqual(2 * calls.length);
    expect(contentHash(app.db), 'the store changed').toBe(before);
  });

  it('the browser host hands out no file made for another tenant', async () => {
    const app = suite.current;
    for (const attacker of ATTACKERS) {
      await app.dispatch('session.setProfile', { kind: attacker.kind, id: attacker.id });
      for (const fileId of Object.values(world.exports)) {
        const r = await http.download(fileId);
        expect(r.status).toBe(404);
        for (const m of world.markers) expect(r.body.toString()).not.toContain(m);
      }
    }
    // The victim itself still gets them.
    await app.dispatch('session.setProfile', { kind: 'partner', id: 'p-minato' });
    expect((await http.download(world.exports.customer)).status).toBe(200);
  });
});
