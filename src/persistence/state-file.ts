import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { type MockEngine, MockStateError } from '../engine/create-engine.ts';

/** A state file that cannot be used: one line saying which file and why. */
export class StateFileError extends Error {
  constructor(message: string) {
    super(`[esp-cancel-mock] ${message}`);
    this.name = 'StateFileError';
  }
}

/**
 * Loads `--state-file` into the engine, checked against the record schemas like `PUT /__admin/state`.
 * A missing file is fine (the default dataset, saved on the first change); a file that is not JSON
 * or breaks a schema throws — never a silent empty store.
 */
export async function loadStateFile(engine: MockEngine, file: string): Promise<boolean> {
  if (!existsSync(file)) return false;
  let state: unknown;
  try {
    state = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new StateFileError(`state file ${file} is not valid JSON (${(error as Error).message}); fix or delete it`);
  }
  try {
    await engine.setState(state as never);
  } catch (error) {
    const detail = error instanceof MockStateError ? error.problems.slice(0, 3).join(' | ') : (error as Error).message;
    throw new StateFileError(`state file ${file} does not match the record schemas: ${detail}; fix or delete it`);
  }
  return true;
}

export interface StateSaver {
  /** Saves soon (debounced): call after anything that may have changed the store. */
  schedule(): void;
  /** Saves now if a save is pending (on shutdown). */
  flush(): Promise<void>;
}

/**
 * Saves the store to `file` after changes, at most once per `debounceMs`, atomically: the JSON goes
 * to a temporary file beside it, then a rename replaces the old file, so a crash mid-write never
 * leaves half a file. Unchanged state is not rewritten.
 */
export function createStateSaver(engine: MockEngine, file: string, debounceMs = 50): StateSaver {
  let timer: NodeJS.Timeout | undefined;
  let last: string | undefined;
  let saving: Promise<void> = Promise.resolve();
  const save = async () => {
    timer = undefined;
    const text = JSON.stringify(await engine.getState());
    if (text === last) return;
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, file);
    last = text;
  };
  return {
    schedule() {
      if (timer) return;
      timer = setTimeout(() => {
        saving = saving.then(save).catch((error) => console.error('[esp-cancel-mock] could not save the state file:', error));
      }, debounceMs);
      timer.unref();
    },
    async flush() {
      if (timer) {
        clearTimeout(timer);
        saving = saving.then(save);
      }
      await saving;
    },
  };
}
