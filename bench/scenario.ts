import type { MockState } from '../src/index.ts';

/** One request of a benchmark run, built fresh for request number `index`. */
export interface BenchRequest {
  readonly method: string;
  /** Path and query, e.g. `/v3.5/mailing/cancel?orgid=2&mid=100001`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** What the baselines answer, and the route a minimal hand-written server would declare for it. */
export interface BenchBaseline {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  /** Method and path in Hono's and MSW's syntax (`/brand/:brand/cancel/*`). */
  readonly route: { readonly method: string; readonly path: string };
  /** The spec's `components.schemas` entry the Hono + ajv baseline validates a JSON body with. */
  readonly bodySchema?: string;
}

/**
 * A vendor path to benchmark (`npm run bench`). Each vendor adds `bench/scenarios/<vendor>.ts`
 * exporting `scenario`. The runner PUTs `state(count)` into a fresh strict-off server, then drives
 * `request(0…)` with autocannon (50 connections, after warm-up), and runs the same requests against a
 * bare `node:http` server and a minimal Hono + ajv server that answer `baseline` verbatim, in the same
 * run, for the ratios. In-process, the same requests go to `origin` through MSW.
 */
export interface BenchScenario {
  /** e.g. `omeda cancel (200)` */
  readonly name: string;
  readonly vendor: string;
  /** An origin the in-process mock intercepts by default (one of the spec's `servers`). */
  readonly origin: string;
  /** Records to load first so every request is a real success (e.g. 300k scheduled deployments). */
  state(count: number): MockState;
  request(index: number): BenchRequest;
  /** The status every measured request must get from the mock; others are counted as errors. */
  readonly expectedStatus: number;
  /** What the baselines answer (after reading and parsing the body like the mock). */
  readonly baseline: BenchBaseline;
}
