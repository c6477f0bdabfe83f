import type { SettingsSection } from '../settings/sections';
import { SyncSettings } from './SyncSettings';

/** Settings → Feed sync (issue #7): the connection to a feed in SOC Desk's format. */
export const settingsSection: SettingsSection = {
  id: 'sync',
  order: 40,
  titleKey: 'sync:section.title',
  element: <SyncSettings />,
};
