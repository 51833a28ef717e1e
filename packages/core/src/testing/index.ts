export { recordEvents } from './recordEvents';
export type { EventRecorder } from './recordEvents';
export { createVirtualClock } from './virtualClock';
export type { VirtualClock } from './virtualClock';
export { createTestHost } from './createTestHost';
export type { TestHost, TestHostOptions } from './createTestHost';
