import { describe, expect, it } from 'vitest';
import { demoCustomers } from '../src/customers';
import { runEmbeddedDemo } from '../src/embedded';

describe('the bot on the embedded centre', () => {
  it('answers the FAQs, hands the rest to a person, and ends the chats it resolved', async () => {
    const lines: string[] = [];
    const counts = await runEmbeddedDemo((line) => lines.push(line));
    expect(counts).toEqual({ accepted: 4, answered: 3, handedOff: 2, completed: 2, failures: 0 });
    expect(lines).toContain(
      'bot → Grace: We are open Monday to Friday, 8:00 to 18:00, and Saturday 9:00 to 13:00.',
    );
    // Asking for a person hands off at once; two questions it cannot read hand off too.
    expect(lines).toContain('bot: Linus transferred to support');
    expect(lines).toContain(
      'bot → Barbara: Sorry, I did not get that. Could you put it another way?',
    );
    expect(lines).toContain('bot: Barbara transferred to support');
    // The person gets the whole conversation with the bot.
    expect(lines).toContain(
      'ada → Barbara: Hi Barbara, Ada here. I have read your 2 message(s) to the bot; let me sort this out.',
    );
  }, 60_000);

  it('goes on serving when a hand-off fails', async () => {
    const lines: string[] = [];
    const customers = [
      { name: 'Eve', lines: ['Put me through to a person'] },
      demoCustomers[0] ?? { name: 'Grace', lines: ['When are you open?'] },
    ];
    const counts = await runEmbeddedDemo((line) => lines.push(line), customers, 'nowhere');
    expect(counts).toMatchObject({ accepted: 2, answered: 1, handedOff: 0, failures: 1 });
    expect(lines.some((line) => line.startsWith('bot: transfer') && line.includes('failed'))).toBe(
      true,
    );
    expect(lines).toContain(
      'bot → Grace: We are open Monday to Friday, 8:00 to 18:00, and Saturday 9:00 to 13:00.',
    );
  }, 60_000);
});
