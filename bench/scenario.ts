import type { MockState } from '../src/index.ts';

/** One request of a benchmark run, built fresh for request number `index`. */
export interface BenchRequest {
  readonly method: string;
  /** Path and query, e.g. `/v3.5/mailing/cancel?orgid=2&mid=100001`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/**
 * A vendor path to benchmark (`npm run bench`). Each vendor adds `bench/scenarios/<vendor>.ts`
 * exporting `scenario`. The runner PUTs `state(count)` into a fresh strict-off server, then drives
 * `request(0…)` with autocannon (50 connections, 10 s, after warm-up), and runs the same requests
 * against a bare `node:http` server that answers `baseline` verbatim, in the same run, for the ratio.
 */
export interface BenchScenario {
  /** e.g. `omeda cancel (200)` */
  readonly name: string;
  readonly vendor: string;
  /** Records to load first so every request is a real success (e.g. 300k scheduled deployments). */
  state(count: number): MockState;
  request(index: number): BenchRequest;
  /** The status every measured request must get from the mock; others are counted as errors. */
  readonly expectedStatus: number;
  /** What the bare node:http baseline answers (after reading and parsing the body like the mock). */
  readonly baseline: { readonly status: number; readonly contentType: string; readonly body: string };
}
