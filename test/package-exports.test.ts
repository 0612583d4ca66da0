import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const require = createRequire(import.meta.url);

it.each(['momentum', 'omeda', 'sfmc', 'voltmx'])('publishes the %s spec at esp-cancel-mock/openapi/<vendor>.yaml', (vendor) => {
  expect(require.resolve(`esp-cancel-mock/openapi/${vendor}.yaml`)).toBe(
    fileURLToPath(new URL(`../openapi/${vendor}.yaml`, import.meta.url)),
  );
});
