/** Java's `Long.MIN_VALUE` and `Long.MAX_VALUE`, as BigInts (never JS numbers: both are beyond 2^53). */
const LONG_MIN = -9223372036854775808n;
const LONG_MAX = 9223372036854775807n;
const DECIMAL = /^-?0*[0-9]{1,19}$/;

/**
 * Reads a path id as a Java `long` in decimal: the spec's pattern plus the 64-bit range check the
 * pattern cannot express. Answers the id as Java would print it (`0042` → `42`, `-0` → `0`), or
 * `null` when it is not a long. The BigInt is exact, so the id never passes through a JS number.
 *
 * @see ../../openapi/voltmx.yaml components.parameters.EmailRequestId
 */
export function toJavaLong(id: string): string | null {
  if (!DECIMAL.test(id)) return null;
  const value = BigInt(id);
  return value >= LONG_MIN && value <= LONG_MAX ? value.toString() : null;
}
