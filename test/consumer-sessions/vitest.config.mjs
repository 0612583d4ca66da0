import { defineConfig } from 'vitest/config';

// One server for the whole run; the four files run in parallel workers, each in a session of its own.
export default defineConfig({
  test: {
    globalSetup: ['./mock-server.mjs'],
    include: ['test/**/*.test.mjs'],
    fileParallelism: true,
    maxWorkers: 4,
  },
});
