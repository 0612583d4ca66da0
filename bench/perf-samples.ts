/**
 * Linux `perf` for `npm run bench:threads`: records a window of one process's CPU samples with call
 * stacks, and reads them back as shares of each thread's samples.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Recording {
  /** Stops perf (SIGINT, as Ctrl-C) and resolves once it has written its file. */
  stop(): Promise<void>;
}

/** Starts `perf record` on `pid` into `file`: `cpu-clock` samples (no hardware counters needed) with call stacks. */
export async function recordWindow(pid: number, file: string): Promise<Recording> {
  const perf: ChildProcess = spawn('perf', ['record', '-e', 'cpu-clock', '-F', '2999', '-g', '-o', file, '-p', String(pid)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  perf.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    perf.once('error', (error) => reject(new Error(`perf could not start (is it installed?): ${error.message}`)));
    perf.once('exit', resolve);
  });
  // perf attaches to every thread before it samples; a window started earlier would miss its first part.
  const attached = await Promise.race([exited.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 300))]);
  if (!attached) throw new Error(`perf record stopped at once: ${errors.trim()}`);
  return {
    async stop() {
      perf.kill('SIGINT');
      await exited;
    },
  };
}

export interface PerfSummary {
  readonly mainSamples: number;
  /** The main thread's frames by the share of its samples whose stack holds them, largest first. */
  readonly mainFrames: readonly { readonly name: string; readonly share: number }[];
  readonly otherSamples: number;
  /** The other threads' samples by what they were doing (the first part whose pattern a stack matches). */
  readonly otherParts: readonly { readonly name: string; readonly share: number }[];
}

/** What V8's and libuv's helper threads do, told apart by the frames of a sample's stack. */
const OTHER_PARTS: readonly (readonly [string, RegExp])[] = [
  ['compiling (TurboFan, in the background)', /compiler::|Compil/],
  ['scavenging (young generation)', /Scaveng/],
  ['marking (old generation)', /Marking|MarkCompact/],
  ['sweeping (and freeing array buffers)', /Sweep/],
  ['freeing memory', /BackingStore|free/],
  ['other', /./],
];

/** Reads `file` with `perf script`: the main thread (`mainTid`) by frame, the others by part. */
export function summarisePerf(file: string, mainTid: string, top: number): PerfSummary {
  const script = spawnSync('perf', ['script', '-i', file, '-F', 'tid,ip,sym'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (script.status !== 0) throw new Error(`perf script failed: ${script.stderr}`);
  const mainFrames = new Map<string, number>();
  const otherParts = new Map<string, number>();
  let mainSamples = 0;
  let otherSamples = 0;
  // One sample per block: a line with the thread id, then one line per frame, leaf first.
  for (const block of script.stdout.split('\n\n')) {
    const lines = block.trim().split('\n');
    const tid = lines[0]?.trim().split(/\s+/)[0];
    if (!tid) continue;
    const frames = lines.slice(1).map(frameName);
    if (tid === mainTid) {
      mainSamples++;
      for (const frame of new Set(frames)) mainFrames.set(frame, (mainFrames.get(frame) ?? 0) + 1);
    } else {
      otherSamples++;
      const stack = frames.join('\n');
      const part = OTHER_PARTS.find(([, pattern]) => pattern.test(stack))?.[0] ?? 'other';
      otherParts.set(part, (otherParts.get(part) ?? 0) + 1);
    }
  }
  const shares = (counts: Map<string, number>, total: number) =>
    [...counts].sort((a, b) => b[1] - a[1]).map(([name, count]) => ({ name, share: total > 0 ? count / total : 0 }));
  return {
    mainSamples,
    mainFrames: shares(mainFrames, mainSamples).slice(0, top),
    otherSamples,
    otherParts: shares(otherParts, otherSamples),
  };
}

/** The project's files as JIT frames name them, `file:///…/esp-cancel-mock/`, to be left out. */
const PROJECT_URL = `${pathToFileURL(join(import.meta.dirname, '..')).href}/`;

/** `    7f3a… Builtins_JSEntry (/usr/bin/node)` → `Builtins_JSEntry`; a JIT frame keeps its `JS:*name file:line`. */
function frameName(line: string): string {
  const symbol = line.trim().replace(/^[0-9a-f]+\s+/, '');
  return symbol.replace(/\s+\([^()]*\)$/, '').replace(PROJECT_URL, '');
}
