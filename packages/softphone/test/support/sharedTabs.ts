// Helpers of the Chromium suites that drive alice's shared softphone in several tabs
// (test/browser/survivalPage.ts) against a far-end page.
import type { BrowserContext, Page } from 'playwright-core';
import { run } from '../../../../tooling/sip/softphonePage';
import { until } from './browserHarness';
import { users } from './phones';
import type { SoftphoneSuite } from './softphoneSuite';

/** An event a page recorded (see survivalPage.ts). */
export interface PageEvent {
  name: string;
  payload: Record<string, unknown>;
}

/** Polls `page`'s recorded events until one named `name` arrives. */
export function untilEvent(page: Page, name: string, what: string, timeoutMs?: number) {
  return until(
    async () => (await run<PageEvent[]>(page, 'events')).some((event) => event.name === name),
    what,
    timeoutMs,
  );
}

/** The events named `name` that `page` recorded. */
export async function eventsNamed(page: Page, name: string): Promise<PageEvent[]> {
  return (await run<PageEvent[]>(page, 'events')).filter((event) => event.name === name);
}

/** `caller` calls alice and `tab` (one of alice's tabs) answers once it rings; both call ids. */
export async function callAndAnswer(caller: Page, tab: Page) {
  const callerCallId = await run<string>(caller, 'call', 'alice');
  await until(async () => (await run<string>(tab, 'status')) === 'ringing', 'ringing');
  const callId = await run<string>(tab, 'callId');
  await run(tab, 'answer');
  return { callId, callerCallId };
}

/**
 * A tab of `context` whose page runs alice's shared softphone, connected to `server`
 * (Kamailio's WebSocket by default); `callSurvivalMs` as in the softphone's options.
 */
export async function openSharedTab(
  suite: SoftphoneSuite,
  context: BrowserContext,
  server = suite.kamailio.wsUrl,
  callSurvivalMs?: number,
) {
  const page = await context.newPage();
  await page.goto(suite.origin);
  await run(page, 'startShared', server, suite.uriOf('alice'), users.alice, callSurvivalMs);
  return page;
}
