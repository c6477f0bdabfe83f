/**
 * Every message file, by language and namespace (one namespace per feature). Japanese is the
 * reference: its shape is the type of every key (see i18next.d.ts), and test/unit/locales.test.ts
 * fails when the English key set differs.
 */
import jaCommon from '../../locales/ja/common.json';
import jaCatalog from '../../locales/ja/catalog.json';
import jaDashboard from '../../locales/ja/dashboard.json';
import jaDevices from '../../locales/ja/devices.json';
import jaErrors from '../../locales/ja/errors.json';
import jaProfile from '../../locales/ja/profile.json';
import jaRules from '../../locales/ja/rules.json';
import jaAlerts from '../../locales/ja/alerts.json';
import jaContracts from '../../locales/ja/contracts.json';
import jaSla from '../../locales/ja/sla.json';
import jaDesk from '../../locales/ja/desk.json';
import jaSync from '../../locales/ja/sync.json';
import jaReports from '../../locales/ja/reports.json';
import jaSettings from '../../locales/ja/settings.json';
import jaSystem from '../../locales/ja/system.json';
import jaPrivacy from '../../locales/ja/privacy.json';
import enCommon from '../../locales/en/common.json';
import enCatalog from '../../locales/en/catalog.json';
import enDashboard from '../../locales/en/dashboard.json';
import enDevices from '../../locales/en/devices.json';
import enErrors from '../../locales/en/errors.json';
import enProfile from '../../locales/en/profile.json';
import enRules from '../../locales/en/rules.json';
import enAlerts from '../../locales/en/alerts.json';
import enContracts from '../../locales/en/contracts.json';
import enSla from '../../locales/en/sla.json';
import enDesk from '../../locales/en/desk.json';
import enSync from '../../locales/en/sync.json';
import enReports from '../../locales/en/reports.json';
import enSettings from '../../locales/en/settings.json';
import enSystem from '../../locales/en/system.json';
import enPrivacy from '../../locales/en/privacy.json';

export const resources = {
  ja: {
    common: jaCommon,
    catalog: jaCatalog,
    dashboard: jaDashboard,
    devices: jaDevices,
    errors: jaErrors,
    profile: jaProfile,
    rules: jaRules,
    alerts: jaAlerts,
    contracts: jaContracts,
    sla: jaSla,
    desk: jaDesk,
    sync: jaSync,
    reports: jaReports,
    settings: jaSettings,
    system: jaSystem,
    privacy: jaPrivacy,
  },
  en: {
    common: enCommon,
    catalog: enCatalog,
    dashboard: enDashboard,
    devices: enDevices,
    errors: enErrors,
    profile: enProfile,
    rules: enRules,
    alerts: enAlerts,
    contracts: enContracts,
    sla: enSla,
    desk: enDesk,
    sync: enSync,
    reports: enReports,
    settings: enSettings,
    system: enSystem,
    privacy: enPrivacy,
  },
} as const;

export type Namespace = keyof (typeof resources)['ja'];
