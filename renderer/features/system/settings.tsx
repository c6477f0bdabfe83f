import { DataSafety } from './DataSafety';

export const settingsSection = {
  id: 'system',
  order: 80,
  titleKey: 'system:title',
  element: <DataSafety />,
};
