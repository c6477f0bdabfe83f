/**
 * `npm run feed:sim [-- options]`: the local feed simulator (see --help and docs/feed-format.md).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DEMO_PARTNERS, DEMO_PROFILES, DEMO_SEED } from '../../shared/demo';
import { startFeedSim } from './server';

export const SIM_HELP = `SOC Desk feed simulator

Serves the demo world (the same generator as SOC Desk's demo data) as a feed in SOC Desk's feed
format v1 on 127.0.0.1, with a new alert, a device heartbeat and a health sample every few seconds,
so a running SOC Desk shows live updates. Format, paging and guarantees: docs/feed-format.md.

Usage: npm run feed:sim -- [options]

Options:
  --port <n>          port on 127.0.0.1 (default 47800; 0 = any free port)
  --token <t>         the bearer token clients must send (default: a random one, printed)
  --tick <seconds>    one tick of new items every this many seconds (default 5; 0 = none)
  --now <instant>     the world's "now", ISO-8601, e.g. 2026-11-22T10:00:00+09:00; the clock then
                      runs at real speed (default: the current time). Give SOC Desk the same --now
                      for identical demo data on both sides.
  --days <n>          days of history served (default 90). 0: only contracts, devices and what
                      the trickle adds — for a SOC Desk that already holds the demo data (its
                      history would arrive again a few milliseconds apart)
  --partner <id>      serve only this partner's customers (${DEMO_PARTNERS.map((p) => p.id).join(', ')})
  --seed <n>          the demo world's seed (default ${DEMO_SEED})
  --page-size <n>     items per page when the client does not ask (default 500)
  -h, --help          show this help

In SOC Desk: Settings → Feed sync, address http://127.0.0.1:<port>/feed/v1, and the token.

Control endpoint (same bearer token), for trying the connector's error handling:
  POST   /_sim/faults   a fault or a list of faults for the next page requests, e.g.
                        {"kind":"status","status":500,"times":3}
                        {"kind":"hang"}                      never answer
                        {"kind":"stall","afterBytes":100}    half an answer, then silence
                        {"kind":"kill"}                      half an answer, then cut the connection
                        {"kind":"slow","delayMs":5000}
                        {"kind":"malformed","mode":"json"|"schema"|"envelope"|"version"}
                        {"kind":"duplicate","mode":"replay"|"overlap"}
  DELETE /_sim/faults   clear pending faults
  POST   /_sim/tick     {"count":n}: n ticks at once
  GET    /_sim/state    items served, head cursor, pending faults
Example:
  curl -X POST -H "Authorization: Bearer <token>" -d '{"kind":"status","status":503}' \\
       http://127.0.0.1:47800/_sim/faults
`;

function int(name: string, raw: string | undefined, fallback: number, min: number, max: number) {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`--${name}: expected ${min}–${max}, got ${raw}`);
  return n;
}

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      token: { type: 'string' },
      tick: { type: 'string' },
      now: { type: 'string' },
      days: { type: 'string' },
      partner: { type: 'string' },
      seed: { type: 'string' },
      'page-size': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(SIM_HELP);
    return;
  }
  let clock = Date.now;
  if (values.now !== undefined) {
    const start = Date.parse(values.now);
    if (Number.isNaN(start)) throw new Error(`--now: not an ISO-8601 instant: ${values.now}`);
    const t0 = Date.now();
    clock = () => start + (Date.now() - t0);
  }
  let customers: string[] | undefined;
  if (values.partner !== undefined) {
    if (!DEMO_PARTNERS.some((p) => p.id === values.partner))
      throw new Error(`--partner: unknown partner ${values.partner}`);
    customers = DEMO_PROFILES.filter((p) => p.customer.partnerId === values.partner).map(
      (p) => p.customer.id,
    );
  }
  const token = values.token ?? randomBytes(18).toString('base64url');
  if (!/^[A-Za-z0-9\-._~+/]+=*$/.test(token))
    throw new Error('--token: letters, digits and -._~+/ only');
  const sim = await startFeedSim({
    token,
    port: int('port', values.port, 47800, 0, 65535),
    tickMs: int('tick', values.tick, 5, 0, 3600) * 1000,
    clock,
    now: clock(),
    days: int('days', values.days, 90, 0, 90),
    seed: int('seed', values.seed, DEMO_SEED, 0, 2 ** 31),
    defaultLimit: int('page-size', values['page-size'], 500, 1, 995),
    ...(customers && { customers }),
  });
  process.stdout.write(
    `SOC Desk feed simulator is running / フィードシミュレーターを起動しました\n` +
      `  Feed URL: ${sim.feedUrl}\n  Token:    ${token}\n  Items:    ${sim.log.length}\n`,
  );
  const stop = () => void sim.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`feed-sim: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
