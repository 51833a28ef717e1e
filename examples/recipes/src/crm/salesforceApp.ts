// The page Salesforce frames as the softphone: the call centre's "CTI Adapter URL". It loads
// the org's /support/api/<version>/lightning/opencti_min.js before this script, frames the desk
// (<iframe id="desk" src="https://desk.example.com">), accepts its bridge and wires Open CTI.
import { acceptDesk } from './deskCalls';
import type { OpenCti } from './opencti';
import { connectSalesforce } from './salesforce';

/** The global opencti_min.js defines. */
declare const sforce: { readonly opencti: OpenCti };

const desk = await acceptDesk('https://desk.example.com'); // the desk's exact origin
await connectSalesforce(desk, sforce.opencti);
