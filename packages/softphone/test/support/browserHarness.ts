// The softphone's own helpers over its Chromium pages (the shared parts, Chromium, serving a page
// and `run`, are in tooling/browserTesting.ts and tooling/sip/softphonePage.ts).
import type { Page } from 'playwright-core';
import { SetupError } from '../../../../tooling/setupError';
import { run } from '../../../../tooling/sip/softphonePage';

/** Polls `check` every 100 ms until it holds; a setup error after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 8000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new SetupError(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Whether `page` receives audio: its `bytesReceived()` count grows within `ms`. */
export async function receiving(page: Page, ms = 600): Promise<boolean> {
  const before = await run<number>(page, 'bytesReceived');
  await new Promise((resolve) => setTimeout(resolve, ms));
  return (await run<number>(page, 'bytesReceived')) > before;
}
