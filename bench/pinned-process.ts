/**
 * Server processes for `npm run bench`, each pinned to one core with `taskset`, and what the kernel
 * says about them: CPU time from `/proc/<pid>/stat`, resident memory from `/proc/<pid>/status`.
 *
 * @see https://man7.org/linux/man-pages/man5/proc_pid_stat.5.html
 * @see https://man7.org/linux/man-pages/man1/taskset.1.html
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/** The core servers run on; the load generator (this process) runs on the other. */
export const SERVER_CORE = 0;
export const LOAD_CORE = 1;

/**
 * Variables the bench's processes do not inherit, because they make every node start do work before
 * any code runs and nothing the bench starts uses them: with `NODE_EXTRA_CA_CERTS` node reads and
 * parses a certificate file as it starts (Debian's bundle: about 45 ms on our 2-core machines, bare
 * node:http's start included) for TLS connections that no bench server or probe makes. Where a
 * machine sets it (a proxy's CA, as CI machines often do), start-up figures would measure that file
 * instead of the servers. `--keep-ca-certs` passes it on.
 *
 * @see https://nodejs.org/docs/latest-v20.x/api/cli.html#node_extra_ca_certsfile
 */
const START_COST_VARIABLES = ['NODE_EXTRA_CA_CERTS'] as const;
let passStartCostVariables = false;

/** Lets the bench's processes inherit `START_COST_VARIABLES` too (`--keep-ca-certs`). */
export function keepStartCostVariables(): void {
  passStartCostVariables = true;
}

/** Which of `START_COST_VARIABLES` are set here and withheld from the bench's processes (for the report). */
export function withheldVariables(): string[] {
  return passStartCostVariables ? [] : START_COST_VARIABLES.filter((name) => process.env[name] !== undefined);
}

/** The environment of a process the bench starts: this one's, without what `withheldVariables()` names, plus `extra`. */
export function childEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of withheldVariables()) delete env[name];
  return env;
}

/** Clock ticks per second of `/proc/<pid>/stat`'s utime and stime (`getconf CLK_TCK`). */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/**
 * Pins this process (every thread: the load generator) to `LOAD_CORE`. Returns false, and pins nothing,
 * where there is no `taskset` or fewer than two cores: the figures are then not comparable to pinned ones.
 */
export function pinSelf(): boolean {
  if (availableParallelism() < 2) return false;
  try {
    execFileSync('taskset', ['-a', '-p', '-c', String(LOAD_CORE), String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface Started {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly url: string;
  /** From spawn to the line that names the port. */
  readonly msToListening: number;
  /** Everything the process printed on stdout after that line (the request log), in bytes. */
  readonly logged: () => number;
}

/**
 * The command line of `node <args>`, run on `SERVER_CORE` through `taskset` when `pinned`, and through
 * `launcher` when one is given (valgrind: `callgrindLauncher`). Both exec node, so its pid is theirs.
 */
export function nodeCommand(
  args: readonly string[],
  pinned: boolean,
  launcher: readonly string[] = [],
): { readonly command: string; readonly argv: string[] } {
  const line = [...launcher, process.execPath, ...args];
  return pinned ? { command: 'taskset', argv: ['-c', String(SERVER_CORE), ...line] } : { command: line[0] as string, argv: line.slice(1) };
}

/** Runs `node <args>` to its end (pinned as `nodeCommand` does, in `childEnvironment(env)`) and returns its stdout. */
export function runNode(args: readonly string[], pinned: boolean, env: Record<string, string> = {}): string {
  const { command, argv } = nodeCommand(args, pinned);
  return execFileSync(command, argv, { cwd: root, env: childEnvironment(env), encoding: 'utf8' });
}

/**
 * Spawns `node <args>` pinned to `SERVER_CORE` (when `pinned`) and resolves when it prints the port it
 * listens on. Its stdout is a pipe this process drains, as a CI runner's would be.
 */
export function startPinned(
  args: readonly string[],
  pinned: boolean,
  env: Record<string, string> = {},
  launcher: readonly string[] = [],
): Promise<Started> {
  const started = performance.now();
  const { command, argv } = nodeCommand(args, pinned, launcher);
  const child = spawn(command, argv, {
    cwd: root,
    env: childEnvironment(env),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    let listening = false;
    let bytes = 0;
    child.stdout?.on('data', (chunk: Buffer) => {
      if (listening) {
        bytes += chunk.length;
        return;
      }
      output += chunk.toString();
      const match = /listening (?:on http:\/\/127\.0\.0\.1:|)(\d+)/.exec(output);
      if (!match) return;
      listening = true;
      resolve({
        child,
        // taskset execs node, so the pid is the server's own.
        pid: child.pid as number,
        url: `http://127.0.0.1:${match[1]}`,
        msToListening: performance.now() - started,
        logged: () => bytes,
      });
    });
    child.once('exit', (code) => reject(new Error(`node ${args.join(' ')} exited with ${code}: ${output}`)));
  });
}

/** SIGTERM, and resolves once the process is gone. */
export function stopProcess(started: Started): Promise<void> {
  return new Promise((resolve) => {
    started.child.removeAllListeners('exit');
    if (started.child.exitCode !== null) return resolve();
    started.child.once('exit', () => resolve());
    started.child.kill('SIGTERM');
  });
}

/** User + system CPU time the process has used so far, in microseconds. */
export function cpuMicros(pid: number): number {
  const { user, system } = cpuSplitMicros(pid);
  return user + system;
}

/** The process's CPU time so far in user space and in the kernel (utime, stime), in microseconds. */
export function cpuSplitMicros(pid: number): { readonly user: number; readonly system: number } {
  return statCpuMicros(`/proc/${pid}/stat`);
}

/** User + system CPU time of each of the process's threads, by thread id (the main thread's is the pid). */
export function threadCpuMicros(pid: number): Map<string, number> {
  const threads = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const { user, system } = statCpuMicros(`/proc/${pid}/task/${tid}/stat`);
    threads.set(tid, user + system);
  }
  return threads;
}

/** utime and stime of a `/proc/…/stat` file, in microseconds. */
function statCpuMicros(file: string): { readonly user: number; readonly system: number } {
  const stat = readFileSync(file, 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3; utime is 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const micros = (ticks: string | undefined) => (Number(ticks) / TICKS_PER_SECOND) * 1e6;
  return { user: micros(fields[11]), system: micros(fields[12]) };
}

/** Resident memory now (`VmRSS`) and its peak so far (`VmHWM`), in MiB. */
export function memoryMiB(pid: number): { readonly rss: number; readonly peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/** The 1-minute load average, to print beside each part (other people share this machine). */
export function loadAverage(): number {
  return Number((loadavg()[0] ?? 0).toFixed(2));
}
