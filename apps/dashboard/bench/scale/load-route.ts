import autocannon from "autocannon";

export type LoadResult = {
  requests: number;
  /** Responses per second over the measured run. */
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  /** Responses other than 200, and requests that errored or timed out. */
  failures: number;
};

export type LoadOptions = { connections: number; seconds: number; warmupSeconds: number };

/**
 * Serves `url` to `connections` clients at once and reports latency percentiles over every response (autocannon's
 * own summary has p97.5 but no p95). A warm-up round (every client one request, more if time allows) is dropped
 * and sizes the measured round: about `seconds` long, but never fewer than three requests per client, and every
 * request sent is waited for, so a slow route is not measured only by its fastest answers.
 */
export async function loadRoute(url: string, options: LoadOptions): Promise<LoadResult> {
  const warm = await run(url, options.connections, options.connections);
  let perSecond = warm.rate > 0 ? warm.rate : 1;
  const extra = Math.floor(perSecond * options.warmupSeconds) - options.connections;
  // The longer warm-up round tells the rate better than the first, which opens the connections.
  if (extra >= options.connections)
    perSecond = (await run(url, options.connections, extra)).rate || perSecond;
  const amount = Math.max(options.connections * 3, Math.round(perSecond * options.seconds));
  return run(url, options.connections, amount);
}

async function run(url: string, connections: number, amount: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  let lastResponse = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, amount, timeout: 120 }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      lastResponse = performance.now();
      if (statusCode !== 200) failures++;
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    // From the start to the last response, on our clock: autocannon's own duration ends at its next one-second
    // tick, which made a short round look like 100 requests a second whatever the server did.
    rate: latencies.length / Math.max((lastResponse - started) / 1000, 0.001),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    failures: failures + result.errors + result.timeouts,
  };
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}
