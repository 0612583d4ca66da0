import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callgrindLauncher, windowDump } from '../bench/callgrind-window.ts';

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function dumps(files: Record<string, string>): string {
  const directory = mkdtempSync(join(tmpdir(), 'callgrind-window-'));
  directories.push(directory);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
  return join(directory, 'counts');
}

describe('windowDump', () => {
  it("takes the dump with the most instructions as the window's and names each of its events", () => {
    const file = dumps({
      'counts.1': 'events: Ir D1mr Bcm\ntotals: 5000 40 7\n',
      'counts.2': 'events: Ir D1mr Bcm\ntotals: 1200 3 1\n',
      // Not one of this file's dumps: another stem.
      'counts-other.1': 'events: Ir\ntotals: 99999\n',
    });
    const window = windowDump(file);
    expect(window.path).toBe(`${file}.1`);
    expect(window.total).toBe(5000);
    expect(Object.fromEntries(window.events)).toEqual({ Ir: 5000, D1mr: 40, Bcm: 7 });
  });

  it('refuses a file without counts', () => {
    const file = dumps({ 'counts.1': 'events: Ir\ntotals: 0\n' });
    expect(() => windowDump(file)).toThrow(/wrote no counts/);
  });
});

describe('callgrindLauncher', () => {
  it('simulates caches and branches only when asked', () => {
    expect(callgrindLauncher('/x')).not.toContain('--cache-sim=yes');
    expect(callgrindLauncher('/x')).not.toContain('--branch-sim=yes');
    expect(callgrindLauncher('/x', true)).toEqual(
      expect.arrayContaining(['--cache-sim=yes', '--branch-sim=yes', '--callgrind-out-file=/x']),
    );
  });
});
