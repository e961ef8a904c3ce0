import { describeWhen } from "@paperpulse/db/testing";
import { parseFeed } from "@rowanmanning/feed-parser";
import { afterAll, beforeAll, expect, it } from "vitest";
import { archiveFiles, archiveTargets, type StartedArchive } from "./support/archive-targets";
import { fetchCsv } from "./support/csv";

// What a notebook takes away from a running dashboard, on the recorded archive of real captures, on PGlite and on
// Postgres: a filtered view read through the paged read API holds exactly the papers and snapshots of the exports
// with the same filters, and the Atom feeds of that view list its newest papers and those past an upvote threshold.

type Paper = { id: string; dailyDate: string; organization: string | null; upvotes: number };
type Snapshot = { paperId: string; capturedAt: string; upvotes: number; comments: number };
type List<T> = { data: T[]; nextCursor: string | null };

/** Each paper's snapshots in their order, the papers sorted by id. */
function byPaper(snapshots: Snapshot[]): [string, Snapshot[]][] {
  const groups = new Map<string, Snapshot[]>();
  for (const snapshot of snapshots)
    groups.set(snapshot.paperId, [...(groups.get(snapshot.paperId) ?? []), snapshot]);
  return [...groups].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

// Read at load, so that a missing archive fails the file instead of skipping it.
const archives = archiveFiles();

for (const target of archiveTargets(archives)) {
  describeWhen(target.available, target.missing, `take-away of the archive [${target.kind}]`, () => {
    let started: StartedArchive | undefined;
    const url = (path: string) => {
      if (!started) throw new Error("server not started");
      return `${started.server.url}${path}`;
    };
    const getJson = async <T>(path: string): Promise<T> => {
      const response = await fetch(url(path));
      expect(response.status, path).toBe(200);
      return (await response.json()) as T;
    };
    /** Every row of an API list, page by page until nextCursor is null, and how many pages it took. */
    const readAll = async <T>(path: string): Promise<{ rows: T[]; pages: number }> => {
      const rows: T[] = [];
      let pages = 0;
      let cursor: string | null = null;
      do {
        const page: List<T> = await getJson(
          `${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        );
        rows.push(...page.data);
        cursor = page.nextCursor;
        pages++;
        if (pages > 1000) throw new Error(`${path}: no end after 1000 pages`);
      } while (cursor);
      return { rows, pages };
    };
    /** The papers CSV of a view as objects, by header name (the file may gain columns). */
    const exportedPapers = async (query: string): Promise<Paper[]> => {
      const { status, rows } = await fetchCsv(url(`/api/export/papers.csv?${query}`));
      expect(status, query).toBe(200);
      const [header = [], ...body] = rows;
      const column = (name: string) => {
        const index = header.indexOf(name);
        expect(index, `papers.csv column ${name}`).toBeGreaterThanOrEqual(0);
        return index;
      };
      const id = column("id");
      const day = column("daily_date");
      const org = column("organization");
      const upvotes = column("upvotes");
      return body.map((row) => ({
        id: row[id] ?? "",
        dailyDate: row[day] ?? "",
        // The file writes no organisation as an empty cell, the API as null.
        organization: row[org] || null,
        upvotes: Number(row[upvotes]),
      }));
    };
    const exportedSnapshots = async (query: string): Promise<Snapshot[]> => {
      const response = await fetch(url(`/api/export/snapshots.jsonl?${query}`));
      expect(response.status, query).toBe(200);
      return (await response.text())
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => {
          const row = JSON.parse(line) as {
            paper_id: string;
            captured_at: string;
            upvotes: number;
            comments: number;
          };
          return {
            paperId: row.paper_id,
            capturedAt: row.captured_at,
            upvotes: row.upvotes,
            comments: row.comments,
          };
        });
    };
    const readFeed = async (path: string) => {
      const response = await fetch(url(path));
      expect(response.status, path).toBe(200);
      const text = await response.text();
      const feed = parseFeed(text);
      expect(feed.meta.type, path).toBe("atom");
      return { text, feed };
    };
    /** The paper an entry links to. */
    const paperOf = (link: string | null) =>
      decodeURIComponent(new URL(link ?? "").pathname.replace(/^\/papers\//, ""));

    // The views a notebook would take away, chosen from the data: the organisation with the most papers (an
    // organisation filter matches its name in any case), one topic above an upvote floor within a period, and a day.
    const views: { name: string; query: string; limit: number }[] = [];

    beforeAll(async () => {
      started = await target.start();
      const all = await exportedPapers("");
      expect(all.length).toBeGreaterThan(5000);
      const counts = new Map<string, number>();
      for (const paper of all) {
        const org = paper.organization?.toLowerCase();
        if (org) counts.set(org, (counts.get(org) ?? 0) + 1);
      }
      const [busiest] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      if (!busiest) throw new Error("no paper of the archive names an organisation");
      // The day of the paper with the most snapshots: its view has papers read over several snapshot pages.
      const perPaper = byPaper(await exportedSnapshots(""));
      const [mostCaptured] = [...perPaper].sort((a, b) => b[1].length - a[1].length);
      const day = all.find((paper) => paper.id === mostCaptured?.[0])?.dailyDate;
      if (!day || (mostCaptured?.[1].length ?? 0) < 2)
        throw new Error("no paper of the archive has two snapshots");
      for (const [name, query] of [
        [`org ${busiest[0]}`, `org=${encodeURIComponent(busiest[0])}`],
        ["agents at 20 upvotes or more in 2025", "topic=agents&minUpvotes=20&from=2025&to=2025"],
        [`the day ${day}`, `from=${day}&to=${day}`],
      ] as const) {
        const size = (await exportedPapers(query)).length;
        expect(size, name).toBeGreaterThanOrEqual(9);
        // A third of the view a page: read over at least three pages.
        views.push({ name, query, limit: Math.floor(size / 3) });
      }
    }, 600_000);
    afterAll(async () => {
      await started?.server.stop();
      await started?.cleanup();
    });

    it("pages a filtered view to its end: exactly the papers of the export, in its order, once each", async () => {
      for (const view of views) {
        const { rows, pages } = await readAll<Paper>(`/api/v1/papers?${view.query}&limit=${view.limit}`);
        expect(pages, view.name).toBeGreaterThanOrEqual(3);
        const ids = rows.map((paper) => paper.id);
        expect(new Set(ids).size, view.name).toBe(ids.length);
        const exported = await exportedPapers(view.query);
        expect(ids, view.name).toEqual(exported.map((paper) => paper.id));
        expect(
          rows.map(({ id, dailyDate, organization, upvotes }) => ({ id, dailyDate, organization, upvotes })),
          view.name,
        ).toEqual(exported);
      }
    });

    it("pages each paper's snapshots: exactly the snapshots export of the view", async () => {
      let multiPaged = 0;
      for (const view of views) {
        const papers = await exportedPapers(view.query);
        const viaApi: Snapshot[] = [];
        for (const paper of papers) {
          // A snapshot a page: a paper whose counts changed, or were confirmed later, is read over several pages.
          const { rows, pages } = await readAll<Snapshot>(
            `/api/v1/papers/${encodeURIComponent(paper.id)}/snapshots?limit=1`,
          );
          expect(rows.length, paper.id).toBeGreaterThan(0);
          if (pages > 1) multiPaged++;
          viaApi.push(...rows);
        }
        // The export lists them by paper then time, the papers in id order: compared paper by paper.
        const exported = await exportedSnapshots(view.query);
        expect(byPaper(viaApi), view.name).toEqual(byPaper(exported));
        expect(exported.length, view.name).toBeGreaterThanOrEqual(papers.length);
        // Each paper's last snapshot holds its current counts.
        const last = new Map(exported.map((snapshot) => [snapshot.paperId, snapshot.upvotes]));
        expect(
          papers.map((paper) => last.get(paper.id)),
          view.name,
        ).toEqual(papers.map((paper) => paper.upvotes));
      }
      expect(multiPaged, "papers whose snapshots took several pages").toBeGreaterThan(0);
    });

    it("feeds the view's newest papers as valid Atom, with ids stable across fetches", async () => {
      for (const view of views) {
        const path = `/feeds/papers.atom?${view.query}`;
        const first = await readFeed(path);
        const ids = first.feed.items.map((item) => item.id);
        expect(new Set(ids).size, view.name).toBe(ids.length);
        for (const item of first.feed.items) {
          expect(
            [item.id, item.title, item.updated, item.url].every((value) => value !== null),
            view.name,
          ).toBe(true);
        }
        const again = await readFeed(path);
        expect(
          again.feed.items.map((item) => item.id),
          view.name,
        ).toEqual(ids);
        expect(again.text, view.name).toBe(first.text);
        // Newest daily date first, then id: the first 50 of the export read backwards by date.
        const newest = (await exportedPapers(view.query))
          .sort((a, b) => b.dailyDate.localeCompare(a.dailyDate) || a.id.localeCompare(b.id))
          .slice(0, 50)
          .map((paper) => paper.id);
        expect(
          first.feed.items.map((item) => paperOf(item.url)),
          view.name,
        ).toEqual(newest);
        expect(ids, view.name).toEqual(newest.map((id) => `tag:paperpulse,2023:paper:${id}`));
      }
    });

    it("feeds the view's papers past an upvote threshold, each at the capture that first saw it there", async () => {
      for (const view of views) {
        const papers = await exportedPapers(view.query);
        // The tenth-highest count: a threshold some of the view's papers reached and most did not.
        const threshold = [...papers].sort((a, b) => b.upvotes - a.upvotes)[9]?.upvotes ?? 1;
        const reached = papers.filter((paper) => paper.upvotes >= threshold).map((paper) => paper.id);
        expect(reached.length, view.name).toBeGreaterThanOrEqual(10);
        expect(reached.length, view.name).toBeLessThan(Math.min(50, papers.length));

        const { feed } = await readFeed(`/feeds/upvotes.atom?${view.query}&threshold=${threshold}`);
        const entries = feed.items.map((item) => ({
          id: paperOf(item.url),
          at: item.updated?.toISOString(),
        }));
        expect(entries.map((entry) => entry.id).sort(), view.name).toEqual([...reached].sort());
        const snapshots = await exportedSnapshots(view.query);
        for (const entry of entries) {
          const crossing = snapshots.find((s) => s.paperId === entry.id && s.upvotes >= threshold);
          expect(entry.at, entry.id).toBe(crossing?.capturedAt);
        }
        // Newest crossing first.
        const times = entries.map((entry) => entry.at ?? "");
        expect(times, view.name).toEqual([...times].sort().reverse());
      }
    });
  });
}
