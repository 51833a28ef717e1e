import type { Clock, Logger } from '@switchboard/core';
import * as z from 'zod/mini';
import { SoftphoneError } from './errors';
import type { IceServer, MediaFactory } from './media/callMedia';
import type { DialogStorage } from './sip/dialogMemory';
import type { WakeOptions } from './web/wakeWatcher';
import type { WebSocketConstructor } from './sip/webSocketTransport';

/** How the softphone reconnects after the connection to the server is lost. */
export interface ReconnectOptions {
  /** The first retry comes within this many ms (half of it at least); 500 by default. */
  readonly minDelayMs?: number;
  /** Retries are never further apart than this; 30 000 by default. */
  readonly maxDelayMs?: number;
  /** Calls survive an outage this long, then end with `connectionLost`; 30 000 by default. */
  readonly callSurvivalMs?: number;
}

/** How a silent (half-open) connection is detected. */
export interface KeepAliveOptions {
  /** A ping goes out after this many ms without one; 15 000 by default, 0 turns pings off. */
  readonly intervalMs?: number;
  /** A ping unanswered this long drops the connection as lost; 5 000 by default. */
  readonly timeoutMs?: number;
}

/** What a recording request asks for. */
export type RecordingAction = 'pause' | 'resume';

/**
 * How the softphone asks the call recorder to pause and resume (PCI: no card numbers on tape):
 * an in-call SIP INFO that the recorder, or the PBX in front of it, acts on.
 */
export interface RecordingControlOptions {
  /** The INFO body's content type; `application/json` by default. */
  readonly contentType?: string;
  /** The INFO body for an action; `{"recording":"pause"}` / `{"recording":"resume"}` by default. */
  readonly body?: (action: RecordingAction) => string;
  /** Extra headers for an action; `X-Recording: pause` / `X-Recording: resume` by default. */
  readonly headers?: (action: RecordingAction) => readonly string[];
  /** A paused recording resumes by itself after this many ms; 180 000 by default, 0 never. */
  readonly autoResumeMs?: number;
}

/** Options of {@link createSoftphone}. */
export interface SoftphoneOptions {
  /** The registrar's WebSocket URL, e.g. `wss://pbx.example.com:8443/ws`. */
  readonly server: string;
  /** This phone's address of record, e.g. `sip:alice@pbx.example.com`. */
  readonly uri: string;
  /** The user name to authenticate with; the URI's user by default. */
  readonly authorizationUser?: string;
  /**
   * Returns the password (or token) when the registrar asks for it. Called for every
   * authenticated request; the softphone never keeps the answer longer than that request.
   */
  readonly credentials: () => string | Promise<string>;
  /** The name shown to the people called. */
  readonly displayName?: string;
  /** STUN/TURN servers for WebRTC media. */
  readonly iceServers?: readonly IceServer[];
  /** Makes each call's media; WebRTC in browsers by default, required in Node. */
  readonly media?: MediaFactory;
  /** The WebSocket constructor; `globalThis.WebSocket` by default (pass `ws`'s in Node 20). */
  readonly webSocket?: WebSocketConstructor;
  /** The country for national phone numbers (ISO 3166 alpha-2, e.g. `US`). */
  readonly defaultCountry?: string;
  /** The registration lifetime asked for, in seconds; 600 by default. */
  readonly registerExpires?: number;
  /** Reconnection policy. */
  readonly reconnect?: ReconnectOptions;
  /** Half-open connection detection. */
  readonly keepAlive?: KeepAliveOptions;
  /** How often connected calls report `call.quality`, in ms; 5 000 by default, 0 never. */
  readonly qualityIntervalMs?: number;
  /** How long opening the WebSocket may take, in ms; 10 000 by default. */
  readonly connectTimeoutMs?: number;
  /** The time source for the softphone's own timers. */
  readonly clock?: Clock;
  /** A number in [0, 1) for back-off jitter; `Math.random` by default. */
  readonly random?: () => number;
  /** Where failures that cannot be thrown are reported (sip.js errors included). */
  readonly logger?: Logger;
  /** How recording is paused and resumed (`call.pauseRecording()`). */
  readonly recordingControl?: RecordingControlOptions;
  /**
   * What to do when the far end asks this phone to call someone else (an incoming REFER):
   * `follow` (default) calls the target and reports the outcome back, `refuse` answers 603.
   */
  readonly incomingTransfers?: 'follow' | 'refuse';
  /**
   * Whether answering a call holds the other connected calls first (call waiting): `true` by
   * default, as an agent has one conversation at a time; bots that talk to many pass `false`.
   * `call.answer({ holdOthers })` decides per call.
   */
  readonly holdOnAnswer?: boolean;
  /** How long a transfer may wait for the far end's new call to be answered; 30 000 ms by default. */
  readonly transferTimeoutMs?: number;
  /**
   * Where connected calls' dialog facts (Call-ID, tags, remote target, route; never a secret)
   * are kept so that the page loaded after a reload rejoins the calls it orphaned (INVITE with
   * Replaces, where the far end advertised support) or ends them (BYE); `sessionStorage` by
   * default where it exists, `null` to turn reload recovery off.
   */
  readonly dialogStorage?: DialogStorage | null;
  /** How long the far end has to answer a rejoin after a reload before a BYE ends the call instead; 10 000 ms by default. */
  readonly rejoinTimeoutMs?: number;
  /**
   * Re-register when the page becomes visible, the network comes back or a sleep is detected
   * (browsers; on by default where `window` exists). `false` turns it off.
   */
  readonly wake?: false | WakeOptions;
}

