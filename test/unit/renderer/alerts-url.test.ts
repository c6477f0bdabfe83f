/**
 * The queue's view in the URL (a bookmark): every filter and the sort survive a round trip
 * through changeView → parseView, the defaults leave the address clean, and whatever a hand-made
 * or hostile address says, only known values reach the filter, which the host then accepts.
 */
import { describe, expect, it } from 'vitest';
import { changeView, parseView, viewKey } from '../../../renderer/features/alerts/url';
import { OPEN_ALERT_STATUSES } from '../../../shared/catalog';
import { alertFilterSchema } from '../../../shared/ops/alerts';

const viewOf = (query: string, session: string | null = null) =>
  parseView(new URLSearchParams(query), session);

describe('queue view in the URL', () => {
  it('round-trips every filter and the sort', () => {
    const params = changeView(new URLSearchParams(), {
      customer: 'c-sakuragawa',
      source: ['csoc', 'cts'],
      module: ['ips', 'secure-mx'],
      severity: ['critical', 'high'],
      class: ['malware-comm'],
      kind: ['c2', 'fw-port-scan'],
      status: ['new', 'in_progress'],
      host: 'SKR-PC-KEIRI-012',
      from: '2026-11-01',
      to: '2026-11-30',
      q: 'C&C サーバー, 感染',
      sort: 'severity',
    });
    const query = params.toString();
    // A bookmark is text: read it back from the string, as a reload or a link does.
    const v = viewOf(query, 'c-other');
    expect(v).toEqual({
      statusMode: 'list',
      sort: 'severity',
      filter: {
        customerId: 'c-sakuragawa',
        sources: ['csoc', 'cts'],
        modules: ['ips', 'secure-mx'],
        severities: ['critical', 'high'],
        classes: ['malware-comm'],
        kinds: ['c2', 'fw-port-scan'],
        statuses: ['new', 'in_progress'],
        host: 'SKR-PC-KEIRI-012',
        from: '2026-11-01',
        to: '2026-11-30',
        q: 'C&C サーバー, 感染',
      },
    });
    expect(new URLSearchParams(query).get('q')).toBe('C&C サーバー, 感染');
    expect(viewKey(viewOf(query))).toBe(viewKey(v));
  });

  it('reads the status as open (default), all or a list', () => {
    const open = viewOf('');
    expect([open.statusMode, open.filter.statuses]).toEqual(['open', [...OPEN_ALERT_STATUSES]]);
    expect(viewOf('status=open')).toEqual(open);
    const all = viewOf(changeView(new URLSearchParams(), { status: 'all' }).toString());
    expect([all.statusMode, all.filter.statuses]).toEqual(['all', undefined]);
    const list = viewOf(changeView(new URLSearchParams(), { status: ['resolved'] }).toString());
    expect([list.statusMode, list.filter.statuses]).toEqual(['list', ['resolved']]);
  });

  it('keeps the address clean: defaults and empty values remove their parameter', () => {
    const full = new URLSearchParams(
      'status=all&sort=oldest&q=x&severity=high&host=h&from=2026-01-01',
    );
    const cleared = changeView(full, {
      status: 'open',
      sort: 'newest',
      q: '',
      severity: [],
      host: '',
      from: '',
    });
    expect(cleared.toString()).toBe('');
    expect(changeView(full, { severity: ['low'] }).get('severity')).toBe('low');
    expect(changeView(full, { customer: null }).has('customer')).toBe(false);
    // The change does not touch the params it was given (the router's current ones).
    expect(full.get('q')).toBe('x');
  });

  it('takes the session customer when the URL names none', () => {
    expect(viewOf('', 'c-aoba').filter.customerId).toBe('c-aoba');
    expect(viewOf('customer=c-hikari', 'c-aoba').filter.customerId).toBe('c-hikari');
    expect(viewOf('', null).filter.customerId).toBeNull();
  });

  it('drops unknown and hostile values rather than trusting them', () => {
    const hostile = new URLSearchParams({
      customer: 'c'.repeat(65),
      source: 'cts,evil,cts,__proto__',
      module: 'firewall,<script>',
      severity: 'Severe,critical',
      class: 'constructor',
      kind: 'c2,c2;DROP TABLE alerts',
      status: 'new,deleted',
      host: `  ${'h'.repeat(300)}  `,
      from: '2026-1-1',
      to: "2026-11-30' OR 1=1",
      q: 'x'.repeat(500),
      sort: 'id; DELETE',
    });
    const v = parseView(hostile, 'c-aoba');
    expect(v.sort).toBe('newest');
    expect(v.statusMode).toBe('list');
    expect(v.filter).toEqual({
      customerId: 'c-aoba',
      sources: ['cts'],
      modules: ['firewall'],
      severities: ['critical'],
      classes: undefined,
      kinds: ['c2'],
      statuses: ['new'],
      host: 'h'.repeat(253),
      from: undefined,
      to: undefined,
      q: 'x'.repeat(200),
    });
    // Whatever the address says, the host accepts the filter as input.
    expect(alertFilterSchema.safeParse(v.filter).success).toBe(true);
    // A list of nothing known is no filter at all, not "match nothing"; blanks are no filter;
    // a status list of nothing known falls back to the default, open alerts.
    const none = viewOf('severity=bogus&status=gone&host=%20%20&q=%20&customer=');
    expect([none.filter.severities, none.filter.host, none.filter.q]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect([none.statusMode, none.filter.statuses, none.filter.customerId]).toEqual([
      'open',
      [...OPEN_ALERT_STATUSES],
      null,
    ]);
  });
});
