import { InquiryPage } from './InquiryPage';
import { NewInquiryPage } from './NewInquiryPage';
import { QueuePage } from './QueuePage';
import { TemplatesPage } from './TemplatesPage';
import { PackagePrint } from './print/PackagePrint';
import { SheetPrint } from './print/SheetPrint';

// The first-line desk for a partner (一次受付); the same screens let a customer prepare an inquiry.
export const nav = {
  path: '/desk',
  order: 60,
  labelKey: 'desk:nav',
  labelKeys: { customer: 'desk:navCustomer' },
  icon: '☎',
};
export const routes = [
  { path: 'desk', element: <QueuePage /> },
  { path: 'desk/new', element: <NewInquiryPage /> },
  { path: 'desk/inquiries/:inquiryId', element: <InquiryPage /> },
  { path: 'desk/templates', element: <TemplatesPage /> },
];
/** Print layouts (outside the app shell), printed to PDF by the main process. */
export const bareRoutes = [
  { path: '/print/desk/package/:packageId', element: <PackagePrint /> },
  { path: '/print/desk/sheet/:inquiryId', element: <SheetPrint /> },
];
