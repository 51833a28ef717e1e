// The public API of @switchboard/core: named exports only.

// Errors
export { CodedError, errorCodes, isSwitchboardError, SwitchboardError } from './errors';
export type {
  CodedErrorOptions,
  ErrorCode,
  SwitchboardErrorOptions,
  ValidationIssue,
} from './errors';

// Model
export { agentSchema, roles, roleSchema, skillLevelSchema } from './model/agent';
export type { Agent, AgentInput, Role, SkillLevel } from './model/agent';
export { capacityChannel, capacitySchema, channels, channelSchema } from './model/channel';
export type { Capacity, Channel } from './model/channel';
export {
  defaultDispositions,
  defaultReasonCodes,
  dispositionSchema,
  reasonCodeSchema,
} from './model/codes';
export type { Disposition, ReasonCode } from './model/codes';
export { contactInputSchema } from './model/contact';
export type { Contact, ContactBase, ContactInput, ContactStatus } from './model/contact';
export { customerSchema } from './model/customer';
export type { Customer } from './model/customer';
export { agentIdSchema, contactIdSchema, customerIdSchema, queueIdSchema } from './model/ids';
export type { AgentId, ContactId, CustomerId, QueueId } from './model/ids';
export {
  builtInStrategies,
  escalationStepSchema,
  queueExitSchema,
  queueSchema,
  skillRequirementSchema,
} from './model/queue';
export type { EscalationStep, Queue, QueueExit, QueueInput, SkillRequirement } from './model/queue';
export { businessHoursSchema, openingSpanSchema, weekdays } from './model/businessHours';
export type {
  BusinessHours,
  BusinessHoursInput,
  OpeningSpan,
  Weekday,
} from './model/businessHours';

// Machines
export { agentCommandSchema } from './agent/agentCommands';
export type { AgentCommand } from './agent/agentCommands';
export { agentTransitions, decideAgent } from './agent/agentMachine';
export type { AgentDecisionContext } from './agent/agentMachine';
export type { AgentPresence, AgentState, AgentStatus } from './agent/agentState';
export {
  classificationSchema,
  contactCommandSchema,
  transferTargetSchema,
} from './contact/contactCommands';
export type {
  Classification,
  ContactCommand,
  ContactCommandInput,
  TransferTargetInput,
} from './contact/contactCommands';
export { contactTransitions, decideContact, holdersOf, isFinished } from './contact/contactMachine';
export type { ContactDecisionContext } from './contact/contactMachine';
export { evolveContact } from './contact/contactReducer';

// Events and store
export { agentIdOf, contactIdOf, isAgentEvent } from './events/domainEvents';
export type * from './events/domainEvents';
export { createEventBus } from './events/eventBus';
export type { EventBus, EventListener, ListenerErrorHandler, Unsubscribe } from './events/eventBus';
export type {
  CallbackOffered,
  DomainEventMap,
  PluginFailed,
  PluginReady,
  SwitchboardEvents,
} from './events/eventMap';
export { PersistentMap } from './store/persistentMap';
export { createStore } from './store/store';
export type { HistoryEntry, Reducer, Store, StoreOptions } from './store/store';

// Ports
export { systemClock } from './ports/clock';
export type { Clock, TimerHandle } from './ports/clock';
export { silentLogger } from './ports/logger';
export type { Logger } from './ports/logger';
export { createMemoryStorage, namespaceStorage } from './ports/storage';
export type { Storage } from './ports/storage';

// Actions
export { createActionRegistry } from './actions/actionRegistry';
export type {
  ActionRegistry,
  ActionRegistryOptions,
  HookErrorInfo,
} from './actions/actionRegistryTypes';
export { actionPermission, domainOf } from './actions/permission';
export { eventPermission, reservedPluginNames } from './plugins/permissions';
export { defineAction } from './actions/defineAction';
export type * from './actions/actionTypes';
export type { Permission } from './actions/permission';
export { parseInput } from './validation';
export { functionSchema, portSchema } from './portSchemas';
export type {
  Validator,
  ValidatorFailure,
  ValidatorIssue,
  ValidatorOutput,
  ValidatorSuccess,
} from './validation';

