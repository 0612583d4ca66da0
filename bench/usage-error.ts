/**
 * How the bench's scripts refuse their options: the problem and the script's usage on stderr, exit
 * code 2 (a usage error, as the CLI's own).
 */

/** Prints `message` and `usage`, then exits with code 2. */
export function refuse(message: string, usage: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

/** The option `name` of `values` as a whole number of at least `least`, else refused with `usage`. */
export function wholeNumber<V extends Readonly<Record<string, unknown>>>(
  values: V,
  name: Extract<keyof V, string>,
  least: number,
  usage: string,
): number {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < least)
    refuse(`--${name} must be a whole number from ${least}, got '${String(values[name])}'`, usage);
  return value;
}
