import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../format';
import { Messages } from './Messages';
import { CsvPicker } from './Outputs';
import { ReportDocument } from './ReportDocument';
import { useReports } from './store';
import '../../styles/reports.css';

/**
 * `/reports/imported/<id>`: a report from a bundle, read-only — the report as it was made, its
 * PDF as it came, CSV of its tables; it can only be deleted (after confirmation).
 */
export function ImportedReportPage() {
  const { t } = useTranslation('reports');
  const { dateTime } = useFormat();
  const navigate = useNavigate();
  const id = Number(useParams().id ?? 0);
  const { currentImported, error, busy, openImported, saveImportedPdf, removeImported } =
    useReports();
  const [confirm, setConfirm] = useState(false);
  useEffect(() => {
    if (id > 0) void openImported(id);
  }, [id, openImported]);
  const view = currentImported?.summary.id === id ? currentImported : null;
  return (
    <section className="page rpt-page-screen" data-testid="imported-report-page">
      <div className="page-head">
        <h1>{t('imported.heading')}</h1>
        <div className="page-tools">
          <Link to="/reports/imported">{t('imported.back')}</Link>
        </div>
      </div>
      <Messages />
      {error && <ErrorNotice error={error} onRetry={() => void openImported(id)} />}
      {!view ? (
        !error && <Loading />
      ) : (
        <>
          <div className="rpt-readonly" data-testid="imported-banner">
            <span className="rpt-badge rpt-ro">{t('imported.readOnly')}</span>
            <span className="rpt-badge rpt-verified">✓ {t('imported.verified')}</span>
            <p>
              {t('imported.banner', {
                created: dateTime(view.summary.bundleCreatedAt),
                version: view.summary.appVersion,
                imported: dateTime(view.summary.importedAt),
              })}
            </p>
          </div>
          <div className="rpt-toolbar" role="group" aria-label={t('actions.label')}>
            <button
              type="button"
              className="button button-primary"
              data-testid="imported-pdf"
              disabled={busy !== null}
              onClick={() => void saveImportedPdf(id)}
            >
              {t('imported.pdf')}
            </button>
            <CsvPicker report={view.report} source={{ id }} />
            <button
              type="button"
              className="button button-quiet"
              data-testid="imported-delete"
              disabled={busy !== null}
              onClick={() => setConfirm(true)}
            >
              {t('imported.delete')}
            </button>
          </div>
          <ReportDocument report={view.report} print={false} />
          <ConfirmDialog
            open={confirm}
            title={t('imported.confirmTitle')}
            confirmLabel={t('imported.confirmDelete')}
            danger
            onCancel={() => setConfirm(false)}
            onConfirm={() => {
              setConfirm(false);
              void removeImported(id).then((ok) => ok && navigate('/reports/imported'));
            }}
          >
            {t('imported.confirmBody', {
              month: view.summary.month.replace('-', '/'),
              scope: view.report.customers.map((c) => c.name[view.report.language]).join(', '),
              file: view.summary.fileName,
            })}
          </ConfirmDialog>
        </>
      )}
    </section>
  );
}
