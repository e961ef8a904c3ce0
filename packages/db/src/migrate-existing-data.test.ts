import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeOnServer, migrateUpTo } from "../testing/index.ts";
import { AGGREGATES_VERSION } from "./aggregates/index.ts";
import { createDb, type DbHandle } from "./create-db.ts";
import { getOverviewStats, getUpvoteSeries, listOrgLeaderboard, listPapers } from "./queries/index.ts";
import { selectRows } from "./rows.ts";
import type { Db } from "./types.ts";

// The last migration before the precomputed tables, the trigram indexes and the texts table.
const lastOldMigration = 5;

// Twelve papers over four days in the old shape: abstracts, AI summaries and keywords on the papers rows.
const days = ["2025-03-03", "2025-03-04", "2025-03-10", "2025-04-01"];
const oldPapers = Array.from({ length: 12 }, (_, i) => ({
  id: `2503.${String(10001 + i)}`,
  title: `Old paper ${i + 1}`,
  summary: i % 4 === 3 ? null : `An abstract about ${i % 2 === 0 ? "diffusion" : "agents"} number ${i + 1}`,
  aiSummary: `AI summary ${i + 1}`,
  aiKeywords: i % 3 === 0 ? null : [`keyword ${i % 5}`],
  day: days[i % days.length] ?? "2025-03-03",
  // One paper under another spelling of org-0, as Hugging Face's names sometimes change case.
  org: i % 3 === 2 ? null : i === 4 ? "ORG-0" : `org-${i % 2}`,
  upvotes: (i * 7) % 23,
  comments: i % 4,
}));

async function writeOldData(db: Db): Promise<void> {
  await db.execute(sql`insert into organizations (name, fullname, avatar, first_seen_at, last_seen_at)
    values ('org-0', 'Org Zero', null, '2025-03-05', '2025-04-02'), ('org-1', 'Org One', null, '2025-03-05', '2025-04-02'),
      ('ORG-0', null, 'https://example.org/zero.png', '2025-03-20', '2025-04-09')`);
  await db.execute(
    sql`insert into scrape_runs (trigger, command, plan, status) values ('cli', 'old', '{}', 'succeeded')`,
  );
  for (const p of oldPapers) {
    await db.execute(sql`insert into papers (id, title, summary, daily_date, daily_date_exact, organization_name,
        ai_summary, ai_keywords, upvotes, comments, first_seen_at, last_seen_at)
      values (${p.id}, ${p.title}, ${p.summary}, ${p.day}, true, ${p.org}, ${p.aiSummary},
        ${p.aiKeywords === null ? null : JSON.stringify(p.aiKeywords)}::jsonb, ${p.upvotes}, ${p.comments},
        '2025-03-05T10:00:00Z', '2025-04-02T10:00:00Z')`);
    await db.execute(sql`insert into paper_snapshots (paper_id, captured_at, upvotes, comments, run_id)
      values (${p.id}, '2025-04-02T10:00:00Z', ${p.upvotes}, ${p.comments}, 1)`);
    await db.execute(
      sql`insert into paper_topics (paper_id, topic) values (${p.id}, ${p.upvotes % 2 === 0 ? "llm" : "video"})`,
    );
  }
}

