import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

export interface SpawnedCli {
  readonly child: ChildProcess;
  /** The listening URL once printed, or the exit code when the CLI stops before listening. */
  readonly started: Promise<{ url: string } | { code: number | null }>;
  readonly exited: Promise<number | null>;
  output(): string;
}

/**
 * Runs `esp-cancel-mock <args>` from source in a child process (what a user's shell would run);
 * `nodeArgs` go to node before the script, `env` over this process's environment.
 */
export function spawnCli(args: readonly string[], options: { nodeArgs?: readonly string[]; env?: NodeJS.ProcessEnv } = {}): SpawnedCli {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  });
  let text = '';
  // 'close', not 'exit': it comes after the child's stdout and stderr have been read to the end.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const started = new Promise<{ url: string } | { code: number | null }>((resolve) => {
    const onData = (data: Buffer) => {
      text += data.toString();
      const match = /listening on (http:\/\/\S+)/.exec(text);
      if (match) resolve({ url: match[1] as string });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    exited.then((code) => resolve({ code }));
  });
  return { child, started, exited, output: () => text };
}
