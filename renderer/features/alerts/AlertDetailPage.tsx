import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { subscribe } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../format';
import { Communications, Facts, History, SlaCard } from './DetailFacts';
import {
  AttackStage,
  Checklist,
  Explanation,
  ImpactChecks,
  PerimeterAdvice,
} from './DetailSections';
import { StatusChange } from './StatusChange';
import { useAlertDetail } from './detail-store';
import { alertTitle, kindLabel } from './labels';
import { alertSummary } from './summary';
import '../../styles/alerts.css';

/** One alert: what it is, what it means for the customer, what to do, and its handling. */
export function AlertDetailPage() {
  const { t } = useTranslation(['alerts', 'catalog']);
  const { language } = useFormat();
  const { id: param } = useParams();
  const location = useLocation();
  const id = Number(param);
  const { detail, loading, error, load, setStatus, tick } = useAlertDetail();
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);

  useEffect(() => {
    if (Number.isInteger(id) && id > 0) void load(id);
  }, [id, load]);
  useEffect(
    () =>
      subscribe('data.changed', ({ topics }) => {
        if (topics.includes('alerts') && Number.isInteger(id) && id > 0) void load(id);
      }),
    [id, load],
  );

  const back = `/alerts${location.search}`;
  if (!Number.isInteger(id) || id <= 0 || (error && !detail)) {
    return (
      <section className="page">
        <Link to={back}>{t('detail.back')}</Link>
        {error?.code === 'not_found' || !error ? (
          <p className="notice notice-error" role="alert">
            {t('detail.notFound')}
          </p>
        ) : (
          <ErrorNotice error={error} onRetry={() => void load(id)} />
        )}
      </section>
    );
  }
  if (!detail || detail.alert.id !== id) return <Loading />;
  const a = detail.alert;
  const title = alertTitle(a, language);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(alertSummary(detail));
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <article className="page alert-detail" aria-busy={loading} data-testid="alert-detail">
      <Link to={back} className="back-link">
        {t('detail.back')}
      </Link>
      <header className="detail-head">
        <div>
          <h1>{title}</h1>
          <p className="detail-chips">
            <span className={`chip sev-${a.severity}`}>{t(`catalog:severity.${a.severity}`)}</span>
            <span className={`status status-${a.status}`} data-testid="detail-status">
              {t(`catalog:status.${a.status}`)}
            </span>
            <span className="chip">{t(`catalog:threatClass.${a.threatClass}`)}</span>
            <span className="chip">{kindLabel(a.threatKind, language)}</span>
            {a.important && <span className="badge-important">{t('table.important')}</span>}
          </p>
        </div>
        <div className="detail-actions">
          <Link
            className="button button-primary"
            to={`/desk/new?alert=${a.id}`}
            data-testid="prepare-inquiry"
          >
            {t('detail.inquiry')}
          </Link>
          <button
            type="button"
            className="button"
            onClick={() => void copy()}
            data-testid="copy-summary"
          >
            {t('detail.copySummary')}
          </button>
        </div>
      </header>
      {copied && (
        <p className={`notice ${copied === 'ok' ? 'notice-ok' : 'notice-error'}`} role="status">
          {copied === 'ok' ? t('detail.copied') : t('detail.copyFailed')}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      <PerimeterAdvice detail={detail} />
      <div className="detail-grid">
        <div className="detail-main">
          <Explanation detail={detail} />
          <ImpactChecks detail={detail} />
          <Checklist detail={detail} onTick={(rec, done) => void tick(rec, done)} />
          <AttackStage detail={detail} />
        </div>
        <aside className="detail-side">
          <section className="card" aria-labelledby="status-title" data-testid="status-card">
            <h2 id="status-title">{t('status.title')}</h2>
            <dl className="facts">
              <dt>{t('status.current')}</dt>
              <dd>
                <span className={`status status-${a.status}`}>
                  {t(`catalog:status.${a.status}`)}
                </span>
              </dd>
            </dl>
            <StatusChange
              testId="detail-status-change"
              from={[a.status]}
              count={1}
              onApply={setStatus}
            />
            <History detail={detail} />
          </section>
          <SlaCard detail={detail} />
          <Facts detail={detail} />
        </aside>
      </div>
      <Communications detail={detail} />
    </article>
  );
}
