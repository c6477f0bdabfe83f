/**
 * A queue view lives in the URL (`#/alerts?status=open&severity=critical,high&q=C%26C`), so it can
 * be bookmarked and the dashboard can link to it. Lists are comma-separated; unknown values are
 * dropped rather than trusted. Without `status` the queue shows open alerts; `status=all` shows all.
 */
import {
  ALERT_SOURCES,
  ALERT_STATUSES,
  CSOC_MODULES,
  OPEN_ALERT_STATUSES,
  SEVERITIES,
  THREAT_CLASSES,
  THREAT_KINDS,
  type AlertStatus,
} from '../../../shared/catalog';
import { ALERT_SORTS, type AlertFilter, type AlertSort } from '../../../shared/ops/alerts';
import { entityId } from '../../../shared/ops/session';

export interface QueueView {
  filter: AlertFilter;
  sort: AlertSort;
  /** The status choice as the URL says it: 'open' (default), 'all' or a list. */
  statusMode: 'open' | 'all' | 'list';
}

const list = <T extends string>(value: string | null, allowed: readonly T[]): T[] | undefined => {
  if (!value) return undefined;
  const items = value.split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
  return items.length > 0 ? [...new Set(items)] : undefined;
};
const date = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

/** The view a URL query describes; `sessionCustomer` applies when the URL names none. */
export function parseView(params: URLSearchParams, sessionCustomer: string | null): QueueView {
  const status = params.get('status');
  const listed = status === 'all' ? undefined : list(status, ALERT_STATUSES);
  // A list naming no known status is dropped like any unknown value: the default (open) applies.
  const mode: QueueView['statusMode'] = status === 'all' ? 'all' : listed ? 'list' : 'open';
  const statuses: AlertStatus[] | undefined =
    mode === 'all' ? undefined : mode === 'open' ? [...OPEN_ALERT_STATUSES] : listed;
  const sort = params.get('sort');
  const q = params.get('q')?.slice(0, 200);
  const host = params.get('host')?.slice(0, 255);
  // An id the host would refuse as input (empty, too long) is no choice: the session's applies.
  const customer = params.get('customer');
  return {
    statusMode: mode,
    sort: (ALERT_SORTS as readonly string[]).includes(sort ?? '') ? (sort as AlertSort) : 'newest',
    filter: {
      customerId: customer && entityId.safeParse(customer).success ? customer : sessionCustomer,
      sources: list(params.get('source'), ALERT_SOURCES),
      modules: list(params.get('module'), CSOC_MODULES),
      severities: list(params.get('severity'), SEVERITIES),
      classes: list(params.get('class'), THREAT_CLASSES),
      kinds: list(params.get('kind'), THREAT_KINDS),
      statuses,
      host: host?.trim() || undefined,
      from: date(params.get('from')),
      to: date(params.get('to')),
      q: q?.trim() ? q : undefined,
    },
  };
}

export type ViewChange = Partial<{
  customer: string | null;
  source: string[];
  module: string[];
  severity: string[];
  class: string[];
  kind: string[];
  status: 'open' | 'all' | string[];
  host: string;
  from: string;
  to: string;
  q: string;
  sort: AlertSort;
}>;

/** The URL query after a change (empty values remove their parameter). */
export function changeView(params: URLSearchParams, change: ViewChange): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(change) as Array<[string, unknown]>) {
    const text = Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '';
    if (
      text === '' ||
      (key === 'status' && text === 'open') ||
      (key === 'sort' && text === 'newest')
    )
      next.delete(key);
    else next.set(key, text);
  }
  return next;
}

/** A stable key for the data a view shows (its filter and sort). */
export function viewKey(v: QueueView): string {
  return JSON.stringify([v.filter, v.sort]);
}
