import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const lockModule = join(dirname(fileURLToPath(import.meta.url)), "lock.ts");

// Each contender says it is ready, waits for the "go" file, tries to take the lock and says what happened. The
// winner holds it until the "done" file appears: every contender has answered by then, however slowly it started.
const contender = `
import { existsSync } from "node:fs";
import { join } from "node:path";
const { acquireDataDirLock } = await import(${JSON.stringify(lockModule)});
const [dir, control] = process.argv.slice(-2);
const until = async (name) => { while (!existsSync(join(control, name))) await new Promise((r) => setTimeout(r, 1)); };
console.log("ready");
await until("go");
try {
  const release = acquireDataDirLock(dir, "contender " + process.pid);
  console.log("held");
  await until("done");
  release();
} catch (error) {
  console.log(error.code === "DATA_DIR_LOCKED" ? "locked" : "error " + error.message);
}`;

async function race(dir: string, contenders: number): Promise<string[]> {
  const control = mkdtempSync(join(tmpdir(), "paperpulse-lock-control-"));
  const children: ChildProcess[] = [];
  try {
    for (let i = 0; i < contenders; i++)
      children.push(
        spawn(
          process.execPath,
          ["--import", "tsx", "--input-type=module", "-e", contender, "--", dir, control],
          {
            stdio: ["ignore", "pipe", "inherit"],
          },
        ),
      );
    // Listened for from the start: a contender that lost exits at once, before we would look.
    const closed = children.map((child) => new Promise((resolve) => child.once("close", resolve)));
    const lines = children.map((child) =>
      createInterface({ input: child.stdout as Readable })[Symbol.asyncIterator](),
    );
    const next = async (i: number) => String((await lines[i]?.next())?.value ?? "exited");
    expect(await Promise.all(children.map((_, i) => next(i)))).toEqual(Array(contenders).fill("ready"));
    writeFileSync(join(control, "go"), "");
    const answers = await Promise.all(children.map((_, i) => next(i)));
    writeFileSync(join(control, "done"), "");
    await Promise.all(closed);
    return answers.sort();
  } finally {
    // A test that failed half-way must not leave contenders polling for a signal that never comes.
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    rmSync(control, { recursive: true, force: true });
  }
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
