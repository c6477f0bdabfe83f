import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ImportedSummary } from '../../../shared/ops/reports';
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

/** `/reports/imported`: open a bundle from another SOC Desk; the reports imported so far. */
export function ImportedPage() {
  const { t } = useTranslation('reports');
  const { dateTime, name } = useFormat();
  const navigate = useNavigate();
  const customerId = useSession((s) => s.customerId);
  const { imported, error, busy, loadImported, importBundle, removeImported } = useReports();
  const [deleting, setDeleting] = useState<ImportedSummary | null>(null);
  useEffect(() => {
    void loadImported(customerId);
  }, [customerId, loadImported]);
  useEffect(
    () => subscribe('data.changed', () => void loadImported(useSession.getState().customerId)),
    [loadImported],
  );
  const scopeOf = (r: ImportedSummary) =>
    r.kind === 'portfolio' ? t('make.portfolio') : r.customers.map((c) => name(c)).join(', ');
  const run = async () => {
    const id = await importBundle();
    if (id !== null) void navigate(`/reports/imported/${id}`);
  };
  return (
    <section className="page rpt-page-screen">
      <div className="page-head">
        <h1>{t('title')}</h1>
      </div>
      <ReportTabs />
      <section className="card rpt-make" aria-labelledby="rpt-import-title">
        <h2 id="rpt-import-title">{t('imported.heading')}</h2>
        <p className="muted small">{t('imported.help')}</p>
        <p className="muted small">{t('imported.scopeNote')}</p>
        <button
          type="button"
          className="button button-primary"
          data-testid="report-import"
          disabled={busy === 'import'}
          onClick={() => void run()}
        >
          {busy === 'import' ? t('imported.importing') : t('imported.import')}
        </button>
      </section>
      <Messages />
      <section className="card" aria-label={t('imported.caption')}>
        {error && <ErrorNotice error={error} onRetry={() => void loadImported(customerId)} />}
        {!imported ? (
          !error && <Loading />
        ) : imported.length === 0 ? (
          <p className="muted" data-testid="imported-empty">
            {t('imported.empty')}
          </p>
        ) : (
          <table className="table" data-testid="imported-list">
            <caption className="sr-only">{t('imported.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('imported.col.month')}</th>
                <th scope="col">{t('imported.col.scope')}</th>
                <th scope="col">{t('imported.col.language')}</th>
                <th scope="col">{t('imported.col.createdAt')}</th>
                <th scope="col">{t('imported.col.importedAt')}</th>
                <th scope="col">{t('imported.col.file')}</th>
                <th scope="col">{t('imported.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {imported.map((r) => (
                <tr key={r.id} data-imported={r.id}>
                  <th scope="row">
                    <Link to={`/reports/imported/${r.id}`}>{r.month.replace('-', '/')}</Link>
                  </th>
                  <td>{scopeOf(r)}</td>
                  <td>{t(`languageName.${r.language}`)}</td>
                  <td className="mono">{dateTime(r.bundleCreatedAt)}</td>
                  <td className="mono">{dateTime(r.importedAt)}</td>
                  <td className="mono rpt-file">{r.fileName}</td>
                  <td className="rpt-row-actions">
                    <Link className="button" to={`/reports/imported/${r.id}`}>
                      {t('imported.open')}
                    </Link>
                    <button
                      type="button"
                      className="button button-quiet"
                      data-testid={`imported-delete-${r.id}`}
                      onClick={() => setDeleting(r)}
                    >
                      {t('imported.delete')}
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
        title={t('imported.confirmTitle')}
        confirmLabel={t('imported.confirmDelete')}
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const r = deleting;
          setDeleting(null);
          if (r) void removeImported(r.id);
        }}
      >
        {deleting &&
          t('imported.confirmBody', {
            month: deleting.month.replace('-', '/'),
            scope: scopeOf(deleting),
            file: deleting.fileName,
          })}
      </ConfirmDialog>
    </section>
  );
}
