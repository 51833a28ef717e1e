// The agent desktop in the real headless Chromium of the machine (Debian `chromium`, listed in
// scripts/system-packages.txt) through playwright-core; no browser is downloaded. The app is built
// in test mode (a virtual clock the test moves, customers who arrive when asked) and served by
// Vite's preview server on 127.0.0.1. Screenshots go to .artifacts/ (git-ignored).
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../tooling/browserTesting';
import { serveDesktop, type ServedDesktop } from './support/serveDesktop';

const root = join(import.meta.dirname, '..');
const artifacts = join(root, '.artifacts');
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

let desktop: ServedDesktop | undefined;
let browser: Browser | undefined;
let url = '';

beforeAll(async () => {
  desktop = await serveDesktop();
  url = desktop.url;
  // Chromium's fake microphone and camera, granted without a prompt: the device list is real.
  browser = await launchChromium([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
  ]);
  mkdirSync(artifacts, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await desktop?.close();
});

/** The test build's hook: moves the virtual clock, brings customers. */
const advance = (page: Page, ms: number) =>
  page.evaluate((by) => window.switchboard?.advance(by), ms);
const arrive = (page: Page, channel: 'voice' | 'chat' | 'email', customerId?: string) =>
  page.evaluate(([on, who]) => window.switchboard?.arrive(on, who), [channel, customerId] as const);

/** Serious and critical accessibility violations axe-core finds on the page, one line each. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run(),
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

describe.each([
  { name: 'sidebar', width: 360, height: 780 },
  { name: 'desktop', width: 1280, height: 860 },
])('the agent journey at $width px', { timeout: 300_000 }, ({ name, width, height }) => {
  it('takes a chat, an email and a call through wrap-up, with the plugins, and supervises', async () => {
    if (!browser) throw new TypeError('Chromium did not start');
    const page = await browser.newPage({ viewport: { width, height } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    const shot = (step: string) =>
      page.screenshot({ path: join(artifacts, `${name}-${step}.png`), fullPage: true });
    const accessible = async () => {
      expect(await axeViolations(page)).toEqual([]);
    };

    // Sign in as Grace, a supervisor; she starts not ready and becomes available.
    await page.goto(url);
    await page.getByRole('radio', { name: /Grace Hopper/ }).check();
    await shot('01-sign-in');
    await accessible();
    await page.getByRole('button', { name: 'Sign in' }).click();
    const status = page.getByLabel('Status', { exact: true });
    await expect.poll(() => status.inputValue()).toBe('notReady:signedIn');

    // Audio devices from the browser (Chromium's fake ones), picked before any call.
    const audio = page.getByRole('region', { name: 'Audio' });
    await audio.getByRole('button', { name: 'Allow the microphone' }).click();
    const microphone = audio.getByLabel('Microphone');
    await expect
      .poll(() => microphone.locator('option').allTextContents())
      .toContain('Fake Default Audio Input');
    const fake = await microphone
      .locator('option', { hasText: 'Fake Audio Input 1' })
      .getAttribute('value');
    await microphone.selectOption(fake ?? '');
    await expect.poll(() => microphone.inputValue()).toBe(fake);
    await status.selectOption('available');
    await expect.poll(() => status.inputValue()).toBe('available');

    // The supervisor desk's alert: three colleagues of four are not ready.
    const supervisor = page.getByRole('region', { name: 'Supervisor' });
    const alerts = supervisor.getByRole('list', { name: 'Alerts' });
    await expect.poll(() => alerts.textContent()).toContain('% of agents not ready');
    await shot('02-devices-alerts');
    await accessible();

    // A chat from Marie Curie through the chat plugin's widget: accepted, held and resumed.
    await arrive(page, 'chat', 'cus-1');
    await page.getByRole('button', { name: 'Accept chat from Marie Curie' }).waitFor();
    await shot('03-offer');
    await page.getByRole('button', { name: 'Accept chat from Marie Curie' }).click();
    const contact = page.getByRole('region', { name: /Marie Curie/ });
    const messages = contact.getByRole('list', { name: 'Messages' });
    await expect.poll(() => messages.getByRole('listitem').count()).toBe(1); // her subject
    await contact.getByRole('button', { name: 'Hold' }).click();
    await contact.getByRole('button', { name: 'Resume' }).click();

    // A saved reply, found by search, its variables filled, sent into the chat.
    await contact.getByLabel('Search replies').fill('hello');
    await contact.getByRole('button', { name: /Greeting/ }).click();
    await expect
      .poll(() => contact.getByLabel('Reply preview').textContent())
      .toBe('Hello Marie Curie, this is Grace Hopper. How can I help?');
    await contact.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(() => messages.textContent()).toContain('this is Grace Hopper');

    // PCI pause: the input is masked, the card number in the chat shows masked.
    await contact.getByRole('button', { name: 'Pause for card details' }).click();
    const card = contact.getByRole('group', { name: 'Card payment' });
    await expect.poll(() => card.textContent()).toContain('no recording on this line');
    const input = contact.getByRole('textbox', { name: 'Message', exact: true });
    expect(await input.getAttribute('type')).toBe('password');
    await input.fill('4111 1111 1111 1111');
    await contact.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => messages.getByRole('listitem').count()).toBe(3);
    expect(await messages.textContent()).not.toContain('4111');
    await shot('04-chat-pci');
    await accessible();
    await card.getByRole('button', { name: 'Resume recording' }).click();
    expect(await input.getAttribute('type')).toBe('text');

    // A ticket created and escalated; a follow-up on it.
    await contact.getByLabel('Subject').fill('Parcel never arrived');
    await contact.getByRole('button', { name: 'Create ticket' }).click();
    const ticket = contact.getByRole('listitem').filter({ hasText: 'Parcel never arrived' });
    await ticket.getByRole('button', { name: 'Mark open' }).click();
    await ticket.getByRole('button', { name: 'Escalate' }).click();
    await expect.poll(() => ticket.textContent()).toContain('escalated');
    await expect.poll(() => ticket.textContent()).toContain('high');
    const followUp = contact.getByRole('form', { name: 'Follow-up' });
    await followUp.getByLabel('About').selectOption({ label: 'Ticket: Parcel never arrived' });
    await followUp.getByLabel('To do').fill('Call the courier back');
    await followUp.getByRole('button', { name: 'Schedule follow-up' }).click();
    const followUps = page.getByRole('region', { name: 'Follow-ups' });
    const courier = followUps.getByRole('listitem').filter({ hasText: 'Call the courier back' });
    await expect.poll(() => courier.textContent()).toContain('scheduled');
    await shot('05-chat-ticket-follow-up');
    await accessible();

    // Wrap-up with a code from the dispositions plugin and a note.
    await advance(page, 3 * 60_000);
    await contact.getByRole('button', { name: 'End chat' }).click();
    await contact.getByLabel('Disposition').selectOption('resolved');
    await contact.getByLabel('Note').fill('Parcel lost by the courier; ticket escalated.');
    await shot('06-wrap-up');
    await accessible();
    await contact.getByRole('button', { name: 'Complete' }).click();
    await contact.waitFor({ state: 'detached' });

    // An email from Marie: her chat and its note in her history; an email-only saved reply.
    await arrive(page, 'email', 'cus-1');
    await page.getByRole('button', { name: 'Accept email from Marie Curie' }).click();
    const history = contact.getByRole('region', { name: 'History' });
    await expect.poll(() => history.textContent()).toContain('Parcel lost by the courier');
    await expect.poll(() => history.getByRole('listitem').count()).toBe(3); // chat, call, email
    await contact.getByLabel('Search replies').fill('refund');
    await contact.getByRole('button', { name: /Refund on its way/ }).click();
    await contact.getByRole('button', { name: 'Send reply' }).click();
    const sent = contact.getByRole('list', { name: 'Replies sent' });
    await expect.poll(() => sent.textContent()).toContain('Your refund');
    await expect.poll(() => sent.textContent()).toContain('Dear Marie Curie');
    await shot('07-email-reply');
    await accessible();
    await advance(page, 5 * 60_000);
    await contact.getByRole('button', { name: 'End email' }).click();
    // The email queue's own codes.
    const codes = contact.getByLabel('Disposition').locator('option');
    expect(await codes.allTextContents()).toContain('Refund issued');
    await contact.getByLabel('Disposition').selectOption('refundIssued');
    await contact.getByRole('button', { name: 'Complete' }).click();
    await contact.waitFor({ state: 'detached' });

    // A call: the simulated caller picks up; a guided script; PCI; tones; a conference.
    await arrive(page, 'voice', 'cus-2');
    await page.getByRole('button', { name: 'Accept call from Nikola Tesla' }).click();
    const call = page.getByRole('region', { name: /Nikola Tesla/ });
    await call.getByText('Connecting the customer…').waitFor();
    await advance(page, 1_000);
    await call.getByLabel('Run script').selectOption('passwordReset');
    const script = call.getByRole('region', { name: 'Script: Password reset' });
    await script.getByRole('button', { name: 'Failed' }).click();
    await script.getByRole('button', { name: 'Done' }).click();
    await script.getByText('Script finished.').waitFor();
    expect(await script.getByRole('list', { name: 'Steps done' }).textContent()).toContain(
      'Security questions: failed',
    );
    await call.getByRole('button', { name: 'Pause for card details' }).click();
    await call.getByRole('button', { name: 'Resume recording' }).click();
    const keypad = call.getByRole('group', { name: 'Keypad' });
    for (const key of ['1', '2', '#'])
      await keypad.getByRole('button', { name: `Tone ${key}` }).click();
    await expect
      .poll(() => call.getByRole('status', { name: 'Tones sent' }).textContent())
      .toBe('12#');
    await shot('08-call-script');
    await accessible();
    await call.getByLabel('Consult').selectOption('alan');
    await call.getByRole('button', { name: 'Consult' }).click();
    await call.getByRole('button', { name: 'Conference' }).click();
    await expect.poll(() => call.textContent()).toContain('conference');
    await shot('09-call-conference');
    await advance(page, 4 * 60_000);
    await call.getByRole('button', { name: 'End call' }).click();
    await call.getByLabel('Disposition').selectOption('paymentTaken');
    await call.getByRole('button', { name: 'Complete' }).click();
    await call.waitFor({ state: 'detached' });

    // Auto-answer switched on for chats only: a chat is taken without a click.
    await page.getByRole('checkbox', { name: 'Chat' }).check();
    await arrive(page, 'chat', 'cus-4');
    const auto = page.getByRole('region', { name: /Srinivasa Ramanujan/ });
    await auto.getByRole('button', { name: 'End chat' }).click();
    await auto.getByLabel('Disposition').selectOption('resolved');
    await auto.getByRole('button', { name: 'Complete' }).click();
    await auto.waitFor({ state: 'detached' });
    await page.getByRole('checkbox', { name: 'Chat' }).uncheck();

    // A chat sent on to a colleague, who takes it two seconds later.
    await arrive(page, 'chat', 'cus-3');
    await page.getByRole('button', { name: 'Accept chat from Rosalind Franklin' }).click();
    const chat = page.getByRole('region', { name: /Rosalind Franklin/ });
    await chat.getByLabel('Transfer to').selectOption('agent:katherine');
    await chat.getByRole('button', { name: 'Transfer' }).click();
    await chat.waitFor({ state: 'detached' });
    await advance(page, 2_000);

    // An email Grace declines goes back to its queue; after a minute, the wait alert.
    await arrive(page, 'email', 'cus-5');
    await page.getByRole('button', { name: 'Decline email from Hedy Lamarr' }).click();
    const queues = page.getByRole('table', { name: 'Queues' });
    const email = queues.getByRole('row', { name: /Email/ });
    await expect.poll(() => email.getByRole('cell').first().textContent()).toBe('1');
    await advance(page, 65_000);
    await expect.poll(() => alerts.textContent()).toContain('Longest wait in Email');

    // The supervisor's boards; Grace forces Alan available and routing gives him the email.
    const agents = page.getByRole('table', { name: 'Agents' });
    const katherine = agents.getByRole('row', { name: /Katherine Johnson/ });
    await expect.poll(() => katherine.getByRole('cell').nth(1).textContent()).toBe('1');
    const force = page.getByRole('form', { name: 'Force a status' });
    await force.getByLabel('Agent').selectOption('alan');
    await force.getByLabel('New status').selectOption('available');
    await force.getByRole('button', { name: 'Force status' }).click();
    const alan = agents.getByRole('row', { name: /Alan Turing/ });
    await expect.poll(() => alan.getByRole('cell').first().textContent()).toMatch(/^Available/);
    await expect.poll(() => alan.getByRole('cell').nth(1).textContent()).toBe('1');
    await expect.poll(() => email.getByRole('cell').first().textContent()).toBe('0');
    await shot('10-supervisor');
    await accessible();

    // Grace's day: four contacts handled, customers' survey answers in the CSAT figure.
    const kpis = page.getByRole('region', { name: 'My day' });
    await expect.poll(() => kpis.textContent()).toContain('Handled4');
    await expect.poll(() => kpis.textContent()).toMatch(/CSAT\d+ %/);

    // The follow-up comes due five minutes after it was set, overdue ten minutes later.
    await expect.poll(() => courier.textContent()).toContain('due');
    await advance(page, 10 * 60_000);
    await expect.poll(() => courier.textContent()).toContain('overdue');
    await shot('11-kpis-follow-ups');
    await accessible();
    expect(await page.getByRole('alert').textContent()).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  });
});
