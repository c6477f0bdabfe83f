import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LANGUAGES, type Language } from '../../../shared/catalog';
import type { ReportSummary } from '../../../shared/ops/reports';
import { subscribe } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../format';
import { useSession } from '../../stores/session';
import { Messages } from './Messages';
import { useReports } from './store';
import { ReportTabs } from './Tabs';
import '../../styles/reports.css';

/** `/reports`: make a monthly report, and the reports made so far. */
export function ReportsPage() {
  const { t, i18n } = useTranslation('reports');
  const { dateTime, name } = useFormat();
  const navigate = useNavigate();
  const customerId = useSession((s) => s.customerId);
  const profile = useSession((s) => s.profile);
  const customers = useSession((s) => s.customers);
  const { months, reports, loading, error, busy, load, create, remove } = useReports();
  const [month, setMonth] = useState('');
  const [language, setLanguage] = useState<Language>(i18n.language === 'en' ? 'en' : 'ja');
  const [deleting, setDeleting] = useState<ReportSummary | null>(null);
  const monthId = useId();
  const langId = useId();

  useEffect(() => {
    void load(customerId);
  }, [customerId, load]);
  useEffect(
    () => subscribe('data.changed', () => void load(useSession.getState().customerId)),
    [load],
  );
  // The previous month is the usual one to report on; the current one is "so far".
  const chosen = month || months[1] || months[0] || '';
  const portfolio = profile?.kind === 'partner' && customerId === null;
  const scope = portfolio
    ? t('make.portfolio')
    : name(
        customers.find((c) => c.id === (customerId ?? profile?.id)) ?? { nameJa: '', nameEn: '' },
      );
  const scopeOf = (r: ReportSummary) =>
    r.kind === 'portfolio' ? t('make.portfolio') : r.customers.map((c) => name(c)).join(', ');

  const submit = async () => {
    const id = await create({ customerId, month: chosen, language });
    if (id) void navigate(`/reports/${id}`);
  };

  return (
    <section className="page rpt-page-screen" aria-busy={loading}>
      <div className="page-head">
        <h1>{t('title')}</h1>
      </div>
      <ReportTabs />
      <Messages />
      <section className="card rpt-make" aria-labelledby="rpt-make-title">
        <h2 id="rpt-make-title">{t('make.heading')}</h2>
        <p className="muted small">{t('make.help')}</p>
        <div className="form-row">
          <label htmlFor={monthId}>
            {t('make.month')}
            <select
              id={monthId}
              data-testid="report-month"
              value={chosen}
              onChange={(e) => setMonth(e.target.value)}
            >
              {months.map((m) => (
                <option key={m} value={m}>
                  {m.replace('-', '/')}
                </option>
              ))}
            </select>
          </label>
          <div className="rpt-field">
            <span id={langId}>{t('make.language')}</span>
            <div className="segmented" role="group" aria-labelledby={langId}>
              {LANGUAGES.map((l) => (
                <button
                  key={l}
                  type="button"
                  aria-pressed={language === l}
                  data-testid={`report-language-${l}`}
                  onClick={() => setLanguage(l)}
                >
                  {t(`languageName.${l}`)}
                </button>
              ))}
            </div>
          </div>
          <div className="rpt-field">
            <span>{t('make.scope')}</span>
            <strong data-testid="report-scope">{scope}</strong>
          </div>
          <button
            type="button"
            className="button button-primary"
            data-testid="report-create"
            disabled={!chosen || busy === 'create'}
            onClick={() => void submit()}
          >
            {busy === 'create' ? t('make.making') : t('make.submit')}
          </button>
        </div>
        {chosen !== '' && chosen === months[0] && (
          <p className="small muted">{t('make.inProgress')}</p>
        )}
        {busy === 'create' && (
          <p role="status" className="small">
            <span className="spinner rpt-inline-spinner" aria-hidden="true" /> {t('make.making')}
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="rpt-list-title">
        <h2 id="rpt-list-title">{t('list.heading')}</h2>
        {error && <ErrorNotice error={error} onRetry={() => void load(customerId)} />}
        {!reports ? (
          !error && <Loading />
        ) : reports.length === 0 ? (
          <p className="muted" data-testid="reports-empty">
            {t('list.empty')}
          </p>
        ) : (
          <table className="table" data-testid="reports-list">
            <caption className="sr-only">{t('list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('list.col.month')}</th>
                <th scope="col">{t('list.col.scope')}</th>
                <th scope="col">{t('list.col.language')}</th>
                <th scope="col">{t('list.col.createdAt')}</th>
                <th scope="col">{t('list.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.reportId} data-report={r.reportId}>
                  <th scope="row">
                    <Link to={`/reports/${r.reportId}`}>{r.month.replace('-', '/')}</Link>
                  </th>
                  <td>{scopeOf(r)}</td>
                  <td>{t(`languageName.${r.language}`)}</td>
                  <td className="mono">{dateTime(r.createdAt)}</td>
                  <td className="rpt-row-actions">
                    <Link className="button" to={`/reports/${r.reportId}`}>
                      {t('list.open')}
                    </Link>
                    <button
                      type="button"
                      className="button button-quiet"
                      data-testid={`report-delete-${r.reportId}`}
                      onClick={() => setDeleting(r)}
                    >
                      {t('list.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <ConfirmDialog
        open={deleting !== null}
        title={t('confirmDelete.title')}
        confirmLabel={t('confirmDelete.confirm')}
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const r = deleting;
          setDeleting(null);
          if (r) void remove(r.reportId);
        }}
      >
        {deleting &&
          t('confirmDelete.body', {
            month: deleting.month.replace('-', '/'),
            scope: scopeOf(deleting),
          })}
      </ConfirmDialog>
    </section>
  );
}
