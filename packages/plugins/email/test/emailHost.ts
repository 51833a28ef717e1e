import type { PluginEntry } from '@switchboard/core';
import { createTestHost, type TestHost } from '@switchboard/core/testing';
import { createEmailInbox } from '../src/createEmailInbox';
import { emailChannel } from '../src/emailPlugin';
import type { EmailTransport } from '../src/message';

/**
 * A test host with the `email` plugin loaded and an inbox on its centre. The host makes the
 * centre, so the inbox reaches it through a late-bound view of it.
 */
export async function createEmailHost(transport: EmailTransport, plugins: PluginEntry[] = []) {
  const late: { host?: TestHost } = {};
  const center = () => {
    if (!late.host) throw new TypeError('The test host is not created yet.');
    return late.host.center;
  };
  const inbox = createEmailInbox({
    center: {
      openContact: (input) => center().openContact(input),
      getSnapshot: () => center().getSnapshot(),
    },
    queueId: 'default',
  });
  const host = await createTestHost({
    plugins: [
      {
        plugin: emailChannel,
        config: {
          threads: inbox,
          transport,
          from: { address: 'support@example.com', name: 'Support' },
        },
      },
      ...plugins,
    ],
  });
  late.host = host;
  return { host, inbox, api: host.desk.plugin('email') };
}
