import { DeviceDetailPage } from './DeviceDetailPage';
import { DevicesPage } from './DevicesPage';

export const nav = { path: '/devices', order: 30, labelKey: 'devices:nav', icon: '▣' };
export const routes = [
  { path: 'devices', element: <DevicesPage /> },
  { path: 'devices/:deviceId', element: <DeviceDetailPage /> },
];
