// The example's contact centre: chats land with the bot first; people take what it hands off.
import { createContactCenter, type AgentInput, type ContactCenter } from '@switchboard/core';

/** The queue the chat widget opens chats in: only the bot serves it. */
export const botQueueId = 'bot';
/** The queue the bot hands off to: people serve it. */
export const humanQueueId = 'support';

/** The bot's roster entry: several chats at once, nothing else. */
export const botAgent: AgentInput = {
  id: 'bot',
  name: 'Shop bot',
  skills: [{ skill: 'bot', proficiency: 10 }],
  capacity: { voice: 0, chat: 10, email: 0, sms: 0, social: 0 },
};

/** A person on the support queue. */
export const humanAgent: AgentInput = {
  id: 'ada',
  name: 'Ada',
  skills: [{ skill: 'support', proficiency: 8 }],
  capacity: { voice: 1, chat: 3, email: 5, sms: 3, social: 3 },
};

/** A centre with the two queues and both agents on its roster. */
export function createShopCentre(): ContactCenter {
  const center = createContactCenter({
    queues: [
      { id: botQueueId, name: 'Bot', channels: ['chat'], requiredSkills: [{ skill: 'bot' }] },
      { id: humanQueueId, name: 'Support', requiredSkills: [{ skill: 'support' }] },
    ],
  });
  center.registerAgent(botAgent);
  center.registerAgent(humanAgent);
  return center;
}
