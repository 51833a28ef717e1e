// Zendesk: the desk in a Support app (a `top_bar` location, so it lives across tickets). Zendesk
// frames this page and talks to it through the ZAF SDK (`ZAFClient.init()` from
// https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js); this page frames
// the desk and talks to it through the bridge peer. The npm package zendesk_app_framework_sdk
// (2.0.11) ships no types, so the client calls used are declared here, after the ZAF docs:
// - `on`/`off`: ZAF Client API; `voice.dialout` is the click-to-call event Zendesk sends to
//   Talk Partner Edition apps, with the clicked `number`;
// - `invoke('routeTo', 'user' | 'ticket', id)`: ZAF Support API, "routeTo";
// - `request`: ZAF Client API, calling the Support REST API (`GET /api/v2/users/search`,
//   `POST /api/v2/tickets`) with the agent's session.
import type { BridgePeer } from '@switchboard/bridge/peer';
import { dial, onCalls, reportToConsole, type ReportError } from './deskCalls';

/** The ZAF client methods this wiring uses. */
export interface ZafClient {
  /** Listens to a framework event. */
  on(event: 'voice.dialout', handler: (event: { readonly number: string }) => void): void;
  /** Stops listening. */
  off(event: 'voice.dialout', handler: (event: { readonly number: string }) => void): void;
  /** Opens a record in the agent's workspace. */
  invoke(name: 'routeTo', kind: 'user' | 'ticket', id: string | number): Promise<unknown>;
  /** Calls the Support REST API as the signed-in agent. */
  request<T>(options: {
    readonly url: string;
    readonly type?: 'GET' | 'POST';
    readonly contentType?: string;
    readonly data?: string;
  }): Promise<T>;
}

/**
 * Wires a ZAF app to the desk: Zendesk's click-to-call dials, an offer opens the caller's user
 * profile (the desk's customer id, or a user search by phone), and the disposition files a
 * ticket with a private comment for the caller. Resolves to a disposer. A dial or a Zendesk call
 * that fails goes to `onError`.
 */
export async function connectZendesk(
  peer: BridgePeer,
  client: ZafClient,
  onError: ReportError = reportToConsole,
): Promise<() => void> {
  const onDialout = ({ number }: { readonly number: string }) => {
    dial(peer, { phone: number }).catch(onError);
  };
  client.on('voice.dialout', onDialout);
  const userOf = async (customer: { id?: string; phone?: string }) => {
    if (customer.id) return customer.id;
    if (!customer.phone) return undefined;
    const query = encodeURIComponent(customer.phone);
    const found = await client.request<{ users: { id: number }[] }>({
      url: `/api/v2/users/search.json?query=${query}`,
    });
    return found.users[0]?.id;
  };
  const stop = await onCalls(peer, {
    'contact.offered': ({ state }) => {
      userOf(state.customer)
        .then((id) => id && client.invoke('routeTo', 'user', id))
        .catch(onError);
    },
    'contact.completed': ({ contactId, disposition, state }) => {
      userOf(state.customer)
        .then((requester) =>
          client.request({
            url: '/api/v2/tickets.json',
            type: 'POST',
            contentType: 'application/json',
            data: JSON.stringify({
              ticket: {
                subject: `${state.direction} call ${state.customer.phone ?? ''}`.trim(),
                requester_id: requester,
                comment: {
                  body: `Disposition: ${disposition ?? 'none'} (contact ${contactId})`,
                  public: false,
                },
                tags: disposition ? [`disposition_${disposition}`] : [],
              },
            }),
          }),
        )
        .catch(onError);
    },
  });
  return () => {
    client.off('voice.dialout', onDialout);
    stop();
  };
}
