// The page HubSpot frames as the calling extension's iframe (the `url` of the app's calling
// settings). It frames the desk (<iframe id="desk" src="https://desk.example.com">), accepts
// its bridge and wires the SDK.
import CallingExtensions, { type EventHandlers } from '@hubspot/calling-extensions-sdk';
import { acceptDesk } from './deskCalls';
import { connectHubSpot } from './hubspot';

const desk = await acceptDesk('https://desk.example.com'); // the desk's exact origin
await connectHubSpot(
  desk,
  (eventHandlers) =>
    // The SDK types every handler as required but calls only those it is given.
    new CallingExtensions({
      debugMode: false,
      eventHandlers: eventHandlers as unknown as EventHandlers,
    }),
  { line: '+15550000000' },
);
