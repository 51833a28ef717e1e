import { SwitchboardError } from '../errors';
import type { PluginFailed } from '../events/eventMap';
import { systemClock } from '../ports/clock';
import { silentLogger } from '../ports/logger';
import { createMemoryStorage } from '../ports/storage';
import { checkPluginDefinition } from './definePlugin';
import { normalizeEntry, parseConfig } from './pluginEntry';
import type {
  PluginEntry,
  PluginHost,
  PluginHostOptions,
  PluginReport,
  PluginState,
} from './pluginHostTypes';
import { orderPlugins } from './pluginOrder';
import { createPluginScope, type PluginScope } from './pluginScope';
import type { PluginDefinition } from './pluginTypes';
import { settleWithin } from './settleWithin';

/** What a setup returned, reduced to what the host uses. */
interface Running {
  readonly api: unknown;
  readonly dispose: (() => unknown) | undefined;
}

interface PluginRecord {
  report: PluginReport;
  readonly running: Running;
  readonly scope: PluginScope | undefined;
}

const idle: Running = { api: undefined, dispose: undefined };

function toRunning(value: unknown): Running {
  if (typeof value !== 'object' || value === null) return idle;
  const { api, dispose } = value as { api?: unknown; dispose?: unknown };
  return {
    api,
    dispose:
      typeof dispose === 'function' ? () => (dispose as () => unknown).call(value) : undefined,
  };
}

/**
 * Creates a {@link PluginHost}. See {@link PluginState} for the lifecycle it runs and
 * {@link Permission} for what a plugin may do through its context.
 *
 * @example
 * ```ts
 * const host = createPluginHost({ events, actions, state: store, clock, logger });
 * const reports = await host.load([dispositions, { plugin: callScripts, config: { scripts } }]);
 * host.api('dispositions').list();
 * await host.dispose();
 * ```
 */
