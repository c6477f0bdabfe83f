/** Operations of the reports feature (see shared/api.ts). */
export const reportsOps = {};
