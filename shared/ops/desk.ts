/** Operations of the desk feature (see shared/api.ts). */
export const deskOps = {};
