import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AlertRow } from '../../../shared/ops/alerts';
import { useFormat } from '../../format';
import { useSession } from '../../stores/session';
import { alertTitle, hostsText, kindLabel } from './labels';
import { useQueue } from './store';

const ROW_HEIGHT = 44;

interface Props {
  /** The query string to carry into the detail (its "back" link returns to this view). */
  search: string;
  /** Called with the ids on screen (for refreshing them in place). */
  onVisible: (ids: number[]) => void;
}

/**
 * The queue as a virtualised table: only the rows on screen exist in the DOM, so 10^6 alerts
 * scroll like 100. More pages load as the end comes into view; the scroll position is kept in the
 * store and restored when the user comes back from a detail.
 */
export function AlertTable({ search, onVisible }: Props) {
  const { t } = useTranslation(['alerts', 'catalog']);
  const { dateTime, name, language } = useFormat();
  const customers = useSession((s) => s.customers);
  const profile = useSession((s) => s.profile);
  const { rows, hasMore, loading, selected, count, scrollTop, loadMore, toggle, setScroll } =
    useQueue();
  const showCustomer = profile?.kind === 'partner';
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer's functions change identity as it measures; nothing here memoises them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: rows.length + (hasMore ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtual.getVirtualItems();

  useLayoutEffect(() => {
    if (scroller.current && scrollTop > 0) scroller.current.scrollTop = scrollTop;
    // Only when the table appears: afterwards the user scrolls.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const last = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasMore && !loading && last >= rows.length - 1) void loadMore();
  }, [last, rows.length, hasMore, loading, loadMore]);

  const firstShown = items[0]?.index ?? 0;
  useEffect(() => {
    onVisible(rows.slice(firstShown, last + 1).map((r) => r.id));
  }, [firstShown, last, rows, onVisible]);

  const cells = (a: AlertRow, index: number, style: CSSProperties) => {
    const title = alertTitle(a, language);
    const customer = customers.find((c) => c.id === a.customerId);
    return (
      <div
        key={a.id}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={selected.has(a.id)}
        className={`alert-row${selected.has(a.id) ? ' alert-row-selected' : ''}`}
        style={style}
        data-testid="alert-row"
        data-id={a.id}
      >
        <span role="cell" className="col-check">
          <input
            type="checkbox"
            checked={selected.has(a.id)}
            aria-label={t('table.selectRow', { title })}
            onChange={() => toggle(a.id)}
          />
        </span>
        <span role="cell" className="col-sev">
          <span className={`chip sev-${a.severity}`}>{t(`catalog:severity.${a.severity}`)}</span>
        </span>
        <span role="cell" className="col-time mono">
          {dateTime(a.detectedAt)}
        </span>
        <span role="cell" className="col-title">
          <Link to={`/alerts/${a.id}${search}`} title={title}>
            {title}
          </Link>
          {a.important && (
            <span className="badge-important" title={t('table.importantHelp')}>
              {t('table.important')}
            </span>
          )}
        </span>
        <span
          role="cell"
          className="col-source"
          title={a.module ? t(`module.${a.module}`) : undefined}
        >
          {t(`catalog:sourceShort.${a.source}`)}
        </span>
        <span role="cell" className="col-kind" title={t(`catalog:threatClass.${a.threatClass}`)}>
          {kindLabel(a.threatKind, language)}
        </span>
        <span role="cell" className="col-hosts mono" title={a.hosts.join(', ')}>
          {hostsText(a.hosts, (n) => t('table.hostsMore', { count: n }))}
        </span>
        {showCustomer && (
          <span
            role="cell"
            className="col-customer"
            title={customer ? name(customer) : a.customerId}
          >
            {customer ? name(customer) : a.customerId}
          </span>
        )}
        <span role="cell" className="col-status">
          <span className={`status status-${a.status}`}>{t(`catalog:status.${a.status}`)}</span>
        </span>
      </div>
    );
  };

  return (
    <div
      className={`alert-table${showCustomer ? ' with-customer' : ''}`}
      role="table"
      aria-label={t('table.label')}
      aria-rowcount={count === null ? -1 : count + 1}
      aria-busy={loading}
    >
      <div role="rowgroup" className="alert-head">
        <div role="row" aria-rowindex={1} className="alert-row">
          <span role="columnheader" className="col-check">
            <span className="sr-only">{t('table.select')}</span>
          </span>
          <span role="columnheader">{t('table.severity')}</span>
          <span role="columnheader">{t('table.detectedAt')}</span>
          <span role="columnheader">{t('table.title')}</span>
          <span role="columnheader">{t('table.source')}</span>
          <span role="columnheader">{t('table.kind')}</span>
          <span role="columnheader">{t('table.hosts')}</span>
          {showCustomer && <span role="columnheader">{t('table.customer')}</span>}
          <span role="columnheader">{t('table.status')}</span>
        </div>
      </div>
      <div
        ref={scroller}
        className="alert-scroll"
        role="rowgroup"
        data-testid="alert-scroll"
        onScroll={(e) => setScroll(e.currentTarget.scrollTop)}
      >
        {rows.length === 0 && !loading && !hasMore ? (
          <p className="alert-empty muted" role="row">
            <span role="cell">{t('table.empty')}</span>
          </p>
        ) : (
          <div className="alert-spacer" style={{ height: virtual.getTotalSize() }}>
            {items.map((item) => {
              const a = rows.at(item.index);
              // React sets these through the CSSOM, which the CSP allows.
              const style = { transform: `translateY(${item.start}px)`, height: item.size };
              return a ? (
                cells(a, item.index, style)
              ) : (
                <div key="more" role="row" className="alert-row alert-more muted" style={style}>
                  <span role="cell">{t('table.loadingMore')}</span>
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
