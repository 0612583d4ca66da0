import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'handlers/**/*.test.ts', 'test/**/*.test.ts'],
    // test/consumer/ runs in a project of its own, against the packed package (.ci/consumer-test.sh).
    exclude: ['test/consumer/**', 'node_modules/**'],
    // Server tests bind port 0 and MSW tests patch the global fetch: files stay in separate workers.
    pool: 'forks',
    testTimeout: 20_000,
    // In CI, also a JSON report, from which .ci/run prints the plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: '.vitest-results.json' },
  },
});
