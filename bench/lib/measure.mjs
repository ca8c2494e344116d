// Timing and summary helpers. Every figure the bench reports is a ratio of two
// things measured the same way in the same run, so these stay deliberately plain.

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Nearest-rank percentile of a list of numbers (p in 0..100). */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summary(values) {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    min: values.length ? Math.min(...values) : NaN,
    max: values.length ? Math.max(...values) : NaN,
  };
}

/** Runs `work(i)` for i in 0..n-1 with at most `limit` at once; resolves to the results in order. */
export async function pool(n, limit, work) {
  const results = new Array(n);
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      results[i] = await work(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, n) }, worker));
  return results;
}

/** Times one call: { ms, value } or { ms, error }. */
export async function timed(work) {
  const started = performance.now();
  try {
    const value = await work();
    return { ms: performance.now() - started, value };
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
}

/** Times `work` `n` times one after another (after `warmup` untimed calls); returns the durations. */
export async function repeat(n, work, { warmup = 1 } = {}) {
  for (let i = 0; i < warmup; i++) await work(i);
  const durations = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await work(i);
    durations.push(performance.now() - started);
  }
  return durations;
}

/**
 * Alternates two measurements (a, b, a, b, …) so that load on a shared machine
 * falls on both alike; returns both lists of durations.
 */
export async function interleave(n, a, b, { warmup = 1 } = {}) {
  for (let i = 0; i < warmup; i++) {
    await a(i);
    await b(i);
  }
  const as = [];
  const bs = [];
  for (let i = 0; i < n; i++) {
    for (const [work, out] of i % 2 === 0 ? [[a, as], [b, bs]] : [[b, bs], [a, as]]) {
      const started = performance.now();
      await work(i);
      out.push(performance.now() - started);
    }
  }
  return [as, bs];
}

/** Polls `check` until it returns something truthy; returns it with the time waited. Throws after `timeoutMs`. */
export async function waitFor(check, { timeoutMs = 60_000, everyMs = 100, what = "condition" } = {}) {
  const started = performance.now();
  for (;;) {
    const value = await check();
    if (value) return { value, ms: performance.now() - started };
    if (performance.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

export const round = (value, digits = 0) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);
