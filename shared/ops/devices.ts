/** Operations of the devices feature (see shared/api.ts). */
export const devicesOps = {};
