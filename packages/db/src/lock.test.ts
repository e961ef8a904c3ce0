import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const lockModule = join(dirname(fileURLToPath(import.meta.url)), "lock.ts");

// Each contender waits for the same instant, tries to take the lock, says what happened and holds it a while.
const contender = `
const { acquireDataDirLock } = await import(${JSON.stringify(lockModule)});
const [dir, at] = process.argv.slice(-2);
while (Date.now() < Number(at)) await new Promise((r) => setTimeout(r, 1));
try {
  const release = acquireDataDirLock(dir, "contender " + process.pid);
  console.log("held");
  await new Promise((r) => setTimeout(r, 3000));
  release();
} catch (error) {
  console.log(error.code === "DATA_DIR_LOCKED" ? "locked" : "error " + error.message);
}`;

function contend(dir: string, at: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", contender, "--", dir, String(at)],
      { timeout: 30_000 },
      (error, stdout) => (error ? reject(error) : resolve(stdout.trim())),
    );
  });
}

async function race(dir: string, contenders: number): Promise<string[]> {
  // Far enough ahead for every process to have started, so that they all try within a few milliseconds.
  const at = Date.now() + 4_000;
  return (await Promise.all(Array.from({ length: contenders }, () => contend(dir, at)))).sort();
}

describe("the PGlite folder lock under contention", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("lets exactly one of eight processes starting at once take a free folder", async () => {
    dir = mkdtempSync(join(tmpdir(), "paperpulse-lock-race-"));
    expect(await race(dir, 8)).toEqual(["held", ...Array(7).fill("locked")]);
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);

  it("lets exactly one of eight take over a lock its dead holder left, and leaves no stray files", async () => {
    dir = mkdtempSync(join(tmpdir(), "paperpulse-lock-race-"));
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    writeFileSync(
      join(dir, "paperpulse.lock"),
      JSON.stringify({
        pid: dead,
        host: hostname(),
        holder: "a run that was killed",
        since: new Date().toISOString(),
      }),
    );
    expect(await race(dir, 8)).toEqual(["held", ...Array(7).fill("locked")]);
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);
});
