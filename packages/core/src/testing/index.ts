export { createVirtualClock } from './virtualClock';
export type { VirtualClock } from './virtualClock';
