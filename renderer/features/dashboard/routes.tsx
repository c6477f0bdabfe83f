import { DashboardPage } from './DashboardPage';

export const nav = { path: '/', order: 10, labelKey: 'dashboard:nav', icon: '◧' };
export const routes = [{ index: true, element: <DashboardPage /> }];
