/**
 * A callgrind dump's instructions per function, JIT code included: what `npm run bench:threads --
 * --callgrind <file>` prints below its total. Valgrind knows only the functions of native code (node's
 * own, V8's builtins and runtime, libc); the code V8 compiles at run time is a nameless address to it.
 * With `--dump-instr=yes` the dump gives each instruction's address, and `node --perf-basic-prof` writes
 * the address range of every function V8 compiles to `/tmp/perf-<pid>.map`: an address inside one of
 * those ranges is that function's, any other the native function callgrind names.
 *
 * Own costs are exclusive (a function's own instructions, not those of the functions it calls): a
 * call's line in the dump carries the callee's inclusive cost, and is left out of them. It is credited
 * instead to the call's edge, from the function at its call site to the function at its target: what
 * `--callers` lists.
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

/** What a dump holds per function: its own instructions, and its calls with their inclusive cost. */
export interface DumpCosts {
  /** Each function's own instructions. */
  readonly own: Map<string, number>;
  /** For each callee, what each caller spent in it: calls, and instructions inclusive of the callee's callees. */
  readonly calls: Map<string, Map<string, { calls: number; instructions: number }>>;
}

/**
 * Instructions per function in a dump written with `--dump-instr=yes` (positions `instr line`), JIT
 * functions named `JS <name>` from `ranges`, native ones `<function> [<object file>]`. A call is
 * credited to the functions that hold its call site and its target by address, as costs are: callgrind
 * cuts nameless JIT code into pieces of its own, and a call between two pieces of one function is
 * left out.
 */
export function dumpCosts(dump: string, ranges: readonly JitRange[]): DumpCosts {
  const own = new Map<string, number>();
  const calls = new Map<string, Map<string, { calls: number; instructions: number }>>();
  // Names are compressed: `fn=(12) name` the first time, `fn=(12)` after.
  const names = { fn: new Map<string, string>(), ob: new Map<string, string>() };
  const named = (table: Map<string, string>, text: string): string => {
    const match = /^\((\d+)\)(?: (.*))?$/.exec(text.trim());
    if (!match) return text.trim();
    if (match[2] !== undefined) table.set(match[1] as string, match[2]);
    return table.get(match[1] as string) ?? text.trim();
  };
  const nameAt = (address: number, fn: string, object: string): string => {
    const jit = jitNameAt(ranges, address);
    // Callgrind names a native recursion's deeper levels `name'2` (`--separate-recs`): one function.
    return jit === undefined ? `${fn.replace(/'\d+$/, '')} [${object.split('/').at(-1)}]` : `JS ${jit}`;
  };
  let positions = ['instr'];
  let fn = '?';
  let object = '?';
  // The callee named by `cfn=`/`cob=` (callgrind's name, for native code) and the call's target and count.
  let calleeFn = '?';
  let calleeObject: string | undefined;
  let call: { count: number; target: number } | undefined;
  const at = [0, 0];
  for (const line of dump.split('\n')) {
    const first = line.charCodeAt(0);
    const isCost = (first >= 48 && first <= 57) || line.startsWith('+') || line.startsWith('-') || line.startsWith('*');
    if (isCost) {
      const parts = line.split(' ');
      for (let index = 0; index < positions.length; index++) at[index] = position(parts[index] as string, at[index] as number);
      const instructions = Number(parts[positions.length] ?? 0);
      const here = nameAt(at[0] as number, fn, object);
      // The line after `calls=` is the call's site and the callee's inclusive cost: not this function's own.
      if (call) {
        const callee = nameAt(call.target, calleeFn, calleeObject ?? object);
        if (callee !== here) {
          const callers = calls.get(callee) ?? new Map<string, { calls: number; instructions: number }>();
          const edge = callers.get(here) ?? { calls: 0, instructions: 0 };
          edge.calls += call.count;
          edge.instructions += instructions;
          callers.set(here, edge);
          calls.set(callee, callers);
        }
        call = undefined;
        calleeObject = undefined;
        continue;
      }
      own.set(here, (own.get(here) ?? 0) + instructions);
    } else if (line.startsWith('fn=')) {
      fn = named(names.fn, line.slice(3));
      calleeObject = undefined;
    } else if (line.startsWith('ob=')) object = named(names.ob, line.slice(3));
    else if (line.startsWith('cfn=')) calleeFn = named(names.fn, line.slice(4));
    else if (line.startsWith('cob=')) calleeObject = named(names.ob, line.slice(4));
    else if (line.startsWith('calls=')) {
      const [count, target] = line.slice('calls='.length).trim().split(/\s+/);
      call = { count: Number(count), target: position(target ?? '*', at[0] as number) };
    } else if (line.startsWith('positions:')) positions = line.slice('positions:'.length).trim().split(/\s+/);
  }
  if (positions[0] !== 'instr') throw new Error('the callgrind dump has no instruction addresses: run it with --dump-instr=yes');
  return { own, calls };
}

/** Each function's own instructions in a dump (see `dumpCosts`). */
export function functionCosts(dump: string, ranges: readonly JitRange[]): Map<string, number> {
  return dumpCosts(dump, ranges).own;
}

/** A position as the dump writes it: absolute (decimal or `0x` hex), relative (`+n`, `-n`), or `*` (the last one). */
function position(text: string, last: number): number {
  if (text === '*') return last;
  if (text.startsWith('+')) return last + Number(text.slice(1));
  if (text.startsWith('-')) return last - Number(text.slice(1));
  return Number(text);
}

/** A function's name and instructions: its own, or those a caller spent in one callee (inclusive). */
export interface FunctionCost {
  readonly name: string;
  readonly instructions: number;
}

/**
 * The dump's functions by their own cost, most first, with the `/tmp/perf-<pid>.map` of the process
 * that wrote it; and, for each function whose name `callersOf` matches, its callers by the
 * instructions they spent in it (inclusive), most first.
 */
export function topFunctions(
  dumpFile: string,
  perfMapFile: string,
  top: number,
  callersOf?: RegExp,
): { functions: FunctionCost[]; callers: Array<{ callee: string; callers: Array<FunctionCost & { calls: number }> }> } {
  const costs = dumpCosts(readFileSync(dumpFile, 'utf8'), readPerfMap(readFileSync(perfMapFile, 'utf8')));
  const functions = [...costs.own]
    .map(([name, instructions]) => ({ name, instructions }))
    .sort((a, b) => b.instructions - a.instructions)
    .slice(0, top);
  const callers = callersOf
    ? functions
        .filter(({ name }) => callersOf.test(name))
        .map(({ name }) => ({
          callee: name,
          callers: [...(costs.calls.get(name) ?? [])]
            .map(([caller, edge]) => ({ name: caller, ...edge }))
            .sort((a, b) => b.instructions - a.instructions)
            .slice(0, top),
        }))
    : [];
  return { functions, callers };
}
