/**
 * The Levenshtein distance of two strings (insert, delete, substitute: cost 1 each), in O(a·b) time
 * and O(b) memory. Callers bound the lengths: this is for names and short paths, never whole bodies.
 *
 * @see https://en.wikipedia.org/wiki/Levenshtein_distance
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitute);
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** Names longer than this get no suggestion: the distance is quadratic in length. */
const MAX_NAME_LENGTH = 64;

/**
 * The candidate closest to a mistyped name (`--prot` → `--port`, `omdea` → `omeda`), or undefined
 * when none is close: at most a third of the name's characters differ (and at least 2 may), or one is
 * a prefix of the other.
 *
 * @see https://en.wikipedia.org/wiki/Levenshtein_distance
 */
export function closestName(input: string, candidates: readonly string[]): string | undefined {
  if (input.length === 0 || input.length > MAX_NAME_LENGTH) return undefined;
  const wanted = input.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const candidate = name.toLowerCase();
    const prefix = candidate.startsWith(wanted) || wanted.startsWith(candidate);
    const distance = prefix ? Math.abs(candidate.length - wanted.length) * 0.1 : editDistance(wanted, candidate);
    if (!prefix && distance > Math.max(2, Math.floor(wanted.length / 3))) continue;
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best?.name;
}
