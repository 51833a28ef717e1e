// The public API of @switchboard/plugin-supervisor: named exports only.
export { supervisorDesk } from './supervisorPlugin';
export type {
  AlertCleared,
  AlertRaised,
  BoardAccess,
  SupervisorDeskApi,
  SupervisorSnapshot,
} from './supervisorPlugin';
export { checkAlerts, notReadyPercent, readAlerts } from './alerts';
export type { Alert, AlertChanges, AlertKind, AlertReading, ClearedAlert } from './alerts';
export { supervisorConfigSchema } from './supervisorConfig';
export type { SupervisorConfig, SupervisorConfigInput } from './supervisorConfig';
