// Salesforce: the desk in an Open CTI softphone (Lightning Experience). The call centre's
// "CTI Adapter URL" is this page, which loads the org's opencti_min.js and frames the desk; the
// Open CTI calls are declared in ./opencti.d.ts.
import type { BridgePeer } from '@switchboard/bridge/peer';
import { dial, onCalls, reportToConsole, type ReportError } from './deskCalls';
import type { OpenCti } from './opencti';

/**
 * Wires Open CTI to the desk: a click on a phone number dials it, an offer opens the softphone
 * and pops the caller's record (or a search by number when the desk has no record id), and the
 * disposition is saved as a completed call Task on the record. Resolves to a disposer (Open CTI
 * has no way to remove the click-to-dial listener: after disposal it ignores clicks). A dial the
 * desk refuses goes to `onError`.
 */
export async function connectSalesforce(
  peer: BridgePeer,
  opencti: OpenCti,
  onError: ReportError = reportToConsole,
): Promise<() => void> {
  let live = true;
  opencti.enableClickToDial();
  opencti.onClickToDial({
    listener: ({ number, recordId, recordName }) => {
      if (live)
        dial(peer, { phone: String(number), id: recordId, name: recordName }).catch(onError);
    },
  });
  const stop = await onCalls(peer, {
    'contact.offered': ({ state: { customer } }) => {
      opencti.setSoftphonePanelVisibility({ visible: true });
      if (customer.id)
        opencti.screenPop({
          type: opencti.SCREENPOP_TYPE.SOBJECT,
          params: { recordId: customer.id },
        });
      else if (customer.phone)
        opencti.screenPop({
          type: opencti.SCREENPOP_TYPE.SEARCH,
          params: { searchString: customer.phone },
        });
    },
    'contact.completed': ({ contactId, disposition, state }) => {
      const direction = state.direction === 'inbound' ? 'Inbound' : 'Outbound';
      opencti.saveLog({
        value: {
          entityApiName: 'Task',
          Subject: `${direction} call ${state.customer.phone ?? ''}`.trim(),
          TaskSubtype: 'Call',
          Status: 'Completed',
          CallType: direction,
          CallDisposition: disposition ?? undefined,
          CallObject: contactId,
          WhoId: state.customer.id,
        },
      });
    },
  });
  return () => {
    live = false;
    stop();
  };
}
