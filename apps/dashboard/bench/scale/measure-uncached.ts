import { startDashboard } from "../../tests/support/server";
import { type ExportResult, measureExport } from "./measure-export";
import type { BenchRoute } from "./routes";

export type Uncached = {
  /** Median time of one request to each route, one client at a time, every response rendered. */
  renderMs: Map<string, number>;
  papersExport: ExportResult;
};

/**
 * The same routes on a server with the page cache off (PAPERPULSE_PAGE_CACHE_MB=0), one request at a time: what a
 * reader waits for when nothing is cached (the first view after a run changed the data), and the papers export as
 * it streams from the database.
 */
export async function measureUncached(
  database: { dataDir: string } | { databaseUrl: string },
  routes: BenchRoute[],
): Promise<Uncached> {
  const server = await startDashboard(database, { env: { PAPERPULSE_PAGE_CACHE_MB: "0" } });
  try {
    const renderMs = new Map<string, number>();
    for (const route of routes) {
      if (route.path === "/api/export/papers.csv") continue;
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const started = performance.now();
        await (await fetch(`${server.url}${route.path}`)).arrayBuffer();
        if (i >= 2) times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      renderMs.set(route.name, times[Math.floor(times.length / 2)] ?? Number.NaN);
    }
    const papersExport = await measureExport(`${server.url}/api/export/papers.csv`, server.pid);
    return { renderMs, papersExport };
  } finally {
    await server.stop();
  }
}
