import type { AgentBoardRow, QueueBoardRow } from '@switchboard/core';
import type { SupervisorConfig } from './supervisorConfig';

/** What an alert watches. */
export type AlertKind = 'serviceLevel' | 'longestWait' | 'notReady';

/** A threshold alert that is raised now. */
export interface Alert {
  /** Stable id: `<kind>:<queueId>`, or `notReady:center`. */
  readonly id: string;
  /** What it watches. */
  readonly kind: AlertKind;
  /** The queue, or `null` for the centre-wide not-ready share. */
  readonly queueId: string | null;
  /** The value that raised it: percent for service level and not-ready share, ms for waits. */
  readonly value: number;
  /** The configured threshold it crossed. */
  readonly threshold: number;
  /** When it was raised (ms since epoch, on the desk's clock). */
  readonly raisedAt: number;
}

/** One watched value at one check. */
export interface AlertReading {
  /** The id of the alert it may raise or clear. */
  readonly id: string;
  /** What it watches. */
  readonly kind: AlertKind;
  /** The queue, or `null` for the centre. */
  readonly queueId: string | null;
  /** The value read. */
  readonly value: number;
  /** The configured threshold. */
  readonly threshold: number;
  /** Whether the value is past the threshold (raise). */
  readonly breached: boolean;
  /** Whether the value is back past threshold and hysteresis (clear). */
  readonly recovered: boolean;
}

/** The share of logged-in agents who are not ready, in percent; `null` when nobody is logged in. */
export function notReadyPercent(agents: readonly AgentBoardRow[]): number | null {
  const loggedIn = agents.filter((agent) => agent.status !== 'offline');
  if (loggedIn.length === 0) return null;
  return (loggedIn.filter((agent) => agent.status === 'notReady').length / loggedIn.length) * 100;
}

/** Every watched value of the boards, against the configured thresholds. */
export function readAlerts(
  alerts: SupervisorConfig['alerts'],
  queues: readonly QueueBoardRow[],
  agents: readonly AgentBoardRow[],
): AlertReading[] {
  const { hysteresis } = alerts;
  const readings: AlertReading[] = [];
  const watched = queues.filter((row) => !alerts.queues || alerts.queues.includes(row.queueId));
  for (const row of watched) {
    const sl = alerts.serviceLevelBelow;
    if (sl !== undefined && row.serviceLevel !== null) {
      readings.push({
        id: `serviceLevel:${row.queueId}`,
        kind: 'serviceLevel',
        queueId: row.queueId,
        value: row.serviceLevel,
        threshold: sl,
        breached: row.serviceLevel < sl,
        recovered: row.serviceLevel >= sl + hysteresis.serviceLevel,
      });
    }
    const wait = alerts.longestWaitAboveMs;
    if (wait !== undefined) {
      readings.push({
        id: `longestWait:${row.queueId}`,
        kind: 'longestWait',
        queueId: row.queueId,
        value: row.oldestWaitMs,
        threshold: wait,
        breached: row.oldestWaitMs > wait,
        recovered: row.oldestWaitMs <= wait - hysteresis.longestWaitMs,
      });
    }
  }
  const share = notReadyPercent(agents);
  const limit = alerts.notReadyAbovePercent;
  if (limit !== undefined && share !== null) {
    readings.push({
      id: 'notReady:center',
      kind: 'notReady',
      queueId: null,
      value: share,
      threshold: limit,
      breached: share > limit,
      recovered: share <= limit - hysteresis.notReadyPercent,
    });
  }
  return readings;
}

/** An alert a check cleared. */
export interface ClearedAlert {
  /** The alert as it was raised. */
  readonly alert: Alert;
  /** The value that cleared it. */
  readonly value: number;
}

/** What one check changes: alerts to raise and alerts to clear (with the value that cleared them). */
export interface AlertChanges {
  /** Newly raised alerts. */
  readonly raised: readonly Alert[];
  /** Cleared alerts, with the value that cleared each. */
  readonly cleared: readonly ClearedAlert[];
}

/**
 * Applies hysteresis: an alert is raised when its value crosses the threshold and cleared only
 * once the value is back past threshold plus hysteresis (or no longer read, e.g. a queue with no
 * service level yet). Between the two, a raised alert stays raised and a clear one stays clear.
 */
export function checkAlerts(
  active: ReadonlyMap<string, Alert>,
  readings: readonly AlertReading[],
  now: number,
): AlertChanges {
  const raised: Alert[] = [];
  const cleared: ClearedAlert[] = [];
  const seen = new Set<string>();
  for (const reading of readings) {
    seen.add(reading.id);
    const current = active.get(reading.id);
    if (!current && reading.breached) {
      const { id, kind, queueId, value, threshold } = reading;
      raised.push({ id, kind, queueId, value, threshold, raisedAt: now });
    } else if (current && reading.recovered) cleared.push({ alert: current, value: reading.value });
  }
  for (const alert of active.values()) {
    if (!seen.has(alert.id)) cleared.push({ alert, value: alert.value });
  }
  return { raised, cleared };
}
