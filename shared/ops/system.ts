/** Operations of the system feature (see shared/api.ts). */
export const systemOps = {};
