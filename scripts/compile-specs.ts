/**
 * Writes each `openapi/<vendor>.yaml` as `dist/openapi/<vendor>.json` (run by `npm run build`), so the
 * built server parses JSON at start-up instead of YAML. The YAML stays the source of truth.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..');
mkdirSync(join(root, 'dist', 'openapi'), { recursive: true });
for (const file of readdirSync(join(root, 'openapi')).filter((name) => name.endsWith('.yaml'))) {
  const document: unknown = parse(readFileSync(join(root, 'openapi', file), 'utf8'));
  writeFileSync(join(root, 'dist', 'openapi', file.replace(/\.yaml$/, '.json')), JSON.stringify(document));
}
