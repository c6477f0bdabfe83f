/** Operations of the alerts feature (see shared/api.ts). */
export const alertsOps = {};
