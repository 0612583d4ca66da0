// The benchmark's second baseline: what a minimal hand-written mock costs. A Hono app on
// @hono/node-server with one route, which reads the body, parses JSON and validates it with ajv
// (JSON Schema 2020-12, the same component schema of the same spec the mock uses), then answers one
// fixed response. Configured by the BASELINE environment variable:
// {"status":200,"contentType":"…","body":"…","route":{"method":"POST","path":"/…/:brand/…"},
//  "vendor":"omeda","bodySchema":"CancelDeploymentRequest"}. Prints its port.
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Hono } from 'hono';
import { spin } from './baseline-spin.mjs';

const baseline = JSON.parse(process.env.BASELINE ?? '{}');
let validate;
if (baseline.bodySchema) {
  const spec = JSON.parse(readFileSync(new URL(`../dist/openapi/${baseline.vendor}.json`, import.meta.url), 'utf8'));
  // strict off: OpenAPI's annotations (example, x-…) are not JSON Schema keywords; this baseline only
  // needs the validation keywords.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'urn:bench:spec', components: spec.components });
  validate = ajv.compile({ $ref: `urn:bench:spec#/components/schemas/${baseline.bodySchema}` });
}

const app = new Hono();
app.on(baseline.route.method, baseline.route.path, async (c) => {
  const text = await c.req.text();
  if ((c.req.header('content-type') ?? '').includes('json')) {
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      return c.json({ error: 'malformed JSON' }, 400);
    }
    if (validate && !validate(body)) return c.json({ errors: validate.errors }, 400);
  }
  spin();
  return c.body(baseline.body, baseline.status, { 'content-type': baseline.contentType });
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`listening ${info.port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
