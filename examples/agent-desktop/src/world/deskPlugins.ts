import type { Channel, PluginEntry } from '@switchboard/core';
import { autoAnswer } from '@switchboard/plugin-auto-answer';
import { callScripts } from '@switchboard/plugin-call-scripts';
import { cannedResponses, type ReplySender } from '@switchboard/plugin-canned-responses';
import { chat } from '@switchboard/plugin-chat';
import { csat, type SurveySender } from '@switchboard/plugin-csat';
import { dispositions } from '@switchboard/plugin-dispositions';
import { redaction, type RecorderPort } from '@switchboard/plugin-redaction';
import { supervisorDesk } from '@switchboard/plugin-supervisor';
import { autoAnswerChannels, type AutoAnswerChoice } from '../plugins/autoAnswerChannels';
import type { World } from './createWorld';
import { queueDispositions } from './dispositionCodes';
import { savedMacros, savedReplies } from './savedReplies';

/** What a session hands over for its desk's plugins. */
export interface DeskPluginParts {
  /** The embedded world. */
  readonly world: World;
  /** Whether the agent supervises (the supervisor desk loads only then). */
  readonly supervisor: boolean;
  /** The recording of a call, for the PCI pause (the softphone's call; none when simulated). */
  readonly recorder: RecorderPort;
  /** Where saved replies go: the chat plugin for chats, the outbox for email. */
  readonly sender: ReplySender;
  /** Where CSAT surveys go. */
  readonly survey: SurveySender;
  /** The channels auto-answer may accept. */
  readonly autoAnswer: AutoAnswerChoice;
}

/** The channels auto-answer can take, with how long it lets a voice offer ring first. */
export const autoAnswerDelays: readonly { channel: Channel; delayMs: number }[] = [
  { channel: 'voice', delayMs: 2_000 },
  { channel: 'chat', delayMs: 0 },
  { channel: 'email', delayMs: 0 },
];

/** The first-party plugins of every desk, each through its public configuration. */
export function deskPlugins(parts: DeskPluginParts): PluginEntry[] {
  const { world } = parts;
  return [
    ...world.config.plugins,
    { plugin: chat, config: { connect: world.chat.dial } },
    {
      plugin: callScripts,
      config: {
        assign: [
          { script: 'passwordReset', when: subjectIs('Forgot my password') },
          { script: 'orderInquiry', when: subjectIs('Where is my order?') },
          { script: 'accountActivation', when: subjectIs('Activate my new account') },
          { script: 'technicalSupport', queues: ['phone'] },
        ],
        notes: world.book,
      },
    },
    {
      plugin: dispositions,
      config: { centre: world.center, queues: queueDispositions, notes: world.book },
    },
    { plugin: redaction, config: { pci: { recorder: parts.recorder } } },
    {
      plugin: cannedResponses,
      config: {
        responses: savedReplies,
        macros: savedMacros,
        queueNames: Object.fromEntries(
          [...world.center.queues.values()].map((queue) => [queue.id, queue.name]),
        ),
        sender: parts.sender,
      },
    },
    { plugin: csat, config: { send: parts.survey, kpis: world.kpis } },
    { plugin: autoAnswer, config: { channels: [...autoAnswerDelays] } },
    autoAnswerChannels(parts.autoAnswer),
    ...(parts.supervisor
      ? [
          {
            plugin: supervisorDesk,
            config: {
              alerts: {
                serviceLevelBelow: 80,
                longestWaitAboveMs: 60_000,
                notReadyAbovePercent: 50,
              },
            },
          },
        ]
      : []),
  ];
}

const subjectIs = (subject: string) => ({ fact: 'contact.attributes.subject', equals: subject });
