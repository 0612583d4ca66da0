/**
 * Writes the documentation tables that restate code — the problem catalogue and every vendor's default
 * dataset — between their `<!-- generated:NAME -->` markers. `--check` writes nothing and exits 1 when a
 * page is stale (lint runs it, like `generate-types --check`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { datasetTables } from './doc-tables/dataset-tables.ts';
import { problemTable } from './doc-tables/problem-table.ts';

const root = join(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const datasets = await datasetTables();
const pages: ReadonlyArray<readonly [file: string, marker: string, table: string]> = [
  ['docs/reference/problems.md', 'problems', problemTable()],
  ...Object.entries(datasets).map(([vendor, table]) => [`docs/vendors/${vendor}.md`, 'dataset', table] as const),
];

let stale = 0;
for (const [file, marker, table] of pages) {
  const current = readFileSync(join(root, file), 'utf8');
  const block = new RegExp(`(<!-- generated:${marker} -->\\n)[\\s\\S]*?(<!-- /generated:${marker} -->)`);
  if (!block.test(current)) {
    console.error(`${file}: no <!-- generated:${marker} --> … <!-- /generated:${marker} --> block`);
    stale++;
    continue;
  }
  const output = current.replace(block, (_, start: string, end: string) => `${start}${table}\n${end}`);
  if (output === current) continue;
  if (check) {
    console.error(`stale: ${file} — run npm run docs`);
    stale++;
  } else {
    writeFileSync(join(root, file), output);
    console.log(`wrote ${file}`);
  }
}
if (stale > 0) process.exit(1);
