import { UserError } from '../../src/errors.js';

/** The UserError `run` ends with; fails the test when it is taken instead, or fails some other way. */
export function refusal(run: () => unknown): UserError {
  try {
    run();
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('expected a UserError, but the input was taken');
}

/** The same for work that may be asynchronous. */
export async function refusalOf(run: () => unknown): Promise<UserError> {
  try {
    await run();
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('expected a UserError, but the input was taken');
}
