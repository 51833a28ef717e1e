// `@switchboard/plugin-sms-social/node`: the node:http adapter of the inbound webhook.
export { createWebhookListener } from './node/webhookListener';
export type { WebhookListenerOptions } from './node/webhookListener';
