import type { components } from '../../src/generated/momentum.d.ts';
import { type MomentumError, momentumErrors } from './errors.ts';

type Mailing = components['schemas']['Mailing'];
type MailingView = components['schemas']['MailingObject'];

/**
 * The columns a where-clause may name, by the names the book uses (`m.mailingname` in
 * rest.triggered.mailing.php's example) and the mailing object's own field names.
 */
const COLUMNS: ReadonlyMap<string, (mailing: Mailing) => string> = new Map([
  ['mailingname', (m: Mailing) => m.name],
  ['name', (m: Mailing) => m.name],
  ['mid', (m: Mailing) => String(m.mid)],
  ['mailingid', (m: Mailing) => String(m.mid)],
  ['state', (m: Mailing) => String(m.state)],
  ['type', (m: Mailing) => String(m.type)],
]);

/** One `column = value` condition; a where-clause is their conjunction. */
interface Condition {
  readonly read: (mailing: Mailing) => string;
  readonly value: string;
}

export type WhereResult =
  | { readonly ok: true; readonly conditions: readonly Condition[] }
  | { readonly ok: false; readonly error: MomentumError };

/** At most this many conditions (and characters) in one where-clause: linear, bounded work. */
const MAX_CLAUSE_CHARS = 1000;

/**
 * `extraWhereClause` as the mock reads it: `[m.]column = 'text' | number`, joined by `AND`
 * (case-insensitive), e.g. the book's `m.mailingname='MyMailing'`. A quote inside a value is
 * doubled (`'O''Brien'`), as in SQL. Anything else is a 400 (mock choice: the book shows only the
 * one example, and the real server hands the clause to its database).
 */
export function parseWhereClause(clause: string): WhereResult {
  if (clause.length > MAX_CLAUSE_CHARS || /\bAND\s*$/i.test(clause)) return { ok: false, error: momentumErrors.invalidWhereClause(clause) };
  const conditions: Condition[] = [];
  const pattern = /\s*(?:[A-Za-z_]\w*\.)?([A-Za-z_]\w*)\s*=\s*(?:'((?:[^']|'')*)'|(-?\d+))\s*(?:AND\b|$)/iy;
  let offset = 0;
  while (offset < clause.length) {
    pattern.lastIndex = offset;
    const match = pattern.exec(clause);
    if (!match || match.index !== offset || pattern.lastIndex === offset)
      return { ok: false, error: momentumErrors.invalidWhereClause(clause) };
    const read = COLUMNS.get((match[1] ?? '').toLowerCase());
    if (!read) return { ok: false, error: momentumErrors.unknownColumn(match[1] ?? '') };
    conditions.push({ read, value: match[2] === undefined ? (match[3] ?? '') : match[2].replaceAll("''", "'") });
    offset = pattern.lastIndex;
  }
  if (conditions.length === 0) return { ok: false, error: momentumErrors.invalidWhereClause(clause) };
  return { ok: true, conditions };
}

/** `whereColName` + `whereColValue` (the Mailing_Unarchive page's pair) as one condition. */
export function toColumnCondition(column: string, value: string): WhereResult {
  const read = COLUMNS.get(column.replace(/^[A-Za-z_]\w*\./, '').toLowerCase());
  if (!read) return { ok: false, error: momentumErrors.unknownColumn(column) };
  return { ok: true, conditions: [{ read, value }] };
}

/** Whether a mailing meets every condition. */
export function meetsAll(mailing: Mailing, conditions: readonly Condition[]): boolean {
  return conditions.every((condition) => condition.read(mailing) === condition.value);
}

/**
 * A stored mailing as the REST mailing object (rest.autogen.struct.mailing.php, short form): the
 * fields the mock keeps, `state` and `type` as their map codes.
 */
export function toMailingView(mailing: Mailing): MailingView {
  return {
    mid: mailing.mid,
    name: mailing.name,
    type: mailing.type,
    state: mailing.state,
    startDate: mailing.startDate ?? null,
    createdDate: mailing.createdDate,
    modifiedDate: mailing.modifiedDate,
  };
}
