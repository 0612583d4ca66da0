/**
 * Text of request values for error messages, built without recursion: a value nested 5,000 deep (a
 * 10 KB body) must give the vendor's 400, never a stack overflow. `JSON.stringify` and
 * `Array.prototype.join` both recurse once per level.
 */

/** Marks literal text on the work stack of {@link previewJson}. */
class Literal {
  constructor(readonly text: string) {}
}

/**
 * `JSON.stringify(value)`, iteratively, cut after `maxChars` characters (with `…`).
 * @see https://tc39.es/ecma262/#sec-json.stringify
 */
export function previewJson(value: unknown, maxChars = 1_000): string {
  let out = '';
  const stack: unknown[] = [value];
  while (stack.length > 0 && out.length <= maxChars) {
    const item = stack.pop();
    if (item instanceof Literal) out += item.text;
    else if (Array.isArray(item)) {
      out += '[';
      stack.push(new Literal(']'));
      for (let index = item.length - 1; index >= 0; index -= 1) {
        stack.push(item[index] === undefined ? null : item[index]);
        if (index > 0) stack.push(new Literal(','));
      }
    } else if (typeof item === 'object' && item !== null) {
      out += '{';
      stack.push(new Literal('}'));
      const entries = Object.entries(item).filter(([, member]) => member !== undefined);
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const [name, member] = entries[index] as [string, unknown];
        stack.push(member, new Literal(`${index > 0 ? ',' : ''}${JSON.stringify(name)}:`));
      }
    } else out += JSON.stringify(item) ?? 'null';
  }
  return out.length > maxChars ? `${out.slice(0, maxChars)}…` : out;
}

/**
 * `String(array)` (what `Array.prototype.join` gives: nested arrays flattened, `null` and `undefined`
 * empty), iteratively, cut after `maxChars` characters.
 * @see https://tc39.es/ecma262/#sec-array.prototype.join
 */
export function joinDeep(value: readonly unknown[], maxChars = 1_048_576): string {
  let out = '';
  const stack: unknown[] = [value];
  let first = true;
  while (stack.length > 0 && out.length <= maxChars) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      if (item.length === 0) {
        if (!first) out += ',';
        first = false;
        continue;
      }
      for (let index = item.length - 1; index >= 0; index -= 1) stack.push(item[index]);
      continue;
    }
    if (!first) out += ',';
    first = false;
    out += item === null || item === undefined ? '' : String(item);
  }
  return out.length > maxChars ? `${out.slice(0, maxChars)}…` : out;
}
