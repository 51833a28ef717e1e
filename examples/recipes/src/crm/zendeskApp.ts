// The page a Zendesk Support app shows in its `top_bar` location (the manifest's `url`). It
// loads zaf_sdk.min.js before this script, frames the desk
// (<iframe id="desk" src="https://desk.example.com">), accepts its bridge and wires the client.
import { acceptDesk } from './deskCalls';
import { connectZendesk, type ZafClient } from './zendesk';

/** The global zaf_sdk.min.js defines. */
declare const ZAFClient: { init(): ZafClient };

const desk = await acceptDesk('https://desk.example.com'); // the desk's exact origin
await connectZendesk(desk, ZAFClient.init());
