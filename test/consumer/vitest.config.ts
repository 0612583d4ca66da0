import { defineConfig } from 'vitest/config';

// Loaded CI machines: creating a mock compiles every validator of its specs, which can take seconds
// when four test files start at once on two cores.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
