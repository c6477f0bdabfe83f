/**
 * The renderer's only way to the main process. In Electron it uses the preload's `window.socDesk`;
 * in a browser (the browser host) it calls `POST /api/<operation>` with the per-run token. Stores
 * call it; components never do, and never know which host they run in.
 */
import type { EventName, EventPayloads, InputOf, OperationName, ResultOf } from '../shared/api';
import type { SocDeskBridge } from '../shared/bridge';
import { apiError, type Result } from '../shared/result';

declare global {
  interface Window {
    socDesk?: SocDeskBridge;
  }
}

const TOKEN_KEY = 'socdesk.token';

/** Takes the token from the address the host printed, then removes it from the address bar. */
function hostToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

let token: string | null | undefined;
const getToken = () => (token === undefined ? (token = hostToken()) : token);

/** The browser host's authorisation header (file transfers outside `call`). */
export const authHeader = () => `Bearer ${getToken() ?? ''}`;

/** True in the desktop app (the preload's bridge is present). */
export const isDesktop = () => window.socDesk !== undefined;

async function httpCall(name: string, input: unknown): Promise<Result<unknown>> {
  try {
    const res = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${getToken() ?? ''}` },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as Result<unknown>;
    if (typeof body === 'object' && body !== null && 'ok' in body) return body;
    return { ok: false, error: apiError('internal') };
  } catch {
    return { ok: false, error: apiError('internal', { message: 'errors:host_unreachable' }) };
  }
}

export function call<K extends OperationName>(
  name: K,
  input: InputOf<K>,
): Promise<Result<ResultOf<K>>> {
  const bridge = window.socDesk;
  if (bridge) return bridge.api[name](input);
  return httpCall(name, input) as Promise<Result<ResultOf<K>>>;
}

type Listener<E extends EventName> = (payload: EventPayloads[E]) => void;
const listeners = new Map<EventName, Set<Listener<EventName>>>();
let stream: AbortController | null = null;

/** Reads the host's server-sent events (fetch, so the token goes in a header, not the URL). */
async function openHttpEvents(): Promise<void> {
  stream = new AbortController();
  const res = await fetch('/api/events', {
    headers: { Authorization: `Bearer ${getToken() ?? ''}` },
    signal: stream.signal,
  });
  if (!res.body) return;
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.+)$/m.exec(block)?.[1] as EventName | undefined;
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (event && data)
        listeners.get(event)?.forEach((l) => l(JSON.parse(data) as EventPayloads[EventName]));
    }
  }
}

/** Subscribes to an event from the main process; returns the unsubscribe function. */
export function subscribe<E extends EventName>(event: E, listener: Listener<E>): () => void {
  const bridge = window.socDesk;
  if (bridge) return bridge.on[event](listener);
  const set = listeners.get(event) ?? new Set();
  set.add(listener as Listener<EventName>);
  listeners.set(event, set);
  if (!stream) void openHttpEvents().catch(() => (stream = null));
  return () => {
    set.delete(listener as Listener<EventName>);
  };
}
