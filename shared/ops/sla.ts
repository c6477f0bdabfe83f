/** Operations of the sla feature (see shared/api.ts). */
export const slaOps = {};
