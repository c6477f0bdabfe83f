import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { Messages } from './Messages';
import { Outputs } from './Outputs';
import { ReportDocument } from './ReportDocument';
import { useReports } from './store';
import '../../styles/reports.css';

/** `/reports/<id>`: a made report on screen, with its PDF, bundle and CSV. */
export function ReportPage() {
  const { t } = useTranslation('reports');
  const { reportId = '' } = useParams();
  const { current, error, open } = useReports();
  useEffect(() => {
    void open(reportId);
  }, [reportId, open]);
  const report = current?.report.reportId === reportId ? current.report : null;
  const queue = report
    ? `/alerts?status=all&from=${report.period.from}&to=${report.period.to}${
        report.kind === 'customer' ? `&customer=${report.customers[0]!.id}` : ''
      }`
    : '';
  return (
    <section className="page rpt-page-screen" data-testid="report-page">
      <div className="page-head">
        <h1>{t('title')}</h1>
        <div className="page-tools">
          <Link to="/reports">{t('actions.back')}</Link>
        </div>
      </div>
      <Messages />
      {error && <ErrorNotice error={error} onRetry={() => void open(reportId)} />}
      {!report ? (
        !error && <Loading />
      ) : (
        <>
          <Outputs report={report} />
          <p className="rpt-links small">
            <Link to={`/print/report/${report.reportId}`}>{t('actions.print')}</Link>
            {' · '}
            <Link to={queue}>{t('actions.alerts')}</Link>
          </p>
          <ReportDocument report={report} print={false} />
        </>
      )}
    </section>
  );
}
