// HubSpot: the desk in a calling extension. HubSpot frames this page (the calling iframe) and
// talks to it through @hubspot/calling-extensions-sdk; this page frames the desk and talks to
// it through the bridge peer. Every SDK call below is a method of the SDK's own types
// (node_modules/@hubspot/calling-extensions-sdk/dist/types/src/CallingExtensions.d.ts).
import type CallingExtensions from '@hubspot/calling-extensions-sdk';
import type { BridgePeer } from '@switchboard/bridge/peer';
import { dial, onCalls, reportToConsole, type ReportError } from './deskCalls';

/**
 * What HubSpot passes to `onDialNumber` when a user clicks a number on a record. The SDK types
 * its handlers as `Function`, so the fields used here are declared by hand: `phoneNumber` as
 * HubSpot's demo apps read it, `objectId` from the calling SDK guide's list of the payload.
 */
export interface HubSpotDialNumber {
  /** The number clicked. */
  readonly phoneNumber: string;
  /** The record (contact or company) the number belongs to. */
  readonly objectId?: number;
}

/** The handlers this wiring gives the SDK's constructor (`eventHandlers`). */
export interface HubSpotHandlers {
  /** HubSpot has loaded the iframe: the app reports itself ready and logged in. */
  readonly onReady: () => void;
  /** A user clicked a number in HubSpot: the desk dials it. */
  readonly onDialNumber: (data: HubSpotDialNumber) => void;
  /** HubSpot created the call's engagement (after `incomingCall`/`outgoingCall`), its id in `engagementId`. */
  readonly onCreateEngagementSucceeded: (data: { readonly engagementId: number }) => void;
}

/** Options of {@link connectHubSpot}. */
export interface HubSpotOptions {
  /** The centre's number: `toNumber` of incoming calls, `fromNumber` of outgoing ones. */
  readonly line: string;
  /** Where a dial the desk refuses is reported; the console by default. */
  readonly onError?: ReportError;
}

/** The SDK methods this wiring calls. */
export type HubSpotSdk = Pick<
  CallingExtensions,
  'initialized' | 'incomingCall' | 'outgoingCall' | 'callAnswered' | 'callEnded' | 'callCompleted'
>;

/**
 * Wires HubSpot's calling SDK to the desk: click-to-dial dials; an inbound offer is an incoming
 * call, a connected outbound call an outgoing one (HubSpot pops the record and creates the
 * engagement), the end of the call ends it and the disposition completes the engagement.
 * `create` builds the SDK with the handlers. Resolves to a disposer.
 */
export async function connectHubSpot(
  peer: BridgePeer,
  create: (eventHandlers: HubSpotHandlers) => HubSpotSdk,
  options: HubSpotOptions,
): Promise<() => void> {
  let live = true;
  let pending: string | undefined; // the call whose engagement HubSpot is creating
  const engagements = new Map<string, number>(); // contact id → engagement id
  const sdk = create({
    // Called by HubSpot later, on a message: `sdk` is assigned by then.
    onReady: () => {
      sdk.initialized({ isLoggedIn: true });
    },
    onDialNumber: ({ phoneNumber, objectId }) => {
      if (live)
        dial(peer, { phone: phoneNumber, id: objectId?.toString() }).catch(
          options.onError ?? reportToConsole,
        );
    },
    onCreateEngagementSucceeded: ({ engagementId }) => {
      if (pending) engagements.set(pending, engagementId);
    },
  });
  const stop = await onCalls(peer, {
    'contact.offered': ({ contactId, state }) => {
      pending = contactId;
      const fromNumber = state.customer.phone ?? '';
      sdk.incomingCall({ externalCallId: contactId, fromNumber, toNumber: options.line });
    },
    'contact.connected': ({ contactId, state }) => {
      if (state.direction === 'inbound') {
        sdk.callAnswered({ externalCallId: contactId });
        return;
      }
      pending = contactId;
      const toNumber = state.customer.phone ?? '';
      sdk.outgoingCall({ externalCallId: contactId, toNumber, fromNumber: options.line });
    },
    'contact.wrapUpStarted': ({ contactId }) => {
      const engagementId = engagements.get(contactId);
      if (engagementId !== undefined)
        sdk.callEnded({ externalCallId: contactId, engagementId, callEndStatus: 'COMPLETED' });
    },
    'contact.completed': ({ contactId, disposition, at }) => {
      const engagementId = engagements.get(contactId);
      engagements.delete(contactId);
      if (engagementId === undefined) return;
      sdk.callCompleted({
        externalCallId: contactId,
        engagementId,
        engagementProperties: {
          hs_timestamp: at,
          hs_call_body: `Disposition: ${disposition ?? 'none'}`,
        },
      });
    },
  });
  return () => {
    live = false;
    stop();
  };
}
