import { MOCK_PROBLEMS } from '../../src/errors/mock-errors.ts';
import { code, toMarkdownTable } from './markdown-table.ts';

/**
 * The mock's own problem codes, straight from the catalogue `src/errors/mock-errors.ts`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9457
 */
export function problemTable(): string {
  const rows = Object.entries(MOCK_PROBLEMS).map(([name, problem]) => [code(name), String(problem.status), problem.title]);
  return toMarkdownTable(['`code`', 'Status', 'Title (what it means)'], rows);
}
