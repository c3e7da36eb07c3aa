// Latency sampling for read benchmarks: one call at a time, after a warm-up, subject and baseline
// interleaved call by call so drift on the machine (others' tests, autovacuum) hits both alike.

export interface Percentiles {
  p50: number;
  p95: number;
}

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95) };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Milliseconds per call of each named function: `warmup` untimed rounds, then `iterations` timed ones. */
export async function sampleInterleaved<Name extends string>(
  calls: Record<Name, () => Promise<unknown>>,
  options: { iterations: number; warmup: number },
): Promise<Record<Name, Percentiles>> {
  const names = Object.keys(calls) as Name[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
  for (let round = 0; round < options.warmup + options.iterations; round++) {
    // Alternate the order each round, so neither side always runs on a just-warmed connection.
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const ms = await timed(calls[name]);
      if (round >= options.warmup) samples[name].push(ms);
    }
  }
  return Object.fromEntries(names.map((name) => [name, percentiles(samples[name])])) as Record<Name, Percentiles>;
}

export const formatMs = (ms: number) => `${ms.toFixed(2)} ms`;