const fn = z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function');
const positive = z.number().check(z.positive());
const nonNegative = z.number().check(z.nonnegative());

const optionsSchema = z.object({
  server: z.string().check(z.regex(/^wss?:\/\/\S+$/, 'must be a ws:// or wss:// URL')),
  uri: z.string().check(z.regex(/^sips?:[^\s@]+@\S+$/, 'must be a SIP URI like sip:alice@host')),
  authorizationUser: z.optional(z.string().check(z.minLength(1))),
  credentials: fn,
  displayName: z.optional(z.string()),
  iceServers: z.optional(z.array(z.object({ urls: z.union([z.string(), z.array(z.string())]) }))),
  media: z.optional(fn),
  webSocket: z.optional(fn),
  defaultCountry: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/, 'must be like US or FR'))),
  registerExpires: z.optional(z.int().check(z.minimum(30))),
  reconnect: z.optional(
    z.object({
      minDelayMs: z.optional(positive),
      maxDelayMs: z.optional(positive),
      callSurvivalMs: z.optional(nonNegative),
    }),
  ),
  keepAlive: z.optional(
    z.object({ intervalMs: z.optional(nonNegative), timeoutMs: z.optional(positive) }),
  ),
  qualityIntervalMs: z.optional(nonNegative),
  connectTimeoutMs: z.optional(positive),
  clock: z.optional(z.object({ now: fn, setTimeout: fn, clearTimeout: fn })),
  random: z.optional(fn),
  logger: z.optional(z.object({ debug: fn, info: fn, warn: fn, error: fn })),
  recordingControl: z.optional(
    z.object({
      contentType: z.optional(z.string().check(z.regex(/^[\w.+-]+\/[\w.+-]+$/))),
      body: z.optional(fn),
      headers: z.optional(fn),
      autoResumeMs: z.optional(nonNegative),
    }),
  ),
  incomingTransfers: z.optional(z.enum(['follow', 'refuse'])),
  transferTimeoutMs: z.optional(positive),
  rejoinTimeoutMs: z.optional(positive),
  holdOnAnswer: z.optional(z.boolean()),
  dialogStorage: z.optional(z.nullable(z.object({ getItem: fn, setItem: fn, removeItem: fn }))),
  wake: z.optional(
    z.union([
      z.literal(false),
      z.object({
        target: z.optional(z.object({ addEventListener: fn, removeEventListener: fn })),
        tickMs: z.optional(positive),
        gapMs: z.optional(positive),
      }),
    ]),
  ),
});

/** Checks `input` against the options schema; throws `INVALID_INPUT` with zod's issues. */
export function parseSoftphoneOptions(input: SoftphoneOptions): SoftphoneOptions {
  const result = z.safeParse(optionsSchema, input);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({
      path: issue.path,
      message: issue.message,
    }));
    throw new SoftphoneError(
      'INVALID_INPUT',
      `Invalid softphone options: ${issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}.`,
      { issues },
    );
  }
  return input;
}
