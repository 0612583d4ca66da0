import { describe, expect, it } from 'vitest';
import { callgrindLauncher } from '../bench/callgrind-window.ts';
import { nodeCommand, SERVER_CORE } from '../bench/pinned-process.ts';

describe('nodeCommand', () => {
  it('runs node itself, or through taskset on the server core when pinned', () => {
    expect(nodeCommand(['server.mjs'], false)).toEqual({ command: process.execPath, argv: ['server.mjs'] });
    expect(nodeCommand(['server.mjs'], true)).toEqual({
      command: 'taskset',
      argv: ['-c', String(SERVER_CORE), process.execPath, 'server.mjs'],
    });
  });

  it('puts a launcher such as valgrind between taskset and node', () => {
    const launcher = callgrindLauncher('/tmp/counts');
    expect(launcher).toContain('--instr-atstart=no');
    expect(launcher).toContain('--callgrind-out-file=/tmp/counts');
    expect(nodeCommand(['server.mjs'], false, launcher)).toEqual({
      command: 'valgrind',
      argv: [...launcher.slice(1), process.execPath, 'server.mjs'],
    });
    expect(nodeCommand(['server.mjs'], true, launcher)).toEqual({
      command: 'taskset',
      argv: ['-c', String(SERVER_CORE), ...launcher, process.execPath, 'server.mjs'],
    });
  });
});
