import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { loadSpec } from '../src/spec/load-specs.ts';
import { HTTP_METHODS, type ResponseObject } from '../src/spec/openapi-types.ts';
import { resolveReference } from '../src/spec/resolve-reference.ts';

const pages = readdirSync(new URL('../docs/vendors/', import.meta.url)).filter((file) => file.endsWith('.md'));

/** Each `Prefer: code=N, example=a|b|c` a vendor page lists, with the operation its paragraph forces in-process. */
function forcingLists(page: string): Array<{ operationId: string; status: string; examples: string[] }> {
  const text = readFileSync(new URL(`../docs/vendors/${page}`, import.meta.url), 'utf8');
  return text.split(/\n\s*\n/).flatMap((paragraph) => {
    const operationId = /mock\.force\('[a-z]+\.([A-Za-z]+)'/.exec(paragraph)?.[1];
    return [...paragraph.matchAll(/Prefer: code=(\d{3}), example=([\w|]+)`/g)].map(([, status, names]) => ({
      operationId: operationId ?? '(no mock.force in the paragraph)',
      status: status as string,
      examples: (names as string).split('|').sort(),
    }));
  });
}

/** The example names the spec documents for an operation's status, over all its media types. */
function documentedExamples(vendor: string, operationId: string, status: string): string[] {
  const { document } = loadSpec(vendor);
  for (const item of Object.values(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation?.operationId !== operationId) continue;
      const response = operation.responses?.[status];
      if (!response) return [];
      const { content } = resolveReference<ResponseObject>(document, response);
      return [...new Set(Object.values(content ?? {}).flatMap((media) => Object.keys(media.examples ?? {})))].sort();
    }
  }
  return [];
}

const lists = pages.flatMap((page) => forcingLists(page).map((list) => ({ vendor: page.replace(/\.md$/, ''), ...list })));

it('finds the forcing lists the vendor pages give', () => {
  expect(lists.length).toBeGreaterThanOrEqual(3);
});

it.each(lists)(
  'the $vendor page lists exactly the $operationId $status examples its spec documents',
  ({ vendor, operationId, status, examples }) => {
    expect(examples).toEqual(documentedExamples(vendor, operationId, status));
  },
);
