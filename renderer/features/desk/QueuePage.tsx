import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { InquirySummary } from '../../../shared/ops/desk';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { subscribe } from '../../api';
import { pickFile } from '../../files';
import { useFormat } from '../../format';
import { useSession } from '../../stores/session';
import type { ApiError } from '../../../shared/result';
import { call } from '../../api';
import { ReceptionCell, StatusChip } from './chips';
import { useDesk } from './store';
import '../../styles/desk.css';

const VIEWS = ['active', 'done', 'all'] as const;
type View = (typeof VIEWS)[number];

/** The desk's queue: soonest first-answer deadline first, overdue and due-today flagged. */
export function QueuePage() {
  const { t } = useTranslation('desk');
  const { name, dateTime } = useFormat();
  const profile = useSession((s) => s.profile);
  const customerId = useSession((s) => s.customerId);
  const { queue, queueError, loadingQueue, loadQueue } = useDesk();
  const [params, setParams] = useSearchParams();
  const view: View = VIEWS.find((v) => v === params.get('view')) ?? 'active';
  const navigate = useNavigate();
  const [importError, setImportError] = useState<ApiError | null>(null);
  const partner = profile?.kind === 'partner';

  useEffect(() => {
    void loadQueue(customerId, view);
  }, [customerId, view, loadQueue]);
  useEffect(
    () =>
      subscribe('data.changed', (e) => {
        if (e.topics.includes('inquiries')) void loadQueue(useSession.getState().customerId, view);
      }),
    [loadQueue, view],
  );

  const importSheet = async () => {
    setImportError(null);
    const picked = await pickFile({ extensions: ['json'] });
    if (!picked.ok) return setImportError(picked.error);
    if (!picked.value) return;
    const r = await call('desk.importSheet', { fileId: picked.value.fileId });
    if (!r.ok) return setImportError(r.error);
    void navigate(`/desk/inquiries/${r.value.inquiryId}`);
  };

  return (
    <section className="page desk" aria-busy={loadingQueue}>
      <div className="page-head">
        <h1>{partner ? t('queue.title') : t('queue.titleCustomer')}</h1>
        <div className="page-tools">
          {queue && (
            <span className="muted" data-testid="desk-as-of">
              {t('queue.asOf', { time: dateTime(queue.asOf) })}
            </span>
          )}
          <Link className="button button-primary" to="/desk/new" data-testid="desk-new">
            {partner ? t('queue.new') : t('queue.newCustomer')}
          </Link>
          {partner && (
            <>
              <button type="button" className="button" onClick={() => void importSheet()}>
                {t('queue.importSheet')}
              </button>
              <Link className="button" to="/desk/templates">
                {t('queue.templates')}
              </Link>
            </>
          )}
        </div>
      </div>
      {partner ? <p className="muted desk-lead">{t('queue.lead')}</p> : <CustomerLead />}
      {importError && <ErrorNotice error={importError} />}
      {queueError && (
        <ErrorNotice error={queueError} onRetry={() => void loadQueue(customerId, view)} />
      )}
      <div className="desk-toolbar">
        <div className="segmented" role="group" aria-label={t('queue.view.label')}>
          {VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => setParams(v === 'active' ? {} : { view: v })}
            >
              {t(`queue.view.${v}`)}
            </button>
          ))}
        </div>
        {queue && partner && (
          <ul className="desk-counts" aria-label={t('queue.counts.label')}>
            <li data-testid="count-active">
              {t('queue.counts.active', { count: queue.counts.active })}
            </li>
            <li
              className={queue.counts.dueToday ? 'flag-due-today' : ''}
              data-testid="count-due-today"
            >
              {t('queue.counts.dueToday', { count: queue.counts.dueToday })}
            </li>
            <li className={queue.counts.overdue ? 'flag-overdue' : ''} data-testid="count-overdue">
              {t('queue.counts.overdue', { count: queue.counts.overdue })}
            </li>
          </ul>
        )}
      </div>
      {!queue ? (
        !queueError && <Loading />
      ) : queue.items.length === 0 ? (
        <p className="card muted" data-testid="desk-empty">
          {partner ? t('queue.empty') : t('queue.emptyCustomer')}
        </p>
      ) : (
        <div className="card">
          <table className="table desk-queue" data-testid="desk-queue">
            <caption className="sr-only">{t('queue.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('queue.col.id')}</th>
                {partner && <th scope="col">{t('queue.col.due')}</th>}
                <th scope="col">{t('queue.col.customer')}</th>
                <th scope="col">{t('queue.col.about')}</th>
                <th scope="col">{t('queue.col.status')}</th>
                {partner && <th scope="col">{t('queue.col.caller')}</th>}
                <th scope="col">{t('queue.col.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.items.map((i) => (
                <Row key={i.id} item={i} partner={partner} name={name} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Row({
  item: i,
  partner,
  name,
}: {
  item: InquirySummary;
  partner: boolean;
  name: (e: { nameJa: string; nameEn: string }) => string;
}) {
  const { t, i18n } = useTranslation('desk');
  const { dateTime } = useFormat();
  const title = i.firstAlert
    ? i18n.language === 'en'
      ? i.firstAlert.titleEn
      : i.firstAlert.titleJa
    : null;
  return (
    <tr data-testid={`inquiry-row-${i.id}`} className={i.flag ? `row-${i.flag}` : undefined}>
      <th scope="row" className="mono">
        <Link to={`/desk/inquiries/${i.id}`}>{i.id}</Link>
      </th>
      {partner && (
        <td>
          <ReceptionCell item={i} />
        </td>
      )}
      <td>{name({ nameJa: i.customerNameJa, nameEn: i.customerNameEn })}</td>
      <td>
        {i.inquiryTypes.length > 0 && (
          <span className="desk-types">
            {i.inquiryTypes.map((x) => t(`inquiryType.${x}` as 'inquiryType.other')).join(' / ')}
          </span>
        )}
        {title && <span className="muted small desk-about">{title}</span>}
        {!title && i.inquiryTypes.length === 0 && <span className="muted">—</span>}
        {i.alertCount > 1 && (
          <span className="muted small">{t('queue.moreAlerts', { count: i.alertCount - 1 })}</span>
        )}
      </td>
      <td>
        <StatusChip status={i.status} onTime={i.onTime} />
      </td>
      {partner && (
        <td>
          {i.callerDecision ? t(`caller.decision.${i.callerDecision}`) : t('caller.notChecked')}
        </td>
      )}
      <td className="mono">{dateTime(i.updatedAt)}</td>
    </tr>
  );
}

/** For a customer: what this screen is for, and when the partner's desk answers (002 別紙3 2(1)). */
function CustomerLead() {
  const { t } = useTranslation('desk');
  return (
    <div className="notice notice-info desk-lead" data-testid="customer-lead">
      <p>{t('queue.leadCustomer')}</p>
      <p className="small">{t('queue.hours')}</p>
    </div>
  );
}
