/**
 * A callgrind dump's instructions per function, JIT code included: what `npm run bench:threads --
 * --callgrind <file>` prints below its total. Valgrind knows only the functions of native code (node's
 * own, V8's builtins and runtime, libc); the code V8 compiles at run time is a nameless address to it.
 * With `--dump-instr=yes` the dump gives each instruction's address, and `node --perf-basic-prof` writes
 * the address range of every function V8 compiles to `/tmp/perf-<pid>.map`: an address inside one of
 * those ranges is that function's, any other the native function callgrind names.
 *
 * Costs are exclusive (a function's own instructions, not those of the functions it calls): a call's
 * line in the dump carries the callee's inclusive cost, and is left out.
 *
 * @see https://valgrind.org/docs/manual/cl-format.html
 * @see https://nodejs.org/docs/latest-v20.x/api/cli.html#--perf-basic-prof
 */
import { readFileSync } from 'node:fs';

/** One function compiled at run time: where its code starts, how long it is, and its name. */
interface JitRange {
  readonly start: number;
  readonly size: number;
  readonly name: string;
}

/** The ranges of a `--perf-basic-prof` map (`<start hex> <size hex> <name>` a line), sorted by start. */
export function readPerfMap(text: string): JitRange[] {
  const ranges: JitRange[] = [];
  for (const line of text.split('\n')) {
    const [, start, size, name] = /^([0-9a-f]+) ([0-9a-f]+) (.*)$/i.exec(line) ?? [];
    if (start && size && name !== undefined) ranges.push({ start: Number.parseInt(start, 16), size: Number.parseInt(size, 16), name });
  }
  return ranges.sort((a, b) => a.start - b.start);
}

/** The name of the JIT function whose code holds `address`, if any (binary search over the sorted ranges). */
function jitNameAt(ranges: readonly JitRange[], address: number): string | undefined {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = ranges[middle] as JitRange;
    if (address < range.start) high = middle - 1;
    else if (address >= range.start + range.size) low = middle + 1;
    else return range.name;
  }
  return undefined;
}

/**
 * Instructions per function in a dump written with `--dump-instr=yes` (positions `instr line`), JIT
 * functions named `JS <name>` from `ranges`, native ones `<function> [<object file>]`.
 */
export function functionCosts(dump: string, ranges: readonly JitRange[]): Map<string, number> {
  const costs = new Map<string, number>();
  // Names are compressed: `fn=(12) name` the first time, `fn=(12)` after.
  const names = { fn: new Map<string, string>(), ob: new Map<string, string>() };
  const named = (table: Map<string, string>, text: string): string => {
    const match = /^\((\d+)\)(?: (.*))?$/.exec(text.trim());
    if (!match) return text.trim();
    if (match[2] !== undefined) table.set(match[1] as string, match[2]);
    return table.get(match[1] as string) ?? text.trim();
  };
  let positions = ['instr'];
  let fn = '?';
  let object = '?';
  const at = [0, 0];
  let callLine = false;
  for (const line of dump.split('\n')) {
    const first = line.charCodeAt(0);
    const isCost = (first >= 48 && first <= 57) || line.startsWith('+') || line.startsWith('-') || line.startsWith('*');
    if (isCost) {
      const parts = line.split(' ');
      for (let index = 0; index < positions.length; index++) at[index] = position(parts[index] as string, at[index] as number);
      // The line after `calls=` is the call's position and the callee's inclusive cost: not this function's own.
      if (callLine) {
        callLine = false;
        continue;
      }
      const instructions = Number(parts[positions.length] ?? 0);
      const jit = jitNameAt(ranges, at[0] as number);
      const key = jit === undefined ? `${fn} [${object.split('/').at(-1)}]` : `JS ${jit}`;
      costs.set(key, (costs.get(key) ?? 0) + instructions);
    } else if (line.startsWith('fn=')) fn = named(names.fn, line.slice(3));
    else if (line.startsWith('ob=')) object = named(names.ob, line.slice(3));
    else if (line.startsWith('cfn=')) named(names.fn, line.slice(4));
    else if (line.startsWith('cob=')) named(names.ob, line.slice(4));
    else if (line.startsWith('calls=')) callLine = true;
    else if (line.startsWith('positions:')) positions = line.slice('positions:'.length).trim().split(/\s+/);
  }
  if (positions[0] !== 'instr') throw new Error('the callgrind dump has no instruction addresses: run it with --dump-instr=yes');
  return costs;
}

/** A position as the dump writes it: absolute (decimal or `0x` hex), relative (`+n`, `-n`), or `*` (the last one). */
function position(text: string, last: number): number {
  if (text === '*') return last;
  if (text.startsWith('+')) return last + Number(text.slice(1));
  if (text.startsWith('-')) return last - Number(text.slice(1));
  return Number(text);
}

/** The dump's functions by cost, most first, with the `/tmp/perf-<pid>.map` of the process that wrote it. */
export function topFunctions(dumpFile: string, perfMapFile: string, top: number): Array<{ name: string; instructions: number }> {
  const costs = functionCosts(readFileSync(dumpFile, 'utf8'), readPerfMap(readFileSync(perfMapFile, 'utf8')));
  return [...costs]
    .map(([name, instructions]) => ({ name, instructions }))
    .sort((a, b) => b.instructions - a.instructions)
    .slice(0, top);
}
