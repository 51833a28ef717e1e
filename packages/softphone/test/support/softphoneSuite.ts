// The set-up every Chromium suite of the softphone shares: a real Kamailio on 127.0.0.1, the
// bundled page script, and headless Chromium, started before the suite and stopped after it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  fakeMediaFlags,
  launchChromium,
  servePage,
  type Origin,
} from '../../../../tooling/browserTesting';
import { freePort } from '../../../../tooling/ports';
import { SetupError } from '../../../../tooling/setupError';
import { startKamailio, type Kamailio } from '../../../../tooling/sip/kamailio';
import { run } from '../../../../tooling/sip/softphonePage';
import { users } from './phones';

/** One of the test users Kamailio knows. */
export type User = keyof typeof users;

/** What {@link useSoftphoneSuite} gives a suite; valid inside its tests. */
export interface SoftphoneSuite {
  /** The running Kamailio. */
  readonly kamailio: Kamailio;
  /** The headless browser. */
  readonly browser: Browser;
  /** The origin serving the page script, `http://127.0.0.1:PORT`. */
  readonly origin: string;
  /** `sip:USER@DOMAIN` of a test user. */
  readonly uriOf: (user: User) => string;
  /** Starts the page's softphone in `page` as `user`; `extra` goes to the page's `start`. */
  readonly start: (page: Page, user: User, ...extra: unknown[]) => Promise<void>;
  /** A page in a browser context of its own (its own storage), started as `user`. */
  readonly softphonePage: (user: User, ...extra: unknown[]) => Promise<Page>;
}

/**
 * Registers the suite's `beforeAll`/`afterAll`: Kamailio with the test users, `pageScript`
 * (relative to this folder's parent, e.g. `browser/page.ts`) bundled and served, and Chromium
 * launched with `flags`.
 */
export function useSoftphoneSuite(
  pageScript: string,
  flags: readonly string[] = fakeMediaFlags,
): SoftphoneSuite {
  let kamailio: Kamailio | undefined;
  let pages: Origin | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    kamailio = await startKamailio({ users, gatewayPort: await freePort(true) });
    pages = await servePage(new URL(`../${pageScript}`, import.meta.url));
    browser = await launchChromium(flags);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await kamailio?.stop();
  });

  const ready = () => {
    if (!kamailio || !pages || !browser)
      throw new SetupError('The softphone suite has not started.');
    return { kamailio, pages, browser };
  };
  const uriOf = (user: User) => `sip:${user}@${ready().kamailio.domain}`;
  const start = async (page: Page, user: User, ...extra: unknown[]) => {
    await run(page, 'start', ready().kamailio.wsUrl, uriOf(user), users[user], ...extra);
  };

  return {
    get kamailio() {
      return ready().kamailio;
    },
    get browser() {
      return ready().browser;
    },
    get origin() {
      return ready().pages.origin;
    },
    uriOf,
    start,
    softphonePage: async (user, ...extra) => {
      const page = await (await ready().browser.newContext()).newPage();
      await page.goto(ready().pages.origin);
      await start(page, user, ...extra);
      return page;
    },
  };
}
