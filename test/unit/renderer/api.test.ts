import { describe, expect, it, vi } from 'vitest';

describe('renderer/api over HTTP (browser host)', () => {
  it('takes the token from the address, hides it, and sends it as a bearer token', async () => {
    window.history.replaceState(null, '', '/?token=tok-123#/');
    const fetchMock = vi.fn((_url: string, _init: RequestInit) =>
      Promise.resolve(
        new Response(JSON.stringify({ ok: true, value: { profile: null, language: null } })),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    const { call } = await import('../../../renderer/api');
    const r = await call('session.get', {});
    expect(r).toEqual({ ok: true, value: { profile: null, language: null } });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/session.get');
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('authorization')).toBe('Bearer tok-123');
    expect(window.location.search).toBe('');
    expect(window.location.hash).toBe('#/');
    vi.unstubAllGlobals();
  });

  it('turns a network failure into a typed error instead of throwing', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const { call } = await import('../../../renderer/api');
    expect(await call('session.get', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'errors:host_unreachable' },
    });
    vi.unstubAllGlobals();
  });
});
