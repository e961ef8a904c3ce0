import { describeEachDatabase } from "@paperpulse/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type HfTestServer, startHfTestServer } from "../../testing/hf-test-server.ts";
import { runGapsCommand } from "../cli/run-backfill-command.ts";
import { runBackfill } from "./run-backfill.ts";

function items(date: string, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    paper: {
      id: `${date.slice(2, 4)}${date.slice(5, 7)}.${date.slice(8, 10)}${String(i).padStart(3, "0")}`,
      title: `Synthetic ${date} ${i}`,
      authors: [{ name: "Ada Example" }],
      upvotes: i,
      submittedOnDailyAt: `${date}T00:00:00.000Z`,
    },
    numComments: 0,
  }));
}

describeEachDatabase("backfill and gaps", (getDb) => {
  let server: HfTestServer;
  let failing = true;
  beforeAll(async () => {
    server = await startHfTestServer();
    const byDate: Record<string, unknown[]> = {
      "2024-03-01": items("2024-03-01", 3),
      "2024-03-02": [],
      "2024-03-04": items("2024-03-04", 2),
      "2024-03-05": items("2024-03-05", 1),
    };
    server.route("/api/daily_papers", (request) => {
      const date = request.query.get("date") ?? "";
      if (date === "2024-03-03" && failing) return { status: 500, body: "boom" };
      const page = Number(request.query.get("p") ?? 0);
      const data = page === 0 ? (byDate[date] ?? items(date, 1)) : [];
      return { body: JSON.stringify(data), headers: { "content-type": "application/json" } };
    });
  });
  afterAll(async () => {
    await server.close();
  });
  const fetcher = () => ({ baseUrl: server.baseUrl, attempts: 1, allowPrivateHosts: true, maxRequests: 100 });
  const backfill = (force = false) =>
    runBackfill(getDb(), { from: "2024-03-01", to: "2024-03-05", force, source: "api", fetcher: fetcher() });

  it("tells days with papers, days without papers and failed days apart", async () => {
    const result = await backfill();
    expect(result).toMatchObject({
      days: 5,
      skipped: 0,
      withPapers: ["2024-03-01", "2024-03-04", "2024-03-05"],
      noPapers: ["2024-03-02"],
      failed: ["2024-03-03"],
    });
    expect(result.run?.status).toBe("partial");
    const gaps = await runGapsCommand(getDb(), { name: "gaps", from: "2024-03-01", to: "2024-03-06" });
    expect((gaps.json as { gaps: unknown[] }).gaps).toEqual([
      { date: "2024-03-03", status: "failed", weekday: "Sun" },
      { date: "2024-03-06", status: "missing", weekday: "Wed" },
    ]);
  });

  it("resumes: days captured after they settled are skipped, the failed day is fetched again", async () => {
    failing = false;
    const before = server.requests.length;
    const result = await backfill();
    expect(result).toMatchObject({ skipped: 4, withPapers: ["2024-03-03"], failed: [] });
    expect(result.run?.status).toBe("succeeded");
    expect(server.requests.slice(before).every((r) => r.query.get("date") === "2024-03-03")).toBe(true);
    const forced = await backfill(true);
    expect(forced).toMatchObject({ skipped: 0, days: 5 });
    expect(forced.run?.newPapers).toBe(0);
  });
});