export function createPluginHost(options: PluginHostOptions): PluginHost {
  const { events, actions, state } = options;
  const storage = options.storage ?? createMemoryStorage();
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const roles = options.roles ?? ['agent'];
  const defaultSetupTimeoutMs = options.defaultSetupTimeoutMs ?? 5000;
  const records = new Map<string, PluginRecord>();
  let queue: Promise<unknown> = Promise.resolve();
  let disposal: Promise<void> | undefined;
  let delivering = false;

  // A function, so that checks after an `await` are not narrowed away.
  const isDisposed = () => disposal !== undefined;
  const disposedError = () =>
    new SwitchboardError('DISPOSED', 'The plugin host was disposed.', { details: {} });

  /** Logs a failure and emits `plugin.failed`, unless one is being delivered (no loops). */
  const reportFailure = (
    plugin: string,
    phase: PluginFailed['phase'],
    error: unknown,
    disabled: boolean,
  ) => {
    logger.error(`Plugin "${plugin}" failed in ${phase}.`, { plugin, phase, disabled, error });
    if (delivering) return;
    delivering = true;
    try {
      events.emit('plugin.failed', { plugin, phase, error, disabled });
    } finally {
      delivering = false;
    }
  };

  const settle = (definition: PluginDefinition, record: PluginRecord) => {
    records.set(definition.name, record);
    return record.report;
  };
  const reportOf = (
    definition: PluginDefinition,
    pluginState: PluginState,
    error?: SwitchboardError,
  ) =>
    Object.freeze({
      name: definition.name,
      version: definition.version,
      state: pluginState,
      ...(error === undefined ? {} : { error }),
    });

  const disposeRunning = async (name: string, running: Running) => {
    try {
      await running.dispose?.();
    } catch (error) {
      reportFailure(name, 'dispose', error, true);
    }
  };

  async function setUp(definition: PluginDefinition, config: unknown): Promise<PluginReport> {
    const name = definition.name;
    const blocker = definition.dependsOn?.find(
      (dependency) => records.get(dependency)?.report.state !== 'ready',
    );
    if (blocker !== undefined) {
      const error = new SwitchboardError(
        'PLUGIN_MISSING_DEPENDENCY',
        `Plugin "${name}" was skipped: its dependency "${blocker}" is not ready.`,
        {
          details: {
            plugin: name,
            dependency: blocker,
            dependencyState: records.get(blocker)?.report.state,
          },
        },
      );
      logger.warn(error.message, { plugin: name, dependency: blocker });
      return settle(definition, {
        report: reportOf(definition, 'skipped', error),
        running: idle,
        scope: undefined,
      });
    }

    const scope = createPluginScope({
      definition,
      events,
      actions,
      state,
      storage,
      clock,
      logger,
      roles,
      apiOf: (dependency) => records.get(dependency)?.running.api,
      optionalApiOf: (other) => {
        const record = records.get(other);
        return record?.report.state === 'ready' ? record.running.api : undefined;
      },
      report: (phase, error) => {
        reportFailure(name, phase, error, false);
      },
    });
    const timeoutMs = definition.setupTimeoutMs ?? defaultSetupTimeoutMs;
    const outcome = await settleWithin(
      clock,
      timeoutMs,
      () => definition.setup(scope.context, config),
      (late) => void disposeRunning(name, toRunning(late)),
    );

    if (outcome.status === 'fulfilled') {
      const report = settle(definition, {
        report: reportOf(definition, 'ready'),
        running: toRunning(outcome.value),
        scope,
      });
      logger.info(`Plugin "${name}" is ready.`, { plugin: name, version: definition.version });
      events.emit('plugin.ready', { plugin: name });
      return report;
    }
    scope.close();
    const error =
      outcome.status === 'timedOut'
        ? new SwitchboardError(
            'PLUGIN_SETUP_TIMEOUT',
            `Plugin "${name}" did not finish setup within ${timeoutMs} ms.`,
            {
              details: { plugin: name, timeoutMs },
            },
          )
        : new SwitchboardError('PLUGIN_SETUP_FAILED', `Plugin "${name}" failed during setup.`, {
            details: { plugin: name },
            cause: outcome.reason,
          });
    const report = settle(definition, {
      report: reportOf(definition, 'failed', error),
      running: idle,
      scope: undefined,
    });
    reportFailure(name, 'setup', error, true);
    return report;
  }

  async function loadBatch(entries: readonly PluginEntry[]): Promise<readonly PluginReport[]> {
    if (isDisposed()) throw disposedError();
    const batch = entries.map(normalizeEntry);
    const definitions = batch.map((entry) => checkPluginDefinition(entry.definition));
    const order = orderPlugins(definitions, new Set(records.keys()));
    const configs = definitions.map((definition, index) =>
      parseConfig(definition, batch[index]?.config),
    );
    const reports: PluginReport[] = [];
    for (const index of order) {
      const definition = definitions[index] as PluginDefinition;
      reports.push(
        !isDisposed()
          ? await setUp(definition, configs[index])
          : settle(definition, {
              report: reportOf(definition, 'skipped', disposedError()),
              running: idle,
              scope: undefined,
            }),
      );
    }
    return reports;
  }

  return {
    load(entries) {
      if (isDisposed()) return Promise.reject(disposedError());
      const result = queue.then(() => loadBatch(entries));
      queue = result.catch(() => undefined);
      return result;
    },
    api(name) {
      const record = records.get(name);
      if (record?.report.state !== 'ready') {
        throw new SwitchboardError('NOT_FOUND', `Plugin "${name}" is not ready.`, {
          details: { plugin: name, state: record?.report.state },
        });
      }
      return record.running.api as never;
    },
    status: () => Array.from(records.values(), (record) => record.report),
    dispose() {
      disposal ??= queue.then(async () => {
        for (const [name, record] of [...records].reverse()) {
          if (record.report.state !== 'ready') continue;
          await disposeRunning(name, record.running);
          record.scope?.close();
          record.report = Object.freeze({ ...record.report, state: 'disposed' });
        }
      });
      return disposal;
    },
  };
}
