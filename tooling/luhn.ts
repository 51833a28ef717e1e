// The Luhn check digit for tests that make card numbers: computed here, apart from the
// redaction code under test, so a mistake there cannot hide in the test data.

/** The Luhn check digit of `body` (the card's digits without it). */
export function luhnCheckDigit(body: readonly number[]): number {
  let sum = 0;
  // From the right, every other digit of the body is doubled (its digits summed), starting with the last.
  body.forEach((digit, index) => {
    const doubled = (body.length - index) % 2 === 1;
    sum += doubled ? ((2 * digit) % 10) + Math.floor((2 * digit) / 10) : digit;
  });
  return (10 - (sum % 10)) % 10;
}
