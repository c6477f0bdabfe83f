/**
 * Every message file, by language and namespace (one namespace per feature). Japanese is the
 * reference: its shape is the type of every key (see i18next.d.ts), and test/unit/locales.test.ts
 * fails when the English key set differs.
 */
import jaCatalog from '../../locales/ja/catalog.json';
import jaCommon from '../../locales/ja/common.json';
import jaDashboard from '../../locales/ja/dashboard.json';
import jaDevices from '../../locales/ja/devices.json';
import jaErrors from '../../locales/ja/errors.json';
import jaProfile from '../../locales/ja/profile.json';
import jaRules from '../../locales/ja/rules.json';
import enCatalog from '../../locales/en/catalog.json';
import enCommon from '../../locales/en/common.json';
import enDashboard from '../../locales/en/dashboard.json';
import enDevices from '../../locales/en/devices.json';
import enErrors from '../../locales/en/errors.json';
import enProfile from '../../locales/en/profile.json';
import enRules from '../../locales/en/rules.json';

export const resources = {
  ja: {
    common: jaCommon,
    catalog: jaCatalog,
    dashboard: jaDashboard,
    devices: jaDevices,
    errors: jaErrors,
    profile: jaProfile,
    rules: jaRules,
  },
  en: {
    common: enCommon,
    catalog: enCatalog,
    dashboard: enDashboard,
    devices: enDevices,
    errors: enErrors,
    profile: enProfile,
    rules: enRules,
  },
} as const;

export type Namespace = keyof (typeof resources)['ja'];
