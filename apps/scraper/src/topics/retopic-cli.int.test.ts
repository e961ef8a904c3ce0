import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const tsx = join(packageDir, "node_modules", ".bin", "tsx");
const dataDir = mkdtempSync(join(tmpdir(), "paperpulse-retopic-"));

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      tsx,
      [join(packageDir, "src", "cli.ts"), ...args],
      { env: { ...process.env, DATABASE_URL: "", PAPERPULSE_DATA_DIR: dataDir }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("pnpm scrape retopic", () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // Two CLI processes, the first creating the database folder and migrating it: each is bounded at 60 s, and a
  // loaded machine took more than the default 30 s for both.
  it("recomputes topics as a run and prints its summary as the last line with --json", {
    timeout: 120_000,
  }, async () => {
    const result = await runCli(["retopic", "--json"]);
    expect(result.code).toBe(0);
    const last = JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "{}");
    expect(last).toMatchObject({ command: "retopic", status: "succeeded", papers: 0, topicsChanged: 0 });
    expect(result.stderr).toContain(`run #${last.runId} succeeded: 0 papers recomputed`);
    const runs = await runCli(["runs", "--json"]);
    expect(JSON.parse(runs.stdout.trim().split("\n").at(-1) ?? "{}").runs[0]).toMatchObject({
      command: "retopic",
      status: "succeeded",
    });
  });

  it("takes no arguments", async () => {
    const result = await runCli(["retopic", "everything"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("retopic takes at most 0 argument(s)");
  });
});
