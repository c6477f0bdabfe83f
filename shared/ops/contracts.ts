/** Operations of the contracts feature (see shared/api.ts). */
export const contractsOps = {};
