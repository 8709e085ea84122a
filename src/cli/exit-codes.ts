/** Exit codes of `spp`: 0 success, 1 invalid input (the report says why), 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_INVALID_INPUT = 1;
export const EXIT_USAGE = 2;

/** A wrong command line: unknown option, missing argument, bad number. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
