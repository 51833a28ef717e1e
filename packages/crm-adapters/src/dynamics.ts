// The public API of @switchboard/crm-adapters/dynamics.
export { createDynamicsCrm } from './adapters/dynamics/dynamics';
export type { DynamicsOptions } from './adapters/dynamics/dynamics';
