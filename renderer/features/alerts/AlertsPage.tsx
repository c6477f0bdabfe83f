import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { FileRef } from '../../../shared/api';
import type { ApiError } from '../../../shared/result';
import { call, subscribe } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { saveFile } from '../../files';
import { useFormat } from '../../format';
import { useSession } from '../../stores/session';
import { AlertTable } from './AlertTable';
import { FilterBar } from './FilterBar';
import { StatusChange } from './StatusChange';
import { useQueue } from './store';
import { changeView, parseView, type ViewChange } from './url';
import '../../styles/alerts.css';

/** CSV export of the current view, with its progress; the file is saved where the user says. */
function useExport() {
  const [job, setJob] = useState<{ id: string; done: number } | null>(null);
  const [message, setMessage] = useState<{ error: ApiError | null; saved: boolean } | null>(null);
  const jobRef = useRef<string | null>(null);
  useEffect(() => {
    const offProgress = subscribe('job.progress', (p) => {
      if (p.jobId === jobRef.current) setJob({ id: p.jobId, done: p.done });
    });
    const offDone = subscribe('job.finished', (p) => {
      if (p.jobId !== jobRef.current) return;
      jobRef.current = null;
      setJob(null);
      if (!p.result.ok) return setMessage({ error: p.result.error, saved: false });
      void saveFile(p.result.value as FileRef).then((r) =>
        setMessage(r.ok ? { error: null, saved: r.value.saved } : { error: r.error, saved: false }),
      );
    });
    return () => {
      offProgress();
      offDone();
    };
  }, []);
  const start = async (input: Parameters<typeof call<'alerts.export'>>[1]) => {
    setMessage(null);
    const r = await call('alerts.export', input);
    if (!r.ok) return setMessage({ error: r.error, saved: false });
    jobRef.current = r.value.jobId;
    setJob({ id: r.value.jobId, done: 0 });
  };
  const cancel = () => job && void call('alerts.cancelJob', { jobId: job.id });
  return { job, message, start, cancel };
}

/** The alert queue: filters in the URL, a virtualised list, bulk status changes, CSV export. */
export function AlertsPage() {
  const { t } = useTranslation(['alerts', 'catalog']);
  const { number } = useFormat();
  const [params, setParams] = useSearchParams();
  const sessionCustomer = useSession((s) => s.customerId);
  const selectCustomer = useSession((s) => s.selectCustomer);
  const view = useMemo(() => parseView(params, sessionCustomer), [params, sessionCustomer]);
  const {
    rows,
    count,
    hasMore,
    loading,
    error,
    fresh,
    selected,
    open,
    reload,
    refresh,
    clearSelection,
    setStatus,
  } = useQueue();
  const exporter = useExport();
  const [done, setDone] = useState<number | null>(null);
  const visible = useRef<number[]>([]);

  useEffect(() => open(view), [view, open]);
  // The topbar's customer and the queue's stay one choice.
  const urlCustomer = params.get('customer');
  useEffect(() => {
    if (urlCustomer && urlCustomer !== useSession.getState().customerId)
      selectCustomer(urlCustomer);
  }, [urlCustomer, selectCustomer]);
  useEffect(
    () =>
      subscribe('data.changed', ({ topics }) => {
        if (topics.includes('alerts')) void refresh(visible.current);
      }),
    [refresh],
  );

  const onChange = (change: ViewChange) => {
    if ('customer' in change) selectCustomer(change.customer ?? null);
    setParams(changeView(params, change));
  };
  const onVisible = useCallback((ids: number[]) => {
    visible.current = ids;
  }, []);
  // Through the selection, not the loaded rows: this runs on every render (each scroll event).
  const selectedStatuses = [...new Set([...selected].flatMap((id) => rows.byId(id)?.status ?? []))];
  const search = params.toString() ? `?${params.toString()}` : '';

  return (
    <section className="page alerts-page" aria-busy={loading}>
      <div className="page-head">
        <h1>{t('title')}</h1>
        <div className="page-tools">
          <span className="muted" data-testid="alert-count" data-value={count ?? ''}>
            {count !== null
              ? t('count', { count, n: number(count) })
              : t(hasMore ? 'countLoadedMore' : 'countLoaded', { count: rows.length })}
          </span>
          <Link className="button" to="/alerts/import" data-testid="alert-import-link">
            {t('importButton')}
          </Link>
          {exporter.job ? (
            <span className="export-progress" role="status">
              {t('exporting', { done: number(exporter.job.done) })}{' '}
              <button type="button" className="button button-quiet" onClick={exporter.cancel}>
                {t('exportCancel')}
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="button"
              data-testid="alert-export"
              onClick={() => void exporter.start({ filter: view.filter, sort: view.sort })}
            >
              {t('exportButton')}
            </button>
          )}
        </div>
      </div>
      {exporter.message?.error && <ErrorNotice error={exporter.message.error} />}
      {exporter.message?.saved && (
        <p className="notice notice-ok" role="status">
          {t('exportSaved')}
        </p>
      )}
      <FilterBar
        view={view}
        onChange={onChange}
        onClear={() => {
          selectCustomer(null);
          setParams(new URLSearchParams());
        }}
      />
      {fresh && (
        <div className="notice notice-fresh" role="status" data-testid="alert-fresh">
          {t(fresh.more ? 'newAlertsMore' : 'newAlerts', { count: fresh.count })}{' '}
          <button type="button" className="button" onClick={reload}>
            {t('newAlertsShow')}
          </button>
        </div>
      )}
      {selected.size > 0 && (
        <section className="bulk-bar card" aria-label={t('bulk.label')} data-testid="bulk-bar">
          <div className="bulk-head">
            <strong>{t('bulk.selected', { count: selected.size })}</strong>
            <button type="button" className="button button-quiet" onClick={clearSelection}>
              {t('bulk.clear')}
            </button>
          </div>
          <StatusChange
            testId="bulk-status"
            from={selectedStatuses}
            count={selected.size}
            onApply={async (to, note) => {
              const ids = [...selected];
              const e = await setStatus(ids, to, note);
              if (!e) {
                setDone(ids.length);
                clearSelection();
              }
              return e;
            }}
          />
        </section>
      )}
      {done !== null && selected.size === 0 && (
        <p className="notice notice-ok" role="status">
          {t('bulk.done', { count: done })}
        </p>
      )}
      {error && <ErrorNotice error={error} onRetry={reload} />}
      {rows.length === 0 && loading && !hasMore ? (
        <Loading />
      ) : (
        <AlertTable search={search} onVisible={onVisible} />
      )}
    </section>
  );
}
