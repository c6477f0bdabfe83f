import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import type { Report } from '../../../../shared/report/schema';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { ReportDocument } from '../ReportDocument';
import { usePrintReady } from './ready';

/**
 * The print layout of a made report (`/print/report/<id>`), outside the app shell: the main
 * process prints it to an A4 PDF (electron/services/pdf) once `printReady` is set. It loads the
 * stored report through the API like any screen, so printing sees exactly what was made.
 */
export function ReportPrint() {
  const { reportId = '' } = useParams();
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    void call('reports.get', { reportId }).then((r) =>
      r.ok ? setReport(r.value.report) : setError(r.error),
    );
  }, [reportId]);
  usePrintReady(report !== null, error !== null);
  if (error) return <ErrorNotice error={error} />;
  if (!report) return null;
  return <ReportDocument report={report} print />;
}
