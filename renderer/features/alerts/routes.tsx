import { AlertDetailPage } from './AlertDetailPage';
import { AlertsPage } from './AlertsPage';
import { ImportPage } from './ImportPage';

export const nav = { path: '/alerts', order: 20, labelKey: 'alerts:nav', icon: '⚠' };
export const routes = [
  { path: 'alerts', element: <AlertsPage /> },
  { path: 'alerts/import', element: <ImportPage /> },
  { path: 'alerts/:id', element: <AlertDetailPage /> },
];
