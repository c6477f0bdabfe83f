import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { registerApi, trustedSender } from '../../../electron/ipc';
import { api, OPERATION_NAMES } from '../../../shared/api';
import { ipcChannel } from '../../../shared/bridge';
import { ERROR_CODES, type Result } from '../../../shared/result';
import { contentHash, suiteApp, testApp } from '../helpers';
import { LEAKS } from './transports';

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

describe('the browser host under hostile requests', () => {
  const suite = suiteApp();

  it('answers every operation with a typed 4xx error for junk bodies, leaking nothing', async () => {
    const app = suite.current;
    const { startHost } = await import('../../../electron/host/server');
    const { createEventHub } = await import('../../../electron/services/events');
    const hub = createEventHub();
    const token = 'fuzz-token-0123456789';
    const host = await startHost({
      dispatch: app.dispatch,
      subscribe: hub.subscribe,
      staticDir: app.dataDir,
      token,
    });
    try {
      await app.dispatch('session.setProfile', { kind: 'partner', id: 'p-minato' });
      const before = contentHash(app.db);
      const bodies = [
        '',
        '{',
        'null',
        '42',
        '"x"',
        '[]',
        '{"a":',
        `{"x":"${'y'.repeat(1_100_000)}"}`,
        '{"__proto__":{"polluted":1}}',
        '\u0000\u0001',
      ];
      for (const name of OPERATION_NAMES) {
        for (const body of bodies) {
          if (
            body &&
            api[name].input.safeParse(
              (() => {
                try {
                  return JSON.parse(body) as unknown;
                } catch {
                  return Symbol('bad');
                }
              })(),
            ).success
          )
            continue;
          if (body === '' && api[name].input.safeParse({}).success) continue;
          const res = await fetch(`http://127.0.0.1:${host.port}/api/${name}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
            body,
          });
          expect({
            name,
            body: body.slice(0, 20),
            status: res.status >= 400 && res.status < 500,
          }).toEqual({ name, body: body.slice(0, 20), status: true });
          const text = await res.text();
          expect(text).not.toMatch(LEAKS);
          expectTypedRefusal(JSON.parse(text) as Result<unknown>);
        }
      }
      expect(contentHash(app.db)).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    } finally {
      await host.close();
    }
  });
});
