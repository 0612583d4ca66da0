/**
 * Valgrind's callgrind for `npm run bench:threads -- --callgrind <file>`: the server runs under
 * callgrind with instrumentation off, and a window is counted by switching it on and off with
 * `callgrind_control`. Instructions do not depend on what else the machine runs: runs of one build
 * agreed within 4 % over 20,000 requests, where CPU times spread by ±10 % (a full collection more or
 * less in a short window moves the count more). They leave out the kernel's work (system calls) and
 * the time lost to cache misses, which is most of what the garbage collector costs.
 *
 * @see https://valgrind.org/docs/manual/cl-manual.html#cl-manual.callgrind_control-options
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * The command that starts node under callgrind, counting nothing until `countWindow` switches it on.
 * With `simulate`, callgrind also simulates the caches and the branch predictor (a model of this
 * machine's caches, not its own counters), and counts their misses beside the instructions.
 */
export function callgrindLauncher(file: string, simulate = false): string[] {
  // Each instruction's address, so that JIT code can be named from node's perf map (callgrind-functions.ts).
  return [
    'valgrind',
    '--quiet',
    '--tool=callgrind',
    '--instr-atstart=no',
    '--dump-instr=yes',
    ...(simulate ? ['--cache-sim=yes', '--branch-sim=yes'] : []),
    `--callgrind-out-file=${file}`,
  ];
}

export interface CountedWindow {
  /** Switches counting off, has callgrind write its counts, and returns the instructions of the window. */
  stop(): number;
}

/** Zeroes the counts of the process under callgrind and switches counting on. */
export function countWindow(pid: number, file: string): CountedWindow {
  control('-z', pid);
  control('-i', pid, 'on');
  return {
    stop() {
      control('-i', pid, 'off');
      control('-d', pid);
      return windowTotal(file);
    },
  };
}

/** Removes the files callgrind wrote for `file` (the dump and the one written at exit). */
export function removeCallgrindFiles(file: string): void {
  for (const name of dumpsOf(file)) rmSync(join(dirname(file), name), { force: true });
}

function control(option: string, pid: number, value?: string): void {
  try {
    execFileSync('callgrind_control', [option, ...(value === undefined ? [] : [value]), String(pid)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (error) {
    throw new Error(`callgrind_control ${option} failed (is valgrind installed?): ${(error as Error).message}`);
  }
}

/** The instructions of the window: the `totals:` line of its dump. */
function windowTotal(file: string): number {
  return windowDump(file).total;
}

/**
 * The dump of the window among those of `file` (`file.1`, `file.2` …): the one written by `-d`, with
 * the largest `totals:` line. `total` is its instructions; `events` every event it counted by name
 * (`Ir`, and with the simulation `D1mr`, `Bcm` …; see callgrind's manual).
 */
export function windowDump(file: string): { path: string; total: number; events: Map<string, number> } {
  let dump = { path: '', total: 0, events: new Map<string, number>() };
  for (const name of dumpsOf(file)) {
    const path = join(dirname(file), name);
    const text = readFileSync(path, 'utf8');
    const totals = /^totals:\s+(.*)$/m.exec(text)?.[1]?.trim().split(/\s+/).map(Number) ?? [];
    const names = /^events:\s+(.*)$/m.exec(text)?.[1]?.trim().split(/\s+/) ?? [];
    const total = totals[0] ?? 0;
    if (total > dump.total) dump = { path, total, events: new Map(names.map((event, index) => [event, totals[index] ?? 0])) };
  }
  if (dump.total === 0) throw new Error(`callgrind wrote no counts to ${file}.*`);
  return dump;
}

function dumpsOf(file: string): string[] {
  const stem = basename(file);
  return readdirSync(dirname(file)).filter(
    (name) => name === stem || (name.startsWith(`${stem}.`) && /^\d+$/.test(name.slice(stem.length + 1))),
  );
}
