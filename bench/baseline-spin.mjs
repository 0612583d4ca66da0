// A baseline's extra work per request, for `npm run bench:threads -- --spin <µs>`: a busy wait of
// BASELINE_SPIN_US microseconds (none when unset). With it a baseline becomes as slow as the mock, and
// its system time per request can be read beside the mock's: a server that, rather than the load
// generator, is the bottleneck pays for more of the kernel's wake-ups (docs/development.md, "System
// time follows the bottleneck").
const spinMicros = Number(process.env.BASELINE_SPIN_US ?? 0);

/** Busy-waits `BASELINE_SPIN_US` microseconds; returns at once without it. */
export function spin() {
  if (!(spinMicros > 0)) return;
  const end = performance.now() + spinMicros / 1000;
  while (performance.now() < end);
}
