import { type RequestJournal, runAnswerCheck } from '../journal/request-journal.ts';

/** A journaled exchange, as `RequestJournal.record` returns it. */
type Recorded = ReturnType<RequestJournal['record']>;

/** Exchanges recorded in this event-loop turn whose answer check (strict mode off) has not run yet. */
let pending: Recorded[] = [];

/**
 * Runs a journaled exchange's answer check (strict mode off) once this event-loop turn is over.
 * @see https://nodejs.org/docs/latest-v20.x/api/timers.html#setimmediatecallback-args
 */
export function checkAfterAnswers(recorded: Recorded): void {
  // By then the server has written the turn's answers, so the check no longer delays them: a client
  // waiting on one connection gets its answer a check earlier. The entry holds the check, its closure
  // and the handler's decoded answer for that one turn only (kept until the entry was read, they cost
  // the garbage collector more than the check). A reader that comes first (the exchange is journaled
  // before its answer is sent) runs the check itself; a check that throws stays, to throw when read.
  if (pending.length === 0) setImmediate(runPendingChecks);
  pending.push(recorded);
}

function runPendingChecks(): void {
  const due = pending;
  pending = [];
  for (const recorded of due) runAnswerCheck(recorded);
}
