/** A failure of the test harness itself (a server that will not start, a wait that times out). */
export class SetupError extends Error {
  override readonly name = 'SetupError';
}
