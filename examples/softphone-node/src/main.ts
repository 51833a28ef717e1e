// Runs the softphone bot from environment variables; see README.md.
import { isSoftphoneError } from '@switchboard/softphone';
import { startBot } from './bot';

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) {
    console.error(`Set ${name} (see examples/softphone-node/README.md).`);
    process.exit(2);
  }
  return value;
};

const log = (line: string) => {
  console.log(`${new Date().toISOString()} ${line}`);
};
const bot = startBot({
  server: env('SIP_SERVER'),
  uri: env('SIP_URI'),
  password: () => env('SIP_PASSWORD'),
  tones: env('BOT_TONES', '1#'),
  talkMs: Number(env('BOT_TALK_MS', '5000')),
  defaultCountry: env('BOT_COUNTRY', 'US'),
  log,
});

try {
  await bot.register();
} catch (error) {
  log(isSoftphoneError(error) ? `could not register: ${error.code}` : String(error));
  process.exit(1);
}

const target = process.env.CALL;
if (target) {
  const call = await bot.call(target);
  log(`calling ${call.getSnapshot().remote.uri}`);
}

const stop = () => {
  log('stopping');
  void bot.dispose().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
