import { readFile } from 'node:fs/promises';
import { SECURITY_HEADERS } from './csp';
import { contentType, resolveInside } from './paths';

/**
 * Answers an app://soc-desk/<path> request from the built renderer folder. Paths that would leave
 * the folder are refused (404), as are other hosts of the scheme.
 */
export async function appProtocolResponse(
  requestUrl: string,
  rendererDir: string,
): Promise<Response> {
  const url = new URL(requestUrl);
  if (url.host !== 'soc-desk') return new Response(null, { status: 404 });
  const file = resolveInside(rendererDir, url.pathname);
  if (!file) return new Response(null, { status: 404 });
  try {
    const body = await readFile(file);
    return new Response(body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': contentType(file) },
    });
  } catch {
    return new Response(null, { status: 404 });
  }
}
