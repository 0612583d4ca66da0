import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import { expect, it } from 'vitest';

it('openapi/sfmc.yaml is a valid OpenAPI 3.1 document', async () => {
  const result = await new Validator().validate(fileURLToPath(new URL('../openapi/sfmc.yaml', import.meta.url)));
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
});
