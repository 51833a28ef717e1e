import {
  createSoftphone,
  createStaticMedia,
  type Call,
  type Softphone,
} from '@switchboard/softphone';
import WebSocket from 'ws';

/** What the bot needs to know. */
export interface BotOptions {
  /** The registrar's WebSocket URL, e.g. `ws://127.0.0.1:8080`. */
  readonly server: string;
  /** The bot's SIP address, e.g. `sip:bot@pbx.example.com`. */
  readonly uri: string;
  /** Returns the SIP password when the registrar asks for it. */
  readonly password: () => string;
  /** Tones sent once a call is connected, e.g. `1#`. */
  readonly tones: string;
  /** How long the bot stays on a call before hanging up, in ms. */
  readonly talkMs: number;
  /** Country for national numbers, e.g. `US`. */
  readonly defaultCountry?: string;
  /** Where the bot says what happens. */
  readonly log: (line: string) => void;
}

/**
 * A softphone bot: registers, answers every incoming call, sends `tones`, and hangs up after
 * `talkMs`. Node has no WebRTC, so the calls carry a fixed SDP (no audio) and DTMF goes by
 * SIP INFO.
 */
export function startBot(options: BotOptions): Softphone {
  const phone = createSoftphone({
    server: options.server,
    uri: options.uri,
    credentials: options.password,
    media: createStaticMedia(),
    webSocket: WebSocket,
    holdOnAnswer: false, // a bot talks to every caller at once: no call waiting
    ...(options.defaultCountry ? { defaultCountry: options.defaultCountry } : {}),
  });
  phone.on('registration.changed', ({ registration }) => {
    options.log(`registration: ${registration.status}`);
  });
  phone.on('call.incoming', ({ call }) => {
    const { remote } = call.getSnapshot();
    options.log(`incoming call from ${remote.number ?? remote.uri}: answering`);
    void call.answer();
  });
  phone.on('call.connected', ({ call }) => {
    const live = phone.getCall(call.id);
    if (live) {
      talk(live, options).catch((error: unknown) => {
        options.log(`call ${call.id}: ${String(error)}`);
      });
    }
  });
  phone.on('call.dtmfReceived', ({ tone }) => {
    options.log(`received DTMF ${tone}`);
  });
  phone.on('call.ended', ({ call }) => {
    options.log(`call ${call.id} ended: ${call.endReason ?? 'unknown'}`);
  });
  phone.on('error', ({ error }) => {
    options.log(`error ${error.code}: ${error.message}`);
  });
  return phone;
}

async function talk(call: Call, options: BotOptions) {
  options.log(`call ${call.id} connected`);
  if (options.tones) {
    await call.sendDtmf(options.tones);
    options.log(`sent DTMF ${options.tones}`);
  }
  await new Promise((resolve) => setTimeout(resolve, options.talkMs));
  if (call.getSnapshot().status === 'connected') await call.hangUp();
}
