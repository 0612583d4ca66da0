import { UsageError } from '../errors/usage-error.ts';
/**
 * One declaration of injected latency and faults, shared by the server (`--faults FILE`, `--latency`,
 * `--chaos`, `POST /__admin/faults`) and the in-process mock (`mock.faults(plan)`).
 *
 * Keys are `vendor.operationId`, a bare `operationId`, or `*` (every operation). Each of a rule's two
 * parts comes from the most specific key that sets it (`vendor.operationId`, then `operationId`, then
 * `*`): the delay (`delayMs`), and the fault (`status` or `drop`, with its `example` and `probability`).
 *
 * @example
 * { "*": { "delayMs": [20, 80] },
 *   "omeda.cancelDeployment": { "status": 500, "probability": 0.1 },
 *   "sfmc.perform": { "drop": true, "probability": 0.05 } }
 *
 * @see ../../docs/reference/limits.md
 */
export interface FaultRule {
  /** Added before the answer: a fixed number of milliseconds, or `[min, max]` drawn uniformly. */
  readonly delayMs?: number | readonly [number, number];
  /**
   * A documented status to answer instead of the handler (its documented example), or `'error'`: any
   * documented 4xx/5xx of the operation, drawn at random.
   */
  readonly status?: number | 'error';
  readonly example?: string;
  /** Drop the connection (server) / answer a network error (MSW) instead of answering. */
  readonly drop?: boolean;
  /** Chance (0–1, default 1) that `status` or `drop` applies to one request; the delay always does. */
  readonly probability?: number;
}

export type FaultPlan = Readonly<Record<string, FaultRule>>;

/** A fault plan that breaks its own shape: what and where, for the CLI and the admin API. */
export class FaultPlanError extends UsageError {
  override name = 'FaultPlanError';

  constructor(message: string) {
    super('bad-fault-plan', `[esp-cancel-mock] faults: ${message}`);
  }
}

/** Checks the shape of a plan read from JSON/YAML (operations and statuses are checked by the engine). */
export function parseFaultPlan(input: unknown): FaultPlan {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new FaultPlanError('expected an object of {"<vendor.operationId>|*": {delayMs, status, drop, probability}}');
  const plan = new Map<string, FaultRule>();
  for (const [key, raw] of Object.entries(input)) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new FaultPlanError(`${key}: expected an object`);
    const rule = raw as Record<string, unknown>;
    const unknownKeys = Object.keys(rule).filter((name) => !['delayMs', 'status', 'example', 'drop', 'probability'].includes(name));
    if (unknownKeys.length > 0) throw new FaultPlanError(`${key}: unknown field ${unknownKeys.join(', ')}`);
    const { delayMs, status, example, drop, probability } = rule;
    const isDelay = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 600_000;
    if (
      delayMs !== undefined &&
      !isDelay(delayMs) &&
      !(Array.isArray(delayMs) && delayMs.length === 2 && delayMs.every(isDelay) && delayMs[0] <= delayMs[1])
    )
      throw new FaultPlanError(`${key}: delayMs must be milliseconds (0–600000) or [min, max]`);
    if (status !== undefined && status !== 'error' && !(Number.isInteger(status) && (status as number) >= 100 && (status as number) <= 599))
      throw new FaultPlanError(`${key}: status must be an HTTP status or "error"`);
    if (example !== undefined && typeof example !== 'string') throw new FaultPlanError(`${key}: example must be a string`);
    if (drop !== undefined && typeof drop !== 'boolean') throw new FaultPlanError(`${key}: drop must be true or false`);
    if (probability !== undefined && !(typeof probability === 'number' && probability >= 0 && probability <= 1))
      throw new FaultPlanError(`${key}: probability must be from 0 to 1`);
    if (status !== undefined && drop === true) throw new FaultPlanError(`${key}: choose status or drop, not both`);
    if (probability !== undefined && status === undefined && drop === undefined)
      throw new FaultPlanError(
        `${key}: probability is the chance of a status or a drop; give one (to take an operation out of a * fault: { "drop": false })`,
      );
    if (example !== undefined && (status === undefined || status === 'error'))
      throw new FaultPlanError(`${key}: example names an example of a fixed status; give status a number`);
    plan.set(key, rule as FaultRule);
  }
  // Built from a Map so a key named `__proto__` stays an own key (and is refused as an unknown operation).
  return Object.fromEntries(plan);
}

/** `--latency 100` (fixed) or `--latency 50-200` (uniform): a `*` rule with that delay. */
export function parseLatency(text: string): FaultRule {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!match) throw new FaultPlanError(`--latency takes milliseconds, e.g. 100 or 50-200; got '${text}'`);
  const low = Number(match[1]);
  const high = match[2] === undefined ? undefined : Number(match[2]);
  if (high !== undefined && high < low) throw new FaultPlanError(`--latency ${text}: the range must go from low to high`);
  return parseFaultPlan({ '*': { delayMs: high === undefined ? low : [low, high] } })['*'] as FaultRule;
}

/** `--chaos 0.1`: every operation answers one of its documented errors 10% of the time. */
export function parseChaos(text: string): FaultRule {
  const probability = Number(text);
  if (!(text.trim() !== '' && probability >= 0 && probability <= 1))
    throw new FaultPlanError(`--chaos takes a probability from 0 to 1, e.g. 0.1; got '${text}'`);
  return { status: 'error', probability };
}

/**
 * The rule that applies to an operation, its two parts found apart: the delay from the most specific
 * key that sets `delayMs`, the fault from the most specific key that sets `status` or `drop`. So a `*`
 * delay (`--latency`) delays every answer, an operation's own fault included; `{ delayMs: 0 }` takes
 * one operation out of a `*` delay, `{ drop: false }` out of a `*` fault (`--chaos`).
 */
export function findFaultRule(plan: FaultPlan, vendor: string, operationId: string): FaultRule | undefined {
  const keys = [`${vendor}.${operationId}`, operationId, '*'];
  const rules = keys.filter((key) => Object.hasOwn(plan, key)).map((key) => plan[key] as FaultRule);
  const delayMs = rules.find((rule) => rule.delayMs !== undefined)?.delayMs;
  const faulty = rules.find((rule) => rule.status !== undefined || rule.drop !== undefined);
  if (delayMs === undefined && !faulty) return undefined;
  const { status, example, drop, probability } = faulty ?? {};
  return {
    ...(delayMs === undefined ? {} : { delayMs }),
    ...(status === undefined ? {} : { status }),
    ...(example === undefined ? {} : { example }),
    ...(drop === undefined ? {} : { drop }),
    ...(probability === undefined ? {} : { probability }),
  };
}
