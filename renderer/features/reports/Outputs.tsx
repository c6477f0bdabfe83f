import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../../shared/report/schema';
import { tablesOf, type ReportTable } from '../../../shared/report/tables';
import { subscribe } from '../../api';
import { useFormat } from '../../format';
import { useReports } from './store';

/** CSV of one of the report's tables (from the report data: made or imported alike). */
export function CsvPicker({
  report,
  source,
}: {
  report: Report;
  source: { reportId: string } | { id: number };
}) {
  const { t } = useTranslation('reports');
  const busy = useReports((s) => s.busy);
  const saveCsv = useReports((s) => s.saveCsv);
  const tables = tablesOf(report);
  const [table, setTable] = useState<ReportTable>(tables[0]!);
  const id = useId();
  return (
    <div className="rpt-csv">
      <label htmlFor={id} className="sr-only">
        {t('actions.csvTable')}
      </label>
      <select
        id={id}
        data-testid="report-csv-table"
        value={table}
        onChange={(e) => setTable(e.target.value as ReportTable)}
      >
        {tables.map((x) => (
          <option key={x} value={x}>
            {t(`csv.tables.${x}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button"
        data-testid="report-csv"
        disabled={busy !== null}
        onClick={() => void saveCsv(source, table)}
      >
        {t('actions.csv')}
      </button>
    </div>
  );
}

/** The actions on a made report: PDF, bundle, CSV of a table, every alert of the month as CSV. */
export function Outputs({ report }: { report: Report }) {
  const { t } = useTranslation('reports');
  const { number } = useFormat();
  const { busy, job, save, exportAlerts, cancelExport, onJob } = useReports();
  useEffect(() => {
    const off = [
      subscribe('job.progress', (p) => onJob('progress', p)),
      subscribe('job.finished', (p) => onJob('finished', p)),
    ];
    return () => {
      off.forEach((f) => f());
      // Leaving the report ends its export: nothing would be left to save the file.
      void cancelExport();
    };
  }, [onJob, cancelExport]);
  const id = report.reportId;
  return (
    <div className="rpt-toolbar" role="group" aria-label={t('actions.label')}>
      <button
        type="button"
        className="button button-primary"
        data-testid="report-pdf"
        disabled={busy !== null}
        onClick={() => void save('pdf', id)}
      >
        {busy === 'pdf' ? t('actions.working') : t('actions.pdf')}
      </button>
      <button
        type="button"
        className="button"
        data-testid="report-bundle"
        disabled={busy !== null}
        onClick={() => void save('bundle', id)}
      >
        {busy === 'bundle' ? t('actions.working') : t('actions.bundle')}
      </button>
      <CsvPicker report={report} source={{ reportId: id }} />
      {job ? (
        <div className="rpt-job" role="status" data-testid="report-alerts-progress">
          <progress max={job.total ?? undefined} value={job.done} aria-label={t('csv.progress')} />
          <span className="small">
            {t('csv.exporting', { done: number(job.done), total: number(job.total ?? 0) })}
          </span>
          <button type="button" className="button button-quiet" onClick={() => void cancelExport()}>
            {t('csv.cancel')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="button"
          data-testid="report-alerts-csv"
          disabled={busy !== null}
          onClick={() => void exportAlerts(id)}
        >
          {t('csv.label', { table: t('csv.tables.alerts') })}
        </button>
      )}
    </div>
  );
}
