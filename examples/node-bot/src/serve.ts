// `pnpm run serve` (in this folder): a server centre for `npm run bot` to connect to. PORT picks
// the port (8787 by default).
import { serveShop } from './serveShop';

const shop = await serveShop(Number(process.env.PORT ?? 8787), console.log);
console.log(`centre: desk protocol on ${shop.deskUrl}, chat gateway on ${shop.chatUrl}`);
console.log(
  `run the bot against it: SWITCHBOARD_DESK_URL=${shop.deskUrl} SWITCHBOARD_CHAT_URL=${shop.chatUrl} npm run bot`,
);
process.once('SIGINT', () => {
  void shop.close().then(() => process.exit(0));
});