// Plugins
export { definePlugin } from './plugins/definePlugin';
export { createContactThreads } from './plugins/contactThreads';
export type {
  ContactThread,
  ContactThreads,
  ThreadArrival,
  ThreadOutcome,
  ThreadReceipt,
} from './plugins/contactThreads';
export type { DeclaredApi, PluginConfig } from './plugins/definePlugin';
export { createPluginHost } from './plugins/pluginHost';
export type * from './plugins/pluginHostTypes';
export type * from './plugins/pluginTypes';

// Routing
export { createRouter } from './routing/router';
export type { PassedOver, Router, RouterOptions, RoutingDecision } from './routing/router';
export { strategies } from './routing/strategies';
export type { BuiltInStrategy, RoutingStrategy, StrategyCandidate } from './routing/strategies';
export type * from './routing/explanation';
export { isOpen, wallClock } from './routing/businessHours';
export type { WallClock } from './routing/businessHours';

// Centre and desk
export { emptyCenterState, evolveCenter, reduceCenter } from './center/centerState';
export type { CenterState } from './center/centerState';
export { evolveAgents, syncHolders } from './agent/agentReducer';
export type { AgentsById } from './agent/agentReducer';
export { centerRulesSchema } from './center/centerOptions';
export type { CenterRules, CenterRulesInput } from './center/centerOptions';
export { createContactCenter } from './center/contactCenter';
export type {
  AgentChanges,
  ContactCenter,
  ContactCenterOptions,
  RoutingOptions,
} from './center/contactCenter';
export { customerErasureRequestSchema } from './center/centerErasure';
export type { CustomerErasure, CustomerErasureRequest } from './center/centerErasure';

// IVR
export {
  defineIvrMenu,
  ivrMenuSchema,
  ivrNodeSchema,
  ivrOptionSchema,
  ivrRouteSchema,
} from './ivr/ivrMenu';
export type { IvrMenu, IvrMenuInput, IvrNode, IvrOption, IvrRoute } from './ivr/ivrMenu';
export type { IvrChoice, IvrPrompt } from './ivr/ivrRunner';

// Desk protocol
export { clientMessageSchema, protocolVersion, serverMessageSchema } from './protocol/messages';
export type { ClientMessage, ServerMessage, Transport } from './protocol/messages';
export { createInProcessTransport } from './protocol/inProcessTransport';
export { createCenterServer } from './protocol/centerServer';
export type { CenterServer, CenterServerOptions } from './protocol/centerServer';
export { fromWebSocket } from './protocol/webSocketTransport';
export type { WebSocketLike } from './protocol/webSocketTransport';
export { connectDesk } from './client/connectDesk';
export type { ConnectDeskOptions, ConnectionStatus, RemoteDesk } from './client/connectDesk';

// Supervision and administration
export { agentBoard, queueBoard } from './supervisor/boards';
export type { AgentBoardRow, QueueBoardRow } from './supervisor/boards';
export { evaluationSchema, monitorModes, monitorRequestSchema } from './supervisor/supervision';
export type { Evaluation, MonitorRequest, ScoreLine } from './supervisor/supervision';
export type {
  AssignRequest,
  ForceStatusRequest,
  QueueBoardRequest,
} from './desk/supervisorActions';
export type { UpdateAgentRequest } from './desk/adminActions';
export { createDesk } from './desk/createDesk';
export type { Desk, DeskOptions } from './desk/createDesk';
export { deskOperations } from './desk/deskControls';
export type { DeskControls, DeskOperations } from './desk/deskControls';
export type * from './desk/deskRequests';
export type { ChannelActivity, ChannelLoad, DeskSnapshot } from './desk/deskSnapshot';
