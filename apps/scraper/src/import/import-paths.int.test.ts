import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type DbHandle, listTopics, selectRows } from "@paperpulse/db";
import { describeWhen, describeWithFixtures, hfFixture, openServerDb } from "@paperpulse/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRaw } from "../raw/raw-store.ts";
import { taxonomy } from "../topics/index.ts";
import { importPaths } from "./import-paths.ts";
import { readTarMembers } from "./read-tar-members.ts";

type Expected = {
  papers: number;
  organizations: number;
  snapshots: number;
  capturesById: Map<string, string[]>;
};

/** What the archive holds, read with plain JSON.parse: independent of the parser and the store under test. */
async function readExpected(archive: string): Promise<Expected> {
  const capturesById = new Map<string, Set<string>>();
  const organizations = new Set<string>();
  for await (const member of readTarMembers(archive, (name) => name.endsWith(".json"))) {
    const items = JSON.parse(member.body.toString("utf8")) as {
      paper: { id: string; organization?: { name: string } };
      organization?: { name: string };
    }[];
    for (const item of items) {
      const at = member.mtime?.toISOString() ?? "";
      capturesById.set(item.paper.id, (capturesById.get(item.paper.id) ?? new Set()).add(at));
      const org = item.paper.organization?.name ?? item.organization?.name;
      // Names that differ only in case are one organisation.
      if (org) organizations.add(org.toLowerCase());
    }
  }
  let snapshots = 0;
  for (const set of capturesById.values()) snapshots += set.size;
  return {
    papers: capturesById.size,
    organizations: organizations.size,
    snapshots,
    capturesById: new Map([...capturesById].map(([id, set]) => [id, [...set].sort()])),
  };
}

async function countRows(handle: DbHandle) {
  const [row] = await selectRows<{
    papers: number;
    organizations: number;
    snapshots: number;
    authors: number;
  }>(
    handle.db,
    sql`select (select count(*)::int from papers) as papers,
               (select count(*)::int from organizations) as organizations,
               (select count(*)::int from paper_snapshots) as snapshots,
               (select count(*)::int from paper_authors) as authors`,
  );
  return row;
}

describeWithFixtures("importing the shared archive", () => {
  const archiveDir = hfFixture("archive");
  const archive = join(
    archiveDir,
    readdirSync(archiveDir).find((f) => f.endsWith(".tar.gz")) ?? "missing.tar.gz",
  );
  let expected: Expected;
  beforeAll(async () => {
    expected = await readExpected(archive);
  });

  describeWhen(
    Boolean(process.env.TEST_DATABASE_URL),
    "TEST_DATABASE_URL is not set",
    "into PGlite and Postgres",
    () => {
      const handles: DbHandle[] = [];
      beforeAll(async () => {
        handles.push(await createDb({ dataDir: "memory", databaseUrl: undefined }), await openServerDb());
        // Both imports at once: PGlite works in this process, Postgres in its server.
        await Promise.all(handles.map((h) => importPaths(h.db, [archiveDir], { command: "test import" })));
      }, 180_000);
      afterAll(async () => {
        await Promise.all(handles.map((h) => h.close()));
      });

      it("stores every paper, organisation and capture of the archive, with identical counts on both", async () => {
        const [pglite, postgres] = await Promise.all(handles.map(countRows));
        expect(pglite).toMatchObject({
          papers: expected.papers,
          organizations: expected.organizations,
          snapshots: expected.snapshots,
        });
        expect(postgres).toEqual(pglite);
      });

      it("gives each paper one snapshot per capture that held it, in capture time order", async () => {
        for (const handle of handles) {
          const rows = await selectRows<{ paper_id: string; times: string[] }>(
            handle.db,
            sql`select paper_id, array_agg(to_char(captured_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') order by captured_at) as times
              from paper_snapshots group by paper_id`,
          );
          const actual = new Map(rows.map((r) => [r.paper_id, r.times]));
          expect(actual).toEqual(expected.capturesById);
        }
        expect([...expected.capturesById.values()].some((times) => times.length > 1)).toBe(true);
      });

      it("adds nothing when the archive is imported again", async () => {
        const before = await Promise.all(handles.map(countRows));
        const summaries = await Promise.all(
          handles.map((h) => importPaths(h.db, [archive], { command: "again" })),
        );
        for (const summary of summaries)
          expect(summary).toMatchObject({ status: "succeeded", newPapers: 0, snapshots: 0 });
        expect(await Promise.all(handles.map(countRows))).toEqual(before);
      }, 180_000);
    },
  );
});

describe("importPaths and topics", () => {
  it("gives a plain import the taxonomy's labels, so the dashboard never shows bare slugs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "paperpulse-import-"));
    const handle = await createDb({ dataDir: "memory", databaseUrl: undefined });
    try {
      const items = [
        {
          paper: { id: "2601.00003", title: "Faster text-to-video generation", authors: [], upvotes: 2 },
          numComments: 0,
        },
      ];
      writeFileSync(join(dir, "api_daily_papers_2026-01-07.json"), JSON.stringify(items));
      await importPaths(handle.db, [dir]);
      const topics = await listTopics(handle.db);
      expect(topics.map(({ slug, label }) => ({ slug, label }))).toEqual(
        taxonomy.map(({ slug, label }) => ({ slug, label })),
      );
      expect(topics.find((topic) => topic.slug === "video")?.papers).toBe(1);
    } finally {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("importPaths on bad input", () => {
  it("imports the good files of a folder, records the bad one with its reason and keeps its body", async () => {
    const dir = mkdtempSync(join(tmpdir(), "paperpulse-import-"));
    const handle = await createDb({ dataDir: "memory", databaseUrl: undefined });
    try {
      const good = [
        { paper: { id: "2601.00001", title: "Synthetic", authors: [], upvotes: 1 }, numComments: 0 },
      ];
      writeFileSync(join(dir, "api_daily_papers_2026-01-05.json"), JSON.stringify(good));
      writeFileSync(join(dir, "api_daily_papers_2026-01-06.json"), '[{"paper": {"id": "2601.00002"}}');
      writeFileSync(join(dir, "notes.txt"), "ignored: not a recorded response");
      const summary = await importPaths(handle.db, [dir], { rawDir: join(dir, "raw") });
      expect(summary).toMatchObject({ status: "partial", pages: 2, pagesFailed: 1, items: 1, newPapers: 1 });
      expect(summary.failures[0]).toMatchObject({ code: "BAD_JSON" });
      const [page] = await selectRows<{ content_hash: string; listing_date: string }>(
        handle.db,
        sql`select content_hash, listing_date::text from scrape_pages where error_code is not null`,
      );
      expect(page?.listing_date).toBe("2026-01-06");
      expect(await readRaw(join(dir, "raw"), page?.content_hash ?? "")).toContain("2601.00002");
    } finally {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a path that does not exist, before recording a run", async () => {
    const handle = await createDb({ dataDir: "memory", databaseUrl: undefined });
    try {
      await expect(importPaths(handle.db, ["/nonexistent/file.json"])).rejects.toThrow(/does not exist/);
      const [row] = await selectRows<{ n: number }>(
        handle.db,
        sql`select count(*)::int as n from scrape_runs`,
      );
      expect(row?.n).toBe(0);
    } finally {
      await handle.close();
    }
  });
});
