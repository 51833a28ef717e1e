import type { Clock, TimerHandle } from '@switchboard/core';
import { EmitterImpl, TransportState, type Emitter, type Transport } from 'sip.js';
import { SoftphoneError } from '../errors';

/** The part of a WebSocket (browser or the `ws` package) the transport uses. */
export interface SipWebSocket {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/**
 * A WebSocket constructor: `globalThis.WebSocket` in browsers, `WebSocket` from `ws` in Node.
 * It is called as `new WebSocket(url, 'sip')` and used through its `on*` handlers, `send` and `close`.
 */
export type WebSocketConstructor = abstract new (...args: never[]) => unknown;

/** How the transport calls the constructor. */
type SipWebSocketConstructor = new (url: string, protocol: string) => SipWebSocket;

/** What the softphone passes to {@link WebSocketTransport} through sip.js. */
export interface WebSocketTransportOptions {
  readonly server: string;
  readonly webSocket: WebSocketConstructor;
  readonly clock: Clock;
  readonly connectTimeoutMs: number;
  readonly keepAliveIntervalMs: number;
  readonly keepAliveTimeoutMs: number;
  /** Where errors thrown while sip.js handles a message are reported. */
  readonly onReceiveError: (error: unknown) => void;
}

const OPEN = 1;
/** RFC 5626 keep-alive over a stream: a double CRLF ping, answered with a single CRLF pong. */
const PING = '\r\n\r\n';

/**
 * sip.js transport over a pluggable WebSocket, with keep-alives that detect a half-open
 * connection (no close event, no traffic): when a ping gets no answer in time the socket is
 * dropped and reported lost like a closed one. sip.js's own reconnection is not used; the
 * softphone reconnects with its own back-off.
 */
export class WebSocketTransport implements Transport {
  readonly protocol: string;
  onConnect: (() => void) | undefined;
  onDisconnect: ((error?: Error) => void) | undefined;
  onMessage: ((message: string) => void) | undefined;
  private _state: TransportState = TransportState.Disconnected;
  private readonly _stateChange = new EmitterImpl<TransportState>();
  private socket: SipWebSocket | undefined;
  private keepAliveTimer: TimerHandle;
  private pongTimer: TimerHandle;
  private readonly options: WebSocketTransportOptions;
  private readonly probes: ((alive: boolean) => void)[] = [];

  constructor(_logger: unknown, options: WebSocketTransportOptions) {
    this.options = options;
    this.protocol = options.server.startsWith('wss:') ? 'WSS' : 'WS';
  }

  get state(): TransportState {
    return this._state;
  }

  get stateChange(): Emitter<TransportState> {
    return this._stateChange;
  }

  isConnected(): boolean {
    return this._state === TransportState.Connected;
  }

  connect(): Promise<void> {
    if (this._state === TransportState.Connected) return Promise.resolve();
    this.drop();
    this.transition(TransportState.Connecting);
    const { clock, connectTimeoutMs, server, webSocket } = this.options;
    return new Promise((resolve, reject) => {
      let socket: SipWebSocket;
      try {
        socket = new (webSocket as unknown as SipWebSocketConstructor)(server, 'sip');
      } catch (cause) {
        this.transition(TransportState.Disconnected);
        reject(lost('The WebSocket could not be created.', cause));
        return;
      }
      this.socket = socket;
      const timer = clock.setTimeout(() => {
        fail(lost(`No WebSocket connection within ${connectTimeoutMs} ms.`));
      }, connectTimeoutMs);
      const fail = (error: SoftphoneError) => {
        clock.clearTimeout(timer);
        if (this.socket !== socket) return;
        this.drop();
        this.transition(TransportState.Disconnected);
        reject(error);
      };
      socket.onerror = () => {
        fail(lost('The WebSocket could not be opened.'));
      };
      socket.onclose = (event) => {
        fail(lost(`The WebSocket closed while opening (${event.code}).`));
      };
      socket.onopen = () => {
        clock.clearTimeout(timer);
        if (this.socket !== socket) return;
        this.listen(socket);
        this.transition(TransportState.Connected);
        this.scheduleKeepAlive();
        resolve();
      };
    });
  }

  disconnect(): Promise<void> {
    if (this._state === TransportState.Disconnected) return Promise.resolve();
    this.drop();
    this.transition(TransportState.Disconnected);
    return Promise.resolve();
  }

