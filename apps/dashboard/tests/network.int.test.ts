import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningDashboard, startDashboard } from "./support/server";

// An embedded dashboard opened to the network (HOST=0.0.0.0) without an admin token: anyone who reaches the machine
// could press Run now, so it is off, and says why; reading stays open.

describe("an embedded dashboard listening beyond loopback", () => {
  let dataDir = "";
  let server: RunningDashboard | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "paperpulse-network-"));
    server = await startDashboard({ dataDir }, { env: { HOST: "0.0.0.0" } });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("says where it listens", () => {
    expect(server?.output()).toMatch(/listening on 0\.0\.0\.0:\d+/);
  });

  it("turns Run now off without PAPERPULSE_ADMIN_TOKEN, with the reason", async () => {
    if (!server) throw new Error("server not started");
    const response = await fetch(`${server.url}/api/runs/run-now`, { method: "POST" });
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(
      /Run now is disabled: PAPERPULSE_ADMIN_TOKEN is not set: the dashboard is reachable beyond this machine \(on 0\.0\.0\.0\)/,
    );
    const html = await (await fetch(`${server.url}/runs`)).text();
    expect(html).toMatch(/<button type="submit" disabled="" data-run-now="true">Run now<\/button>/);
    expect((await fetch(`${server.url}/papers`)).status).toBe(200);
  });
});
