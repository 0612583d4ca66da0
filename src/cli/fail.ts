/** Exits with a one-line message and no stack trace: the CLI's errors are for people. */
export function fail(message: string, code = 2): never {
  console.error(`esp-cancel-mock: ${message}`);
  process.exit(code);
}