  dispose(): Promise<void> {
    return this.disconnect();
  }

  send(message: string): Promise<void> {
    const socket = this.socket;
    if (this._state !== TransportState.Connected || socket?.readyState !== OPEN) {
      return Promise.reject(lost('Not connected.'));
    }
    try {
      socket.send(message);
      return Promise.resolve();
    } catch (cause) {
      return Promise.reject(lost('The WebSocket refused the message.', cause));
    }
  }

  /** Drops the connection as lost: the softphone's reconnection takes over. */
  lose(reason: string): void {
    if (this._state !== TransportState.Connected) return;
    this.drop();
    this.transition(TransportState.Disconnected, lost(reason));
  }

  private listen(socket: SipWebSocket): void {
    socket.onmessage = ({ data }) => {
      this.alive();
      if (typeof data !== 'string') return;
      if (data === '\r\n' || data === PING) return;
      try {
        this.onMessage?.(data);
      } catch (error) {
        // sip.js can throw from its message handling (e.g. a response to a terminated
        // session); it must never escape into the socket's event loop and end the process.
        this.options.onReceiveError(error);
      }
    };
    socket.onclose = (event) => {
      if (this.socket === socket) this.lose(`The WebSocket closed (${event.code}).`);
    };
    socket.onerror = () => {
      if (this.socket === socket) this.lose('The WebSocket failed.');
    };
  }

  /** Any traffic proves the connection alive: the pending ping is answered. */
  private alive(): void {
    this.settleProbes(true);
    if (this.pongTimer === undefined) return;
    this.options.clock.clearTimeout(this.pongTimer);
    this.pongTimer = undefined;
    this.scheduleKeepAlive();
  }

  private scheduleKeepAlive(): void {
    const { clock, keepAliveIntervalMs } = this.options;
    if (keepAliveIntervalMs <= 0) return;
    clock.clearTimeout(this.keepAliveTimer);
    this.keepAliveTimer = clock.setTimeout(() => {
      this.keepAliveTimer = undefined;
      this.ping();
    }, keepAliveIntervalMs);
  }

  /**
   * Sends a keep-alive ping now (after a wake-up). Resolves `true` once the server answers, or
   * `false` when the connection is closed or silent: then it is dropped as lost.
   */
  probe(): Promise<boolean> {
    if (this._state !== TransportState.Connected) return Promise.resolve(false);
    const answered = new Promise<boolean>((resolve) => this.probes.push(resolve));
    if (this.pongTimer === undefined) {
      this.options.clock.clearTimeout(this.keepAliveTimer);
      this.keepAliveTimer = undefined;
      this.ping();
    }
    return answered;
  }

  private settleProbes(alive: boolean): void {
    for (const resolve of this.probes.splice(0)) resolve(alive);
  }

  private ping(): void {
    const { clock, keepAliveTimeoutMs } = this.options;
    if (this._state !== TransportState.Connected) return;
    this.pongTimer = clock.setTimeout(() => {
      this.pongTimer = undefined;
      this.lose(`No keep-alive answer within ${keepAliveTimeoutMs} ms (half-open connection).`);
    }, keepAliveTimeoutMs);
    this.send(PING).catch(() => undefined);
  }

  /** Detaches and closes the current socket without waiting for its closing handshake. */
  private drop(): void {
    const { clock } = this.options;
    clock.clearTimeout(this.keepAliveTimer);
    clock.clearTimeout(this.pongTimer);
    this.keepAliveTimer = undefined;
    this.pongTimer = undefined;
    this.settleProbes(false);
    const socket = this.socket;
    this.socket = undefined;
    if (!socket) return;
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.onerror = () => undefined;
    try {
      const terminable = socket as SipWebSocket & { terminate?: () => void };
      if (terminable.terminate) terminable.terminate();
      else socket.close(1000);
    } catch {
      // Closing a socket that never opened may throw; it is gone either way.
    }
  }

  private transition(next: TransportState, error?: Error): void {
    if (this._state === next) return;
    this._state = next;
    this._stateChange.emit(next);
    if (next === TransportState.Connected) this.onConnect?.();
    if (next === TransportState.Disconnected) this.onDisconnect?.(error);
  }
}

function lost(message: string, cause?: unknown): SoftphoneError {
  return new SoftphoneError('TRANSPORT_FAILED', message, { cause });
}
