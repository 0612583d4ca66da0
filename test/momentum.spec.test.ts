import { Validator } from '@seriousme/openapi-schema-validator';
import { expect, it } from 'vitest';

it('openapi/momentum.yaml is a valid OpenAPI 3.1 document', async () => {
  const result = await new Validator().validate(new URL('../openapi/momentum.yaml', import.meta.url).pathname);
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
});
