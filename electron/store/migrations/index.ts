import type { Migration } from '../migrate';
import { migration as m001 } from './001_master_data';
import { migration as m002 } from './002_alerts';
import { migration as m003 } from './003_alerts_workflow';
import { migration as m004 } from './004_devices_contracts';
import { migration as m005 } from './005_desk';
import { migration as m006 } from './006_sync';
import { migration as m007 } from './007_reports';
import { migration as m008 } from './008_privacy';
import { migration as m009 } from './009_search_merge';

/** Every migration, in order. Add one file per schema change and list it here. */
export const MIGRATIONS: readonly Migration[] = [
  m001,
  m002,
  m003,
  m004,
  m005,
  m006,
  m007,
  m008,
  m009,
];
