import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { registerApi, trustedSender } from '../../../electron/ipc';
import type { Db } from '../../../electron/store/database';
import { api, OPERATION_NAMES } from '../../../shared/api';
import { ipcChannel } from '../../../shared/bridge';
import { ERROR_CODES, type Result } from '../../../shared/result';
import { suiteApp, testApp } from '../helpers';

/** A digest of every row of every table: "nothing written" means this did not change. */
export function contentHash(db: Db): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(name);
    for (const row of db.prepare(`SELECT * FROM "${name}"`).iterate())
      hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

const LEAKS = /\bat [\w.<>]+ \(|\/work\/|\/home\/|\/tmp\/|node_modules|\.ts:\d+|SQLITE_|Error:/;

function expectTypedRefusal(r: Result<unknown>) {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(ERROR_CODES).toContain(r.error.code);
  expect(r.error.message).toMatch(/^errors:|^[a-z]+:/);
  expect(JSON.stringify(r.error)).not.toMatch(LEAKS);
}

// Every operation of the contract, fed wrong types, missing fields, junk and huge values, must
// answer with a typed error that leaks nothing, and write nothing.
describe('every API operation refuses hostile input', () => {
  const suite = suiteApp();
  const hostileKinds = [
    null,
    42,
    'text',
    true,
    [],
    [{}],
    { __proto__: { polluted: true } },
    JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
    { constructor: { prototype: { polluted: true } } },
    { '': 'x'.repeat(2_000_000) },
  ];

  it.each(OPERATION_NAMES.map((n) => [n]))('%s', async (name) => {
    const app = suite.current;
    await app.dispatch('session.setProfile', { kind: 'partner', id: 'p-minato' });
    const before = contentHash(app.db);
    for (const input of hostileKinds) {
      if (api[name].input.safeParse(input === undefined ? {} : input).success) continue;
      expectTypedRefusal(await app.dispatch(name, input));
    }
    // Random structures: fast-check's anything(), never a valid input for a strict schema.
    await fc.assert(
      fc.asyncProperty(
        fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true }),
        async (input) => {
          if (api[name].input.safeParse(input === undefined ? {} : input).success) return;
          expectTypedRefusal(await app.dispatch(name, input));
        },
      ),
      { numRuns: 150 },
    );
    expect(contentHash(app.db)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the IPC wrapper under hostile input', () => {
  it('answers every channel with a typed error, from a trusted sender too', async () => {
    const app = testApp();
    const handlers = new Map<
      string,
      (e: IpcMainInvokeEvent, input: unknown) => Promise<Result<unknown>>
    >();
    const contents = { mainFrame: { url: 'app://soc-desk/index.html' } } as unknown as WebContents;
    registerApi({
      ipcMain: {
        handle: (
          channel: string,
          h: (e: IpcMainInvokeEvent, input: unknown) => Promise<Result<unknown>>,
        ) => void handlers.set(channel, h),
      },
      dispatch: app.dispatch,
      isTrustedSender: trustedSender((c) => c === contents),
    });
    const event = {
      sender: contents,
      senderFrame: contents.mainFrame,
    } as unknown as IpcMainInvokeEvent;
    const before = contentHash(app.db);
    for (const name of OPERATION_NAMES) {
      for (const input of [42, 'x'.repeat(100_000), [null], { nope: true }]) {
        expectTypedRefusal(await handlers.get(ipcChannel(name))!(event, input));
      }
    }
    expect(contentHash(app.db)).toBe(before);
  });
});
