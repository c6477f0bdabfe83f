import type { Report } from '../../../shared/report/schema';
import { DocProvider } from './context';
import { AlertsPage } from './sections/Alerts';
import { Cover } from './sections/Cover';
import { DeskPage } from './sections/Desk';
import { DevicesPage } from './sections/Devices';
import { HostsPage } from './sections/Hosts';
import { PortfolioPage } from './sections/Portfolio';
import { SlaPage } from './sections/Sla';
import '../../styles/reports.css';

/**
 * The monthly report as a document, in the report's language: on screen (a made or an imported
 * report) and in the print layout, which prints each `.rpt-page` on its own A4 page.
 */
export function ReportDocument({ report, print }: { report: Report; print: boolean }) {
  return (
    <DocProvider report={report} print={print} level={print ? 1 : 2}>
      <article
        className={print ? 'rpt-doc rpt-print' : 'rpt-doc rpt-screen'}
        lang={report.language}
        data-testid="report-document"
        data-language={report.language}
        data-kind={report.kind}
      >
        <Cover />
        <PortfolioPage />
        <AlertsPage />
        <HostsPage />
        <SlaPage />
        <DevicesPage />
        <DeskPage />
      </article>
    </DocProvider>
  );
}
