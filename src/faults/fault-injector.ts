import { type FaultPlan, findFaultRule } from './fault-plan.ts';
import { createSeededRandom, randomSeed, type SeededRandom } from './seeded-random.ts';

/** What the injector decided for one request. */
export interface FaultDecision {
  readonly delayMs: number;
  /** Drop the connection instead of answering. */
  readonly drop: boolean;
  /** Answer this documented status instead of the handler. */
  readonly force?: { readonly status: number; readonly example?: string };
}

const NONE: FaultDecision = { delayMs: 0, drop: false };

/**
 * The engine's fault and latency injection: one plan, one seeded random stream. The same seed and
 * the same request order give the same faults, so a failing run replays.
 *
 * @see ./fault-plan.ts for the declaration
 */
export interface FaultInjector {
  set(plan: FaultPlan, seed?: number): void;
  readonly plan: FaultPlan;
  readonly seed: number;
  /** `errorStatuses`: the operation's documented 4xx/5xx, for `status: "error"`. */
  decide(vendor: string, operationId: string, errorStatuses: readonly number[]): FaultDecision;
}

export function createFaultInjector(seed: number = randomSeed()): FaultInjector {
  let plan: FaultPlan = {};
  // Most mocks (and every session but the ones given a plan) have no rule: then no lookup per request.
  let planned = false;
  let random: SeededRandom = createSeededRandom(seed);
  return {
    get plan() {
      return plan;
    },
    get seed() {
      return random.seed;
    },
    set(next, nextSeed) {
      plan = next;
      planned = Object.keys(next).length > 0;
      random = createSeededRandom(nextSeed ?? random.seed);
    },
    decide(vendor, operationId, errorStatuses) {
      const rule = planned ? findFaultRule(plan, vendor, operationId) : undefined;
      if (!rule) return NONE;
      const delay = rule.delayMs;
      const delayMs = Array.isArray(delay) ? Math.round(delay[0] + random.next() * (delay[1] - delay[0])) : ((delay as number) ?? 0);
      const hits = (rule.status !== undefined || rule.drop === true) && random.next() < (rule.probability ?? 1);
      if (!hits) return { delayMs, drop: false };
      if (rule.drop) return { delayMs, drop: true };
      if (rule.status === 'error') {
        const status = errorStatuses[Math.floor(random.next() * errorStatuses.length)];
        return status === undefined ? { delayMs, drop: false } : { delayMs, drop: false, force: { status } };
      }
      return { delayMs, drop: false, force: { status: rule.status as number, ...(rule.example ? { example: rule.example } : {}) } };
    },
  };
}
