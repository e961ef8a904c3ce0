import { readTreeMemory, watchMemory } from "./process-memory";

export type ExportResult = {
  rows: number;
  /** Rows per second of the median download. */
  rate: number;
  ms: number;
  /** Highest resident memory of the server during the downloads, above what it held before them, bytes. */
  growth: number;
};

/** Downloads an export `runs` times, one at a time, counting its rows, while watching the server's memory. */
export async function measureExport(url: string, serverPid: number, runs = 3): Promise<ExportResult> {
  const before = readTreeMemory(serverPid, "VmRSS");
  const watch = watchMemory(serverPid);
  const results: { rows: number; ms: number }[] = [];
  let peak = before;
  try {
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const response = await fetch(url);
      if (response.status !== 200 || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
      let newlines = 0;
      const reader = response.body.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        for (const byte of chunk.value) if (byte === 10) newlines++;
      }
      // Every row ends in CRLF, the header's too (the scale data set has no line break inside a cell).
      results.push({ rows: newlines - 1, ms: performance.now() - started });
    }
  } finally {
    peak = watch.stop();
  }
  results.sort((a, b) => a.ms - b.ms);
  const median = results[Math.floor(results.length / 2)] ?? { rows: 0, ms: 1 };
  return { rows: median.rows, ms: median.ms, rate: (median.rows / median.ms) * 1000, growth: peak - before };
}
