import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { describeWhen } from "../testing/gate.ts";
import { describeEachDatabase, openServerDb } from "../testing/index.ts";
import { createDb } from "./create-db.ts";
import { DataDirLockedError } from "./lock.ts";
import { selectRows } from "./rows.ts";

const tableNames = sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`;

describeEachDatabase("createDb", (getDb) => {
  it("applies the committed migrations", async () => {
    const rows = await selectRows<{ table_name: string }>(getDb(), tableNames);
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        "organizations",
        "paper_authors",
        "paper_snapshots",
        "papers",
        "scrape_pages",
        "scrape_runs",
      ]),
    );
  });
});

describeWhen(
  Boolean(process.env.TEST_DATABASE_URL),
  "TEST_DATABASE_URL is not set",
  "migrations on Postgres",
  () => {
    it("lets several processes start at once: one migrates, the others find the schema ready", async () => {
      const first = await openServerDb();
      try {
        const url = first.url ?? "";
        const opened = await Promise.all(Array.from({ length: 4 }, () => createDb({ databaseUrl: url })));
        await Promise.all(opened.map((h) => h.close()));
        const rows = await selectRows<{ n: number }>(
          first.db,
          sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
        );
        expect(rows[0]?.n).toBeGreaterThan(0);
      } finally {
        await first.close();
      }
    });
  },
);

describe("PGlite folder lock", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a second opener at once, naming the holder, and keeps the first one's data", async () => {
    dir = mkdtempSync(join(tmpdir(), "paperpulse-lock-"));
    const first = await createDb({ dataDir: dir, databaseUrl: undefined, holder: "the dashboard server" });
    await first.db.execute(
      sql`insert into organizations (name, first_seen_at, last_seen_at) values ('acme', now(), now())`,
    );
    const started = Date.now();
    const second = createDb({ dataDir: dir, databaseUrl: undefined, holder: "a CLI run" });
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(/in use by the dashboard server \(pid \d+/);
    expect(Date.now() - started).toBeLessThan(2_000);
    await first.close();

    const reopened = await createDb({ dataDir: dir, databaseUrl: undefined });
    const rows = await selectRows<{ name: string }>(reopened.db, sql`select name from organizations`);
    expect(rows).toEqual([{ name: "acme" }]);
    await reopened.close();
  });
});
