import type { HistoryCounts } from "./fill-history";
import type { LoadResult } from "./load-route";
import type { ExportResult } from "./measure-export";
import type { Uncached } from "./measure-uncached";
import type { BenchRoute } from "./routes";

export type Engine = "postgres" | "pglite";

export type EngineResult = {
  engine: Engine;
  counts: HistoryCounts;
  importSeconds: number;
  importedItems: number;
  fillSeconds: number;
  startSeconds: number;
  routes: (BenchRoute & { load: LoadResult; bodyBytes: number })[];
  papersExport: ExportResult;
  /** The server's highest resident memory over the whole run (VmHWM of the server process and any children). */
  peakMemory: number;
  /** The same server with the page cache off, one request at a time. */
  uncached: Uncached;
};

/** The issue's targets, per engine. */
export const targets = {
  viewP95: { postgres: 150, pglite: 500 } as Record<Engine, number>,
  exportRowsPerSecond: 150_000,
  exportGrowthBytes: 100 * 1024 * 1024,
  overviewBytes: 250 * 1024,
  startSeconds: 5,
};

export type Check = { what: string; value: string; target: string; met: boolean };

export function checkTargets(result: EngineResult): Check[] {
  const checks: Check[] = [];
  const limit = targets.viewP95[result.engine];
  for (const route of result.routes) {
    if (route.kind !== "view") continue;
    checks.push({
      what: `${route.name} p95`,
      value: `${route.load.p95.toFixed(0)} ms`,
      target: `< ${limit} ms`,
      met: route.load.p95 < limit && route.load.failures === 0,
    });
    if (route.path === "/" || route.path.startsWith("/?")) {
      checks.push({
        what: `${route.name} HTML`,
        value: kb(route.bodyBytes),
        target: `< ${kb(targets.overviewBytes)}`,
        met: route.bodyBytes < targets.overviewBytes,
      });
    }
  }
  checks.push(
    {
      what: "papers CSV alone",
      value: `${Math.round(result.papersExport.rate).toLocaleString("en")} rows/s`,
      target: `≥ ${targets.exportRowsPerSecond.toLocaleString("en")} rows/s`,
      met: result.papersExport.rate >= targets.exportRowsPerSecond,
    },
    {
      what: "memory growth during the export",
      value: mb(result.papersExport.growth),
      target: `< ${mb(targets.exportGrowthBytes)}`,
      met: result.papersExport.growth < targets.exportGrowthBytes,
    },
    {
      what: "pnpm start until / answers",
      value: `${result.startSeconds.toFixed(1)} s`,
      target: `< ${targets.startSeconds} s`,
      met: result.startSeconds < targets.startSeconds,
    },
  );
  return checks;
}

/** The results as Markdown: one table of every route on both engines, then each engine's other numbers. */
export function formatReport(
  results: EngineResult[],
  context: { date: string; machine: string; command: string },
) {
  const engines = results.map((r) => r.engine);
  const lines = [
    `Measured ${context.date} on ${context.machine} with \`${context.command}\`.`,
    "",
    ...results.map(
      (r) =>
        `- **${r.engine}**: ${r.counts.papers.toLocaleString("en")} papers, ${r.counts.snapshots.toLocaleString("en")} snapshots, ` +
        `${r.counts.runs.toLocaleString("en")} runs, ${r.counts.pages.toLocaleString("en")} pages; import through the CLI ` +
        `${r.importSeconds.toFixed(0)} s (${Math.round(r.importedItems / r.importSeconds).toLocaleString("en")} items/s), ` +
        `history added in ${r.fillSeconds.toFixed(0)} s.`,
    ),
    "",
    "Latency in ms at 10 concurrent clients against the production server (p50 / p95 / p99), responses per second, body size;",
    "then, with the page cache off (`PAPERPULSE_PAGE_CACHE_MB=0`), the median time of one request from one client:",
    "what a reader waits for when the view is not cached yet (the first request after a run changed the data).",
    "",
    `| route | ${engines.map((e) => `${e} p50 / p95 / p99 | ${e} req/s`).join(" | ")} | size | ${engines.map((e) => `${e} uncached`).join(" | ")} |`,
    `| --- | ${engines.map(() => "--- | ---").join(" | ")} | --- | ${engines.map(() => "---").join(" | ")} |`,
  ];
  const first = results[0];
  for (const [index, route] of (first?.routes ?? []).entries()) {
    const cells = results.map((r) => {
      const load = r.routes[index]?.load;
      if (!load) return "- | -";
      const failed = load.failures > 0 ? ` (${load.failures} failed)` : "";
      return `${load.p50.toFixed(0)} / ${load.p95.toFixed(0)} / ${load.p99.toFixed(0)}${failed} | ${load.rate.toFixed(1)}`;
    });
    const cold = results.map((r) => {
      const ms = r.uncached.renderMs.get(route.name);
      return ms === undefined ? "-" : `${ms.toFixed(0)}`;
    });
    lines.push(
      `| ${route.name} \`${route.path}\` | ${cells.join(" | ")} | ${kb(route.bodyBytes)} | ${cold.join(" | ")} |`,
    );
  }
  lines.push("");
  for (const result of results) {
    const checks = checkTargets(result);
    const missed = checks.filter((c) => !c.met);
    lines.push(
      `**${result.engine}**: papers CSV alone ${result.papersExport.rows.toLocaleString("en")} rows in ` +
        `${result.papersExport.ms.toFixed(0)} ms = ${Math.round(result.papersExport.rate).toLocaleString("en")} rows/s, ` +
        `server memory growth during it ${mb(result.papersExport.growth)}; server peak memory ${mb(result.peakMemory)}; ` +
        `\`pnpm start\` answered in ${result.startSeconds.toFixed(1)} s. Uncached, the papers CSV streams from the ` +
        `database at ${Math.round(result.uncached.papersExport.rate).toLocaleString("en")} rows/s. ` +
        (missed.length === 0
          ? `Every target met (${checks.length} checks).`
          : `Targets missed: ${missed.map((c) => `${c.what} ${c.value} (${c.target})`).join("; ")}.`),
      "",
    );
  }
  return lines.join("\n");
}

export function kb(bytes: number): string {
  return `${Math.round(bytes / 1024).toLocaleString("en")} KB`;
}

export function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024).toLocaleString("en")} MB`;
}
