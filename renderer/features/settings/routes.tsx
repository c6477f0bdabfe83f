import { SettingsPage } from './SettingsPage';

export const nav = { path: '/settings', order: 90, labelKey: 'settings:nav', icon: '⚙' };
export const routes = [{ path: 'settings', element: <SettingsPage /> }];
