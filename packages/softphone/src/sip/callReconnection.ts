import { SessionState } from 'sip.js';
import type { CallHandle, CallParts } from './sipCall';

/** What a call's reconnection acts on (an ICE restart is a re-INVITE). @internal */
export interface ReconnectionContext extends CallParts {
  /** Whether another tab carries the call (that tab reconnects it). */
  readonly moved: () => boolean;
}

/** How a call lives through a lost connection: suspended, then restored or abandoned. @internal */
export type CallReconnection = Pick<
  CallHandle,
  'suspend' | 'restore' | 'abandon' | 'flush' | 'owesBye'
>;

/** The {@link CallReconnection} of one call. @internal */
export function createCallReconnection(reconnecting: ReconnectionContext): CallReconnection {
  const { state, ending, session, moved } = reconnecting;
  let owesBye = false;
  return {
    suspend() {
      if (!moved()) state.update({ reconnecting: true });
    },
    async restore(outageMs) {
      if (state.snapshot().status !== 'connected' || moved()) {
        state.update({ reconnecting: false });
        return;
      }
      await reconnecting.requests.renegotiate({ held: state.snapshot().held, iceRestart: true });
      state.update({ reconnecting: false });
      reconnecting.context.emit('call.restored', { call: state.snapshot(), outageMs });
    },
    abandon() {
      if (state.snapshot().status === 'ended' || moved()) return;
      owesBye = session().state === SessionState.Established;
      ending.endAs('connectionLost');
      state.end('connectionLost', null);
      if (!owesBye)
        void session()
          .dispose()
          .catch(() => undefined);
    },
    flush() {
      if (!owesBye) return;
      owesBye = false;
      if (session().state === SessionState.Established)
        session()
          .bye()
          .catch(() => undefined);
    },
    get owesBye() {
      return owesBye;
    },
  };
}
