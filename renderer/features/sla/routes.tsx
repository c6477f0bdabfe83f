import { SlaPage } from './SlaPage';

export const nav = { path: '/sla', order: 50, labelKey: 'sla:nav', icon: '◔' };
export const routes = [{ path: 'sla', element: <SlaPage /> }];
