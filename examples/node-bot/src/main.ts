// `npm run bot`: the bot on the embedded defaults with four simulated customers, then exits.
// With SWITCHBOARD_DESK_URL and SWITCHBOARD_CHAT_URL set (e.g. from `pnpm run serve` in this
// folder), it logs in to that server centre instead and answers chats until stopped.
import { connectBot } from './connectBot';
import { runEmbeddedDemo } from './embedded';

const deskUrl = process.env.SWITCHBOARD_DESK_URL;
const chatUrl = process.env.SWITCHBOARD_CHAT_URL;

if (deskUrl && chatUrl) {
  const running = await connectBot({ deskUrl, chatUrl, log: console.log });
  console.log(`bot: logged in to ${deskUrl} as ${running.desk.agentId}; Ctrl+C stops it`);
  process.once('SIGINT', () => {
    void running.stop().then(() => process.exit(0));
  });
} else {
  const counts = await runEmbeddedDemo(console.log);
  console.log(
    `--- done: ${String(counts.accepted)} chats accepted, ${String(counts.answered)} answers, ` +
      `${String(counts.handedOff)} handed off, ${String(counts.completed)} ended with the bot`,
  );
}
