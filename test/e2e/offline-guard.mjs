/**
 * A Node preload (`node --import ./offline-guard.mjs host.mjs …`) for the offline e2e test: the
 * process it runs in can reach loopback only. Every TCP or TLS connection, DNS lookup or query to
 * anything else throws (as a machine with no network refuses it) and is written to the file named
 * by SOCDESK_OFFLINE_LOG, one JSON line per attempt. The headless Chromium the host prints PDFs
 * with is its own process, out of reach of these patches: unless the app confines it with a proxy
 * of its own, it is started with a proxy on 127.0.0.1 that records and refuses every request
 * Chromium would send past loopback (loopback addresses bypass a proxy, so the host's own pages
 * still load).
 *
 * Log lines: {"event":"ready"} when the guard is in place; {"event":"chromium","proxy":…,"own":…}
 * when the printer is launched (`own`: the app's proxy); {"event":"refused","via":…,"target":…}
 * for each attempt.
 */
import childProcess from 'node:child_process';
import dns from 'node:dns';
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import { basename } from 'node:path';
import tls from 'node:tls';
import { isMainThread } from 'node:worker_threads';

const LOG = process.env.SOCDESK_OFFLINE_LOG;
if (!LOG) throw new Error('offline-guard: set SOCDESK_OFFLINE_LOG to the file to record in');

const log = (entry) =>
  appendFileSync(LOG, `${JSON.stringify({ ...entry, pid: process.pid, at: Date.now() })}\n`);

/** Loopback names and addresses (no host at all means localhost to Node). */
export function isLoopback(host) {
  if (host === undefined || host === null || host === '') return true;
  const h = String(host)
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return (
    h === 'localhost' ||
    h.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(h) ||
    h === '::1' ||
    /^::ffff:127\.\d+\.\d+\.\d+$/.test(h)
  );
}

function refuse(via, target, code) {
  log({ event: 'refused', via, target });
  const e = new Error(`offline-guard: ${via} to ${target} refused (no network but loopback)`);
  e.code = code;
  throw e;
}

/** The destination of connect-style arguments: (options), (port, host), (path) or net's own array. */
function destination(args) {
  let [first, second] = args;
  if (Array.isArray(first)) [first] = first; // net.connect() passes its normalised arguments on.
  if (first !== null && typeof first === 'object') {
    if (first.path !== undefined || first.socket !== undefined) return null; // IPC, or a socket already checked
    return { host: first.host ?? first.hostname, port: first.port };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return null; // a Unix socket path
  return { host: typeof second === 'string' ? second : undefined, port: first };
}

function guardConnect(via, args) {
  const to = destination(args);
  if (to && !isLoopback(to.host)) refuse(via, `${to.host}:${to.port}`, 'ENETUNREACH');
}

const socketConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  guardConnect('net.Socket.connect', args);
  return socketConnect.apply(this, args);
};
for (const name of ['connect', 'createConnection']) {
  const original = net[name];
  net[name] = (...args) => {
    guardConnect(`net.${name}`, args);
    return original(...args);
  };
}
const tlsConnect = tls.connect;
tls.connect = (...args) => {
  guardConnect('tls.connect', args);
  return tlsConnect(...args);
};

const lookupHost = (host) => (typeof host === 'string' ? host : String(host));
const dnsLookup = dns.lookup;
dns.lookup = (host, ...rest) => {
  if (!isLoopback(host)) refuse('dns.lookup', lookupHost(host), 'ENOTFOUND');
  return dnsLookup(host, ...rest);
};
const promisesLookup = dns.promises.lookup;
dns.promises.lookup = (host, ...rest) => {
  if (!isLoopback(host)) refuse('dns.promises.lookup', lookupHost(host), 'ENOTFOUND');
  return promisesLookup(host, ...rest);
};
// Queries to DNS servers (c-ares): the servers themselves are off the machine.
const QUERIES = ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx'];
for (const target of [dns, dns.promises, dns.Resolver.prototype, dns.promises.Resolver.prototype])
  for (const name of [...QUERIES, 'resolveTxt', 'resolveSrv', 'resolveNs', 'reverse']) {
    const original = target[name];
    if (typeof original !== 'function') continue;
    target[name] = function query(host, ...rest) {
      if (!isLoopback(host)) refuse(`dns.${name}`, lookupHost(host), 'ENOTFOUND');
      return original.call(this, host, ...rest);
    };
  }

if (isMainThread) {
  // The recording proxy for Chromium: a request past loopback arrives here and is refused.
  const proxy = net.createServer((socket) => {
    socket.once('data', (chunk) => {
      const line = chunk.toString('latin1').split('\r\n')[0] ?? '';
      log({ event: 'refused', via: 'chromium', target: line.split(' ')[1] ?? line });
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
    socket.on('error', () => undefined);
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxy.unref();
  const address = `http://127.0.0.1:${proxy.address().port}`;

  const spawn = childProcess.spawn;
  childProcess.spawn = (command, args, options) => {
    if (/chrom/i.test(basename(String(command))) && Array.isArray(args)) {
      // Chromium keeps the last of a repeated switch. The app's own proxy (its printer confined
      // to this machine) is left as it is and recorded, for the test to check it is loopback;
      // without one, everything Chromium sends past loopback goes to the recorder.
      const own = args.findLast((a) => String(a).startsWith('--proxy-server='));
      const proxy = own ? String(own).slice('--proxy-server='.length) : address;
      log({ event: 'chromium', proxy, own: Boolean(own) });
      if (!own) args = [...args, `--proxy-server=${address}`];
    }
    return spawn(command, args, options);
  };
}

// ES modules that imported these functions by name see the guarded ones too.
syncBuiltinESMExports();
log({ event: 'ready', main: isMainThread });
