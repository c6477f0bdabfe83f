import { ImportedPage } from './ImportedPage';
import { ImportedReportPage } from './ImportedReportPage';
import { ReportPage } from './ReportPage';
import { ReportsPage } from './ReportsPage';
import { ReportPrint } from './print/ReportPrint';

// Monthly reports (issue #7): made here, printed, bundled; and bundles imported read-only.
export const nav = { path: '/reports', order: 70, labelKey: 'reports:nav', icon: '▥' };
export const routes = [
  { path: 'reports', element: <ReportsPage /> },
  { path: 'reports/imported', element: <ImportedPage /> },
  { path: 'reports/imported/:id', element: <ImportedReportPage /> },
  { path: 'reports/:reportId', element: <ReportPage /> },
];
/** The print layout (outside the app shell), printed to PDF by the main process. */
export const bareRoutes = [{ path: '/print/report/:reportId', element: <ReportPrint /> }];
