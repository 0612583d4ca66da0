import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type MockEngine, MockStateError } from '../engine/create-engine.ts';
import { traceStateWrite } from '../store/state-write-channel.ts';

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
  const directory = dirname(file);
  if (!isDirectory(directory)) throw new StateFileError(`the directory of state file ${file} does not exist; create ${directory} first`);
  removeLeftovers(file);
  if (!existsSync(file)) return false;
  await traceStateWrite('state-file', () => restoreStateFile(engine, file));
  return true;
}

/** Reads, parses and restores an existing state file; throws a `StateFileError` saying why it cannot be used. */
async function restoreStateFile(engine: MockEngine, file: string): Promise<void> {
  let state: unknown;
  try {
    // A UTF-8 byte order mark is read as the encoding's signature, as for request bodies (RFC 8259 §8.1).
    state = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new StateFileError(`state file ${file} is not valid JSON (${(error as Error).message}); fix or delete it`);
  }
  try {
    await engine.setState(state as never);
  } catch (error) {
    const detail = error instanceof MockStateError ? error.problems.slice(0, 3).join(' | ') : (error as Error).message;
    throw new StateFileError(`state file ${file} does not match the record schemas: ${detail}; fix or delete it`);
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Where saves go: the file a symlink points at (the link is kept), or the path itself. */
function toSaveTarget(file: string): string {
  try {
    return lstatSync(file).isSymbolicLink() ? realpathSync(file) : file;
  } catch {
    return file;
  }
}

/** Temporary files of saves cut short (`kill -9` between write and rename): `<name>.<pid>.tmp`. */
function removeLeftovers(file: string): void {
  const target = toSaveTarget(file);
  const prefix = `${basename(target)}.`;
  for (const name of readdirSync(dirname(target))) {
    if (name.startsWith(prefix) && /^\d+\.tmp$/.test(name.slice(prefix.length))) unlinkSync(join(dirname(target), name));
  }
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
    // Through a symlink, the file it points at is replaced: the link stays a link.
    const target = toSaveTarget(file);
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, target);
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
