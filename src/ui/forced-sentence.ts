import type { JournalEntry } from '../journal/request-journal.ts';

/** How an exchange was forced, in the dashboard's words: a status 0 is a dropped connection (a fault's `drop`). */
export function forcedSentence(forced: NonNullable<JournalEntry['forced']>): string {
  if (forced.status === 0) return `Dropped, no answer sent, by ${forced.by}.`;
  return `Forced ${forced.status}${forced.example ? ` (${forced.example})` : ''} by ${forced.by}.`;
}
