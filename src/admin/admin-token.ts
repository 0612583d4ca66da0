import { timingSafeEqual } from 'node:crypto';
import { createProblem, toProblemResponse } from '../errors/mock-errors.ts';

/**
 * The admin token check: with a token set, every admin request must carry
 * `Authorization: Bearer <token>`; the answer is a 401 problem otherwise (compared in constant time).
 *
 * @see ../../docs/reference/admin-api.md "Admin token"
 */
export function checkAdminToken(request: Request, token: string | undefined): Response | undefined {
  if (token === undefined) return undefined;
  const given = /^Bearer (.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
  const expected = Buffer.from(token);
  const actual = Buffer.from(given);
  if (actual.length === expected.length && timingSafeEqual(actual, expected)) return undefined;
  return toProblemResponse(createProblem('admin-token-required', 'send Authorization: Bearer <the --admin-token value>'), {
    'www-authenticate': 'Bearer realm="esp-cancel-mock admin"',
  });
}
