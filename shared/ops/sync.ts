/** Operations of the sync feature (see shared/api.ts). */
export const syncOps = {};
