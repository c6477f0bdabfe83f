import type { Migration } from '../migrate';
import { migration as m001 } from './001_master_data';
import { migration as m002 } from './002_alerts';

/** Every migration, in order. Add one file per schema change and list it here. */
export const MIGRATIONS: readonly Migration[] = [m001, m002];
