import { parseScenario, type Scenario, type ScenarioInput } from './scenario';

const minutes = (n: number) => n * 60;

/**
 * The default day: a mid-size centre from 08:00, about 200 agents in six skill groups, ten
 * queues over all six channels, a realistic daily arrival curve, impatient callers and chatters.
 */
export const defaultScenario: Scenario = parseScenario({
  name: 'default day',
  startHour: 8,
  hours: 8,
  agents: 200,
  // Quiet night, a ramp from 07:00, peak late morning, a lunch dip, a second hump, a long evening tail.
  arrivalCurve: [
    0.05, 0.03, 0.02, 0.02, 0.03, 0.08, 0.2, 0.4, 0.6, 0.85, 1.0, 0.95, 0.8, 0.85, 0.9, 0.85, 0.7,
    0.55, 0.45, 0.35, 0.25, 0.18, 0.12, 0.08,
  ],
  queues: [
    {
      id: 'voice-billing',
      name: 'Billing line',
      channel: 'voice',
      requiredSkills: [{ skill: 'billing', minProficiency: 5 }],
      priority: 5,
      serviceLevel: { percent: 80, seconds: 20 },
      arrivalsPerHour: 500,
    },
    {
      id: 'voice-tech',
      name: 'Technical support line',
      channel: 'voice',
      requiredSkills: [{ skill: 'tech', minProficiency: 5 }],
      priority: 5,
      serviceLevel: { percent: 80, seconds: 20 },
      arrivalsPerHour: 350,
    },
    {
      id: 'voice-sales',
      name: 'Sales line',
      channel: 'voice',
      requiredSkills: [{ skill: 'sales', minProficiency: 4 }],
      priority: 6,
      serviceLevel: { percent: 80, seconds: 15 },
      arrivalsPerHour: 150,
    },
    {
      id: 'voice-spanish',
      name: 'Línea en español',
      channel: 'voice',
      requiredSkills: [{ skill: 'spanish', minProficiency: 6 }],
      priority: 5,
      serviceLevel: { percent: 80, seconds: 20 },
      arrivalsPerHour: 85,
    },
    {
      id: 'callback',
      name: 'Scheduled callbacks',
      channel: 'callback',
      requiredSkills: [{ skill: 'billing', minProficiency: 5 }],
      priority: 2,
      serviceLevel: { percent: 90, seconds: 900 },
      arrivalsPerHour: 50,
    },
    {
      id: 'chat-support',
      name: 'Web chat',
      channel: 'chat',
      requiredSkills: [{ skill: 'digital', minProficiency: 4 }],
      priority: 4,
      serviceLevel: { percent: 80, seconds: 60 },
      arrivalsPerHour: 650,
    },
    {
      id: 'sms',
      name: 'SMS',
      channel: 'sms',
      requiredSkills: [{ skill: 'digital', minProficiency: 4 }],
      priority: 3,
      serviceLevel: { percent: 80, seconds: 300 },
      arrivalsPerHour: 170,
    },
    {
      id: 'social',
      name: 'Social messages',
      channel: 'social',
      requiredSkills: [{ skill: 'social', minProficiency: 5 }],
      priority: 3,
      serviceLevel: { percent: 80, seconds: 900 },
      arrivalsPerHour: 80,
    },
    {
      id: 'email',
      name: 'Email',
      channel: 'email',
      requiredSkills: [{ skill: 'writing', minProficiency: 5 }],
      priority: 1,
      serviceLevel: { percent: 90, seconds: 4 * 3600 },
      arrivalsPerHour: 220,
    },
  ],
  channels: {
    voice: {
      handleTime: { meanSec: 330, cv: 0.7 },
      wrapUp: { meanSec: 35, cv: 0.5 },
      patience: { meanSec: 150, cv: 1 },
    },
    callback: {
      handleTime: { meanSec: 270, cv: 0.6 },
      wrapUp: { meanSec: 30, cv: 0.5 },
      patience: null,
    },
    chat: {
      handleTime: { meanSec: minutes(11), cv: 0.6 },
      wrapUp: { meanSec: 25, cv: 0.5 },
      patience: { meanSec: 240, cv: 0.8 },
    },
    sms: {
      handleTime: { meanSec: minutes(14), cv: 0.7 },
      wrapUp: { meanSec: 20, cv: 0.5 },
      patience: null,
    },
    social: {
      handleTime: { meanSec: minutes(16), cv: 0.7 },
      wrapUp: { meanSec: 25, cv: 0.5 },
      patience: null,
    },
    email: {
      handleTime: { meanSec: minutes(16), cv: 0.8 },
      wrapUp: { meanSec: 45, cv: 0.5 },
      patience: null,
    },
  },
  agentProfiles: [
    {
      name: 'billing voice',
      share: 0.27,
      skills: [{ skill: 'billing', proficiency: 7 }],
      capacity: { voice: 1, chat: 0, email: 0, sms: 0, social: 0 },
    },
    {
      name: 'tech voice',
      share: 0.22,
      skills: [
        { skill: 'tech', proficiency: 7 },
        { skill: 'billing', proficiency: 3 },
      ],
      capacity: { voice: 1, chat: 0, email: 0, sms: 0, social: 0 },
    },
    {
      name: 'sales',
      share: 0.08,
      skills: [
        { skill: 'sales', proficiency: 7 },
        { skill: 'billing', proficiency: 4 },
      ],
      capacity: { voice: 1, chat: 0, email: 0, sms: 0, social: 0 },
    },
    {
      name: 'spanish blended',
      share: 0.09,
      skills: [
        { skill: 'spanish', proficiency: 9 },
        { skill: 'billing', proficiency: 6 },
        { skill: 'tech', proficiency: 4 },
      ],
      capacity: { voice: 1, chat: 0, email: 0, sms: 0, social: 0 },
    },
    {
      name: 'digital',
      share: 0.22,
      skills: [
        { skill: 'digital', proficiency: 7 },
        { skill: 'social', proficiency: 6 },
        { skill: 'tech', proficiency: 4 },
      ],
      capacity: { voice: 0, chat: 3, email: 0, sms: 2, social: 2 },
    },
    {
      name: 'back office',
      share: 0.12,
      skills: [
        { skill: 'writing', proficiency: 7 },
        { skill: 'billing', proficiency: 4 },
      ],
      capacity: { voice: 0, chat: 0, email: 3, sms: 0, social: 0 },
    },
  ],
  behaviour: {
    thinkTime: { meanSec: 2.5, cv: 0.5 },
    connectDelay: { meanSec: 1.5, cv: 0.3 },
    missProbability: 0.01,
    rejectProbability: 0.005,
    recoverAfterMissSec: 60,
  },
  breaks: { durationMin: 15, everyHours: 2.5 },
  dispositions: [
    { code: 'resolved', weight: 78 },
    { code: 'followUp', weight: 12 },
    { code: 'escalated', weight: 6 },
    { code: 'noAnswer', weight: 4 },
  ],
  rules: { offerTimeoutSec: 15, wrapUpLimitSec: 120, maxMissedOffers: 2 },
  drainHours: 1,
} satisfies ScenarioInput);
