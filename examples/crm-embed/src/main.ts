// Serves the demo: open the CRM address, click "Available" in the desk, then "Call".
import { startEmbedServers } from './servers';

const servers = await startEmbedServers();
console.log(`CRM page:     ${servers.crm}/`);
console.log(`Desk (frame): ${servers.desk}/`);
console.log(
  `Hostile page: ${servers.hostile}/embed (frames the desk; the desk refuses to talk to it)`,
);
console.log('Press Ctrl+C to stop.');
process.once('SIGINT', () => {
  void servers.close().then(() => process.exit(0));
});
