import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type HfTestServer, startHfTestServer } from "@paperpulse/scraper/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningDashboard, startDashboard } from "./support/server";

// Embedded mode: the dashboard process owns the PGlite folder, so it runs the schedule itself. A refresh every
// second (cron with seconds) against a local stand-in for Hugging Face shows the jobs firing in-process.

describe("scheduling in the embedded dashboard", () => {
  let hf: HfTestServer | undefined;
  let server: RunningDashboard | undefined;
  let dataDir = "";
  const url = (path: string) => `${server?.url ?? ""}${path}`;

  beforeAll(async () => {
    hf = await startHfTestServer();
    hf.route("/api/daily_papers", () => ({ body: "[]", headers: { "content-type": "application/json" } }));
    dataDir = mkdtempSync(join(tmpdir(), "paperpulse-schedule-"));
    server = await startDashboard(
      { dataDir },
      {
        env: {
          PAPERPULSE_SCHEDULE: "on",
          PAPERPULSE_SCHEDULE_REFRESH: "* * * * * *",
          PAPERPULSE_SCHEDULE_DAILY: "off",
          PAPERPULSE_REFRESH_DAYS: "1",
          HF_BASE_URL: hf.baseUrl,
          PAPERPULSE_ALLOW_PRIVATE_HOSTS: "1",
        },
      },
    );
  });

  afterAll(async () => {
    await server?.stop();
    await hf?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("says at boot that this process schedules, and shows the jobs' next runs", async () => {
    expect(server?.output()).toMatch(/scheduling in this process: refresh next at \d{4}-\d{2}-\d{2}T/);
    const html = await (await fetch(url("/runs"))).text();
    expect(html).toContain("This dashboard process runs the schedule (embedded mode).");
    expect(html).toMatch(
      /refresh<\/td><td><code>\* \* \* \* \* \*<\/code><\/td><td>[^<]+UTC · [^<]+UTC · [^<]+UTC<\/td>/,
    );
  });

  it("fires the refresh job in-process, one run at a time, recorded as scheduled", async () => {
    const deadline = Date.now() + 15_000;
    let html = "";
    while (Date.now() < deadline) {
      html = await (await fetch(url("/runs"))).text();
      if (/<td>schedule<\/td><td><span class="status status-succeeded"/.test(html)) break;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(html).toMatch(/<td>schedule<\/td><td><span class="status status-succeeded"/);
    expect(html).toContain("scheduled: refresh");
    expect(hf?.requests.some((r) => r.path === "/api/daily_papers")).toBe(true);
  });

  it("lets Run now start the refresh without a token (embedded, none configured), same-site only", async () => {
    const crossSite = await fetch(url("/api/runs/run-now"), {
      method: "POST",
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    const response = await fetch(url("/api/runs/run-now"), { method: "POST" });
    expect(response.status).toBe(202);
    const body = (await response.json()) as { runId: number; started: boolean };
    expect(body.runId).toBeGreaterThan(0);
  });
});
