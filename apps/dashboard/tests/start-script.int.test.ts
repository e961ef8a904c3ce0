import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, DataDirLockedError } from "@paperpulse/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, repoRoot, startDashboard } from "./support/server";

// `pnpm start` is the README's first command: the script behind it, run as a user runs it.
const startScript = join(repoRoot, "scripts", "start.mjs");

function startProduct(env: Record<string, string>) {
  const child = spawn(process.execPath, [startScript], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: "",
      HF_BASE_URL: "",
      PAPERPULSE_ADMIN_TOKEN: "",
      HOST: "",
      PAPERPULSE_TRUST_PROXY: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = once(child, "exit").then(([code]) => code as number | null);
  return { child, exited, output: () => output };
}

describe("pnpm start (scripts/start.mjs)", () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "paperpulse-start-"));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("refuses a port that is no port, naming it", async () => {
    const product = startProduct({ PORT: "99999", PAPERPULSE_DATA_DIR: dataDir });
    expect(await product.exited).toBe(2);
    expect(product.output()).toMatch(/PORT must be a port number \(1-65535\), got "99999"/);
  });

  it("does not start the dashboard with a politeness limit out of range, and says which", async () => {
    await expect(
      startDashboard({ dataDir }, { env: { PAPERPULSE_PAGE_LOADS_PER_5MIN: "1000" } }),
    ).rejects.toThrow(/cannot start: PAPERPULSE_PAGE_LOADS_PER_5MIN must be a whole number from 1 to 100/);
  });

  it("prints the schedule and its URL, serves the dashboard holding the folder, and releases it on Ctrl+C", async () => {
    const port = await freePort();
    const product = startProduct({
      PORT: String(port),
      PAPERPULSE_DATA_DIR: dataDir,
      // Scheduling on, but its next time far away: nothing fires during the test.
      PAPERPULSE_SCHEDULE: "on",
      PAPERPULSE_SCHEDULE_REFRESH: "0 0 1 1 *",
      PAPERPULSE_SCHEDULE_DAILY: "off",
    });
    try {
      const url = `http://localhost:${port}`;
      const deadline = Date.now() + 240_000; // a first build on a cold cache takes minutes
      let status = 0;
      while (status !== 200) {
        if (Date.now() > deadline || product.child.exitCode !== null) {
          throw new Error(`pnpm start did not serve ${url}:\n${product.output()}`);
        }
        status = await fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
          (response) => response.status,
          () => 0,
        );
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 500));
      }
      const next = `${new Date().getUTCFullYear() + 1}-01-01T00:00Z`;
      expect(product.output()).toContain(
        "Schedule (embedded mode: run by the dashboard process), times in UTC:",
      );
      expect(product.output()).toContain(`refresh (0 0 1 1 *): next ${next}`);
      expect(product.output()).toContain(`Paperpulse dashboard on ${url} (embedded database in ${dataDir})`);
      // Loopback only by default: this machine's other addresses refuse the connection.
      expect(product.output()).toContain("Listening on 127.0.0.1 only: this machine alone can open it.");
      const outward = Object.values(networkInterfaces())
        .flat()
        .find((address) => address && address.family === "IPv4" && !address.internal);
      if (!outward)
        console.warn("NOTE: this machine has no non-loopback IPv4 address; not tried from outside.");
      else expect(await connects(outward.address, port)).toBe(false);

      const bad = await fetch(`${url}/api/export/papers.csv?from=someday`);
      expect(bad.status).toBe(400);
      expect(await bad.text()).toMatch(/from/);

      await expect(createDb({ dataDir, databaseUrl: undefined })).rejects.toBeInstanceOf(DataDirLockedError);
      expect(existsSync(join(dataDir, "paperpulse.lock"))).toBe(true);
    } finally {
      product.child.kill("SIGINT");
    }
    expect(await product.exited).toBe(130);
    expect(existsSync(join(dataDir, "paperpulse.lock"))).toBe(false);
    const reopened = await createDb({ dataDir, databaseUrl: undefined });
    await reopened.close();
  }, 300_000);
});

/** Whether a TCP connection to host:port is accepted. */
function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 3000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}
