import type { JournalEntry } from '../journal/request-journal.ts';

/** One operation's tally: how often it was called and what the specs said of the traffic. */
export interface OperationSummary {
  /** `omeda.cancelDeployment`, `omeda (unknown endpoint)`, or `(no vendor)`. */
  readonly operation: string;
  readonly exchanges: number;
  /** Exchanges whose request broke the spec (what the app sent). */
  readonly requestViolations: number;
  /** Exchanges whose answer broke the spec: drift of the vendor from our contract. */
  readonly responseViolations: number;
  /** Exchanges the upstream did not answer (502/504 from the proxy). */
  readonly upstreamFailures: number;
  /** Every status the upstream answered, with its count. */
  readonly statuses: Readonly<Record<string, number>>;
  /** Statuses the upstream answered that the spec does not document for this operation. */
  readonly undocumentedStatuses: readonly number[];
  /** The first response issue seen, as a line (what to look at first). */
  readonly firstDrift?: string;
}

/** The proxy's summary: per operation, and the totals `--fail-on-drift` reads. */
export interface DriftReport {
  readonly exchanges: number;
  /** Exchanges whose answer broke the spec. */
  readonly drift: number;
  readonly requestViolations: number;
  readonly upstreamFailures: number;
  readonly operations: readonly OperationSummary[];
}

interface Tally {
  exchanges: number;
  requestViolations: number;
  responseViolations: number;
  upstreamFailures: number;
  statuses: Record<string, number>;
  undocumented: Set<number>;
  firstDrift?: string;
}

/** Counts exchanges as they happen; memory grows with the operations seen, not the traffic. */
export interface DriftTally {
  record(entry: JournalEntry, upstreamFailed: boolean, firstIssue: string | undefined): void;
  report(): DriftReport;
}

/**
 * The per-operation summary printed on exit and served at `GET /__admin/report`.
 *
 * @see https://github.com/stoplightio/prism/blob/master/docs/guides/03-validation-proxy.md
 */
export function createDriftTally(): DriftTally {
  const tallies = new Map<string, Tally>();
  return {
    record(entry, upstreamFailed, firstIssue) {
      const key = entry.vendor === null ? '(no vendor)' : (entry.operationId ?? `${entry.vendor}.(unknown endpoint)`);
      let tally = tallies.get(key);
      if (!tally) {
        tally = { exchanges: 0, requestViolations: 0, responseViolations: 0, upstreamFailures: 0, statuses: {}, undocumented: new Set() };
        tallies.set(key, tally);
      }
      tally.exchanges++;
      if (entry.validation.request.length > 0) tally.requestViolations++;
      if (upstreamFailed) {
        tally.upstreamFailures++;
        return;
      }
      const status = String(entry.response.status);
      tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
      if (entry.validation.response.length > 0) {
        tally.responseViolations++;
        tally.firstDrift ??= firstIssue;
      }
      if (entry.validation.response.some((issue) => issue.keyword === 'status')) tally.undocumented.add(entry.response.status);
    },
    report() {
      const operations = [...tallies]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([operation, tally]) => ({
          operation,
          exchanges: tally.exchanges,
          requestViolations: tally.requestViolations,
          responseViolations: tally.responseViolations,
          upstreamFailures: tally.upstreamFailures,
          statuses: tally.statuses,
          undocumentedStatuses: [...tally.undocumented].sort((a, b) => a - b),
          ...(tally.firstDrift === undefined ? {} : { firstDrift: tally.firstDrift }),
        }));
      const sum = (pick: (summary: OperationSummary) => number) => operations.reduce((total, summary) => total + pick(summary), 0);
      return {
        exchanges: sum((summary) => summary.exchanges),
        drift: sum((summary) => summary.responseViolations),
        requestViolations: sum((summary) => summary.requestViolations),
        upstreamFailures: sum((summary) => summary.upstreamFailures),
        operations,
      };
    },
  };
}

/** The report as the lines the CLI prints on exit: one row per operation, then the totals. */
export function formatDriftReport(report: DriftReport): string {
  const rows = [['operation', 'exchanges', 'request violations', 'drift', 'upstream failures', 'statuses (! = undocumented)']];
  const notes = new Map<number, string>();
  for (const summary of report.operations) {
    const statuses = Object.entries(summary.statuses)
      .map(([status, count]) => `${status}${summary.undocumentedStatuses.includes(Number(status)) ? '!' : ''}×${count}`)
      .join(' ');
    rows.push([
      summary.operation,
      String(summary.exchanges),
      String(summary.requestViolations),
      String(summary.responseViolations),
      String(summary.upstreamFailures),
      statuses || '-',
    ]);
    if (summary.firstDrift) notes.set(rows.length - 1, `  first drift: ${summary.firstDrift}`);
  }
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const lines: string[] = [];
  rows.forEach((row, index) => {
    lines.push(
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    );
    const note = notes.get(index);
    if (note) lines.push(note);
  });
  lines.push(
    `${report.exchanges} exchanges, ${report.drift} with drift, ${report.requestViolations} with request violations, ${report.upstreamFailures} upstream failures`,
  );
  return lines.join('\n');
}