function describeUpgrade(
  kind: "pglite" | "postgres",
  open: (migrate: boolean) => Promise<DbHandle>,
  cleanup: () => Promise<void>,
) {
  describe(`an upgrade of a database holding data [${kind}]`, () => {
    let handle: DbHandle | undefined;
    const db = () => {
      if (!handle) throw new Error("not open");
      return handle.db;
    };

    beforeAll(async () => {
      const old = await open(false);
      try {
        await migrateUpTo(old, lastOldMigration);
        await writeOldData(old.db);
      } finally {
        await old.close();
      }
      // Opening with this version applies the new migrations and builds the precomputed tables.
      handle = await open(true);
    });

    afterAll(async () => {
      await handle?.close();
      await cleanup();
    });

    it("keeps every paper and snapshot, and moves the texts out of the papers rows", async () => {
      const texts = await selectRows<{
        id: string;
        summary: string | null;
        ai_summary: string;
        keywords: string[] | null;
      }>(
        db(),
        sql`select p.id, t.summary, t.ai_summary, t.ai_keywords as keywords
            from papers p left join paper_texts t on t.paper_id = p.id order by p.id`,
      );
      expect(texts).toEqual(
        oldPapers.map((p) => ({
          id: p.id,
          summary: p.summary,
          ai_summary: p.aiSummary,
          keywords: p.aiKeywords,
        })),
      );
      const columns = await selectRows<{ column_name: string }>(
        db(),
        sql`select column_name from information_schema.columns where table_name = 'papers' and column_name in ('summary', 'ai_summary', 'ai_keywords')`,
      );
      expect(columns).toEqual([]);
      const [snapshots] = await selectRows<{ n: number | string }>(
        db(),
        sql`select count(*) as n from paper_snapshots`,
      );
      expect(Number(snapshots?.n)).toBe(oldPapers.length);
    });

    it("merges organisations whose names differ only in case into the spelling stored first", async () => {
      const orgs = await selectRows<{ name: string; avatar: string | null; first: string; last: string }>(
        db(),
        sql`select name, avatar, to_char(first_seen_at at time zone 'UTC', 'YYYY-MM-DD') as first,
              to_char(last_seen_at at time zone 'UTC', 'YYYY-MM-DD') as last from organizations order by name`,
      );
      expect(orgs).toEqual([
        { name: "org-0", avatar: "https://example.org/zero.png", first: "2025-03-05", last: "2025-04-09" },
        { name: "org-1", avatar: null, first: "2025-03-05", last: "2025-04-02" },
      ]);
      const moved = await selectRows<{ organization_name: string }>(
        db(),
        sql`select organization_name from papers where id = '2503.10005'`,
      );
      expect(moved).toEqual([{ organization_name: "org-0" }]);
      // A new capture under a third spelling joins the same row.
      await expect(
        db().execute(
          sql`insert into organizations (name, first_seen_at, last_seen_at) values ('Org-0', now(), now())`,
        ),
      ).rejects.toThrow();
    });

    it("builds the precomputed tables from the papers already stored", async () => {
      const [state] = await selectRows<{ version: number | string; aggregates_version: number }>(
        db(),
        sql`select version, aggregates_version from data_state`,
      );
      expect(Number(state?.aggregates_version)).toBe(AGGREGATES_VERSION);
      expect(Number(state?.version)).toBeGreaterThanOrEqual(1);
      const daily = await getUpvoteSeries(db(), { orgs: [] }, "day");
      expect(daily.map((d) => [d.date, d.papers, d.upvotes])).toEqual(
        days.map((day) => {
          const of = oldPapers.filter((p) => p.day === day);
          return [day, of.length, of.reduce((sum, p) => sum + p.upvotes, 0)];
        }),
      );
      const stats = await getOverviewStats(db(), { orgs: [] });
      expect(stats).toMatchObject({ papers: 12, organizations: 2, firstDay: days[0], lastDay: days.at(-1) });
      const board = await listOrgLeaderboard(db(), { orgs: [] }, { limit: 10 });
      expect(board.map((row) => [row.name, row.papers])).toEqual([
        ["org-0", oldPapers.filter((p) => p.org?.toLowerCase() === "org-0").length],
        ["org-1", oldPapers.filter((p) => p.org === "org-1").length],
      ]);
      const ranks = await selectRows<{ n: number | string }>(
        db(),
        sql`select count(*) as n from papers where day_rank is null`,
      );
      expect(Number(ranks[0]?.n)).toBe(0);
    });

    it("finds moved abstracts by text search", async () => {
      const found = await listPapers(
        db(),
        { orgs: [], q: "DIFFUSION" },
        { sort: { key: "date", dir: "asc" }, page: 1, pageSize: 50 },
      );
      expect(found.rows.map((row) => row.id).sort()).toEqual(
        oldPapers.filter((p) => p.summary?.includes("diffusion")).map((p) => p.id),
      );
      expect(found.total).toBe(found.rows.length);
    });

    it("does nothing more on the next open", async () => {
      const [before] = await selectRows<{ version: number | string }>(
        db(),
        sql`select version from data_state`,
      );
      await handle?.close();
      handle = await open(true);
      const [after] = await selectRows<{ version: number | string }>(
        db(),
        sql`select version from data_state`,
      );
      expect(after?.version).toEqual(before?.version);
    });
  });
}

const pgliteDir = mkdtempSync(join(tmpdir(), "paperpulse-upgrade-"));
describeUpgrade(
  "pglite",
  (migrate) => createDb({ dataDir: pgliteDir, databaseUrl: undefined, migrate }),
  async () => rmSync(pgliteDir, { recursive: true, force: true }),
);

const serverUrl = process.env.TEST_DATABASE_URL;
const database = `paperpulse_upgrade_${process.pid}`;
describeOnServer("upgrade [postgres]", () => {
  const url = new URL(serverUrl ?? "postgres://localhost/none");
  url.pathname = `/${database}`;
  const admin = () => postgres(serverUrl ?? "", { max: 1, onnotice: () => {} });
  beforeAll(async () => {
    const sqlAdmin = admin();
    await sqlAdmin.unsafe(`create database ${database}`);
    await sqlAdmin.end({ timeout: 5 });
  });
  describeUpgrade(
    "postgres",
    (migrate) => createDb({ databaseUrl: url.toString(), migrate }),
    async () => {
      const sqlAdmin = admin();
      await sqlAdmin.unsafe(`drop database if exists ${database} with (force)`);
      await sqlAdmin.end({ timeout: 5 });
    },
  );
});
