const ANSI = /\u001b\[[0-9;]*m/g;

/** The message of the assertion error `fn` throws, without colours; fails when it does not throw. */
export async function failureMessage(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (error) {
    return String((error as Error).message).replace(ANSI, '');
  }
  throw new Error('expected the assertion to fail, but it passed');
}
