import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { registerApi, trustedSender } from '../../electron/ipc';
import { OPERATION_NAMES } from '../../shared/api';
import { ipcChannel } from '../../shared/bridge';
import type { Result } from '../../shared/result';
import { testApp } from './helpers';

type Handler = (event: IpcMainInvokeEvent, input: unknown) => Promise<Result<unknown>>;

/** A recording stand-in for ipcMain: keeps each registered handler so the test can invoke it. */
function recordingIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle(channel: string, handler: Handler) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    },
  };
}

/** Our window's web contents with its main frame, and other frames/contents to impersonate. */
function fakeWindow(url = 'app://soc-desk/index.html') {
  const mainFrame = { url, parent: null };
  const contents = { mainFrame } as unknown as WebContents;
  const event = (over: Partial<{ sender: unknown; senderFrame: unknown }> = {}) =>
    ({ sender: contents, senderFrame: mainFrame, ...over }) as unknown as IpcMainInvokeEvent;
  return { contents, mainFrame, event };
}

function setup() {
  const app = testApp();
  const ipc = recordingIpcMain();
  const calls: string[] = [];
  const win = fakeWindow();
  registerApi({
    ipcMain: ipc,
    dispatch: (name, input) => {
      calls.push(name);
      return app.dispatch(name, input);
    },
    isTrustedSender: trustedSender((contents) => contents === win.contents),
  });
  const invoke = (name: string, input: unknown, event = win.event()) => {
    const handler = ipc.handlers.get(ipcChannel(name as never));
    if (!handler) throw new Error(`no handler for ${name}`);
    return handler(event, input);
  };
  return { app, ipc, calls, win, invoke };
}

describe('IPC binding', () => {
  it('registers exactly one handler per operation of the contract', () => {
    const { ipc } = setup();
    expect([...ipc.handlers.keys()].sort()).toEqual(OPERATION_NAMES.map(ipcChannel).sort());
  });

  it('answers a good request from our main frame', async () => {
    const { invoke, calls } = setup();
    const r = await invoke('session.setProfile', { kind: 'partner', id: 'p-minato' });
    expect(r).toMatchObject({ ok: true, value: { profile: { kind: 'partner', id: 'p-minato' } } });
    expect(calls).toEqual(['session.setProfile']);
  });

  it.each([
    [
      'another web contents',
      (w: ReturnType<typeof fakeWindow>) => w.event({ sender: fakeWindow().contents }),
    ],
    [
      'an iframe of our window',
      (w: ReturnType<typeof fakeWindow>) =>
        w.event({ senderFrame: { url: 'app://soc-desk/index.html', parent: w.mainFrame } }),
    ],
    [
      'a page from another origin',
      (w: ReturnType<typeof fakeWindow>) => {
        const evil = fakeWindow('https://evil.example/');
        return {
          ...evil.event(),
          sender: w.contents,
          senderFrame: evil.mainFrame,
        } as unknown as IpcMainInvokeEvent;
      },
    ],
    ['no frame (destroyed)', (w: ReturnType<typeof fakeWindow>) => w.event({ senderFrame: null })],
  ])('rejects a sender that is %s, without calling the service', async (_label, makeEvent) => {
    const { invoke, calls, win, app } = setup();
    const r = await invoke(
      'session.setProfile',
      { kind: 'partner', id: 'p-minato' },
      makeEvent(win),
    );
    expect(r).toEqual({ ok: false, error: { code: 'forbidden', message: 'errors:forbidden' } });
    expect(calls).toEqual([]);
    expect((await app.dispatch('session.get', {})) as Result<{ profile: unknown }>).toMatchObject({
      ok: true,
      value: { profile: null },
    });
  });

  it.each([
    ['a wrong type', { kind: 'partner', id: 42 }, 'id', 'errors:issue.invalid_type'],
    [
      'a value outside the enum',
      { kind: 'admin', id: 'p-minato' },
      'kind',
      'errors:issue.invalid_value',
    ],
    [
      'an unknown field',
      { kind: 'partner', id: 'p-minato', extra: true },
      '(input)',
      'errors:issue.unrecognized_keys',
    ],
    ['a huge string', { kind: 'partner', id: 'x'.repeat(100_000) }, 'id', 'errors:issue.too_big'],
    ['not an object', 'partner', '(input)', 'errors:issue.invalid_type'],
  ])(
    'turns %s into a located, typed error and writes nothing',
    async (_label, input, path, message) => {
      const { invoke, app } = setup();
      const r = await invoke('session.setProfile', input);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.issues).toContainEqual(expect.objectContaining({ path, message }));
      expect(JSON.stringify(r.error)).not.toMatch(/at \w+ \(|\/work\/|node_modules/);
      expect(
        app.db.prepare("SELECT count(*) AS n FROM settings WHERE key = 'profile'").get(),
      ).toEqual({ n: 0 });
    },
  );
});
