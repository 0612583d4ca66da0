import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'handlers/**/*.test.ts', 'test/**/*.test.ts'],
    // Server tests bind port 0 and MSW tests patch the global fetch: files stay in separate workers.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
