import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hfApiResponseSchema } from "@paperpulse/schema";
import { afterAll, describe, expect, it } from "vitest";
import { parseApiResponse } from "../src/parse/index.ts";
import { getTopicMatcher } from "../src/topics/index.ts";
import { buildSyntheticArchive, writeSyntheticArchive } from "./synthetic-archive.ts";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "paperpulse-synthetic-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Every file of a folder: name → [contents, modification time in ms]. */
function readArchive(dir: string): Map<string, [string, number]> {
  return new Map(
    readdirSync(dir)
      .sort()
      .map((name) => [name, [readFileSync(join(dir, name), "utf8"), statSync(join(dir, name)).mtimeMs]]),
  );
}

describe("writeSyntheticArchive", () => {
  const small = { days: 15, seed: 7 } as const;

  it("writes the same files with the same modification times for a seed, other files for another seed", () => {
    const a = tempDir();
    const b = tempDir();
    const c = tempDir();
    writeSyntheticArchive(a, small);
    writeSyntheticArchive(b, small);
    writeSyntheticArchive(c, { ...small, seed: 8 });
    const first = readArchive(a);
    expect(first.size).toBe(15 * 10);
    expect(readArchive(b)).toEqual(first);
    const other = readArchive(c);
    expect([...other.keys()]).toEqual([...first.keys()]);
    expect([...other.values()].map(([text]) => text)).not.toEqual([...first.values()].map(([text]) => text));
  });

  it("names each file after its listing date and dates it at its capture time", () => {
    const dir = tempDir();
    const archive = writeSyntheticArchive(dir, small);
    expect(archive.files).toHaveLength(archive.captures.length);
    for (const [i, capture] of archive.captures.entries()) {
      expect(capture.name).toMatch(/^api_daily_papers_\d{4}-\d{2}-\d{2}_\d+\.json$/);
      expect(capture.name).toContain(capture.listingDate);
      expect(statSync(archive.files[i] ?? "").mtimeMs).toBe(capture.capturedAt.getTime());
      expect(capture.capturedAt.getTime()).toBeGreaterThan(Date.parse(`${capture.listingDate}T12:00:00Z`));
    }
    // Weekdays only, oldest first, ending at the given date.
    expect(archive.days.at(-1)).toBe("2026-10-30");
    expect(archive.days.map((day) => new Date(`${day}T00:00:00Z`).getUTCDay())).not.toContain(0);
    expect(archive.days.map((day) => new Date(`${day}T00:00:00Z`).getUTCDay())).not.toContain(6);
  });

  it("writes responses valid against the API schema that the importer's parser accepts", () => {
    const dir = tempDir();
    writeSyntheticArchive(dir, small);
    for (const [name, [text]] of readArchive(dir)) {
      const result = hfApiResponseSchema.safeParse(JSON.parse(text));
      expect(result.success, name).toBe(true);
      const items = parseApiResponse(text);
      expect(items.length).toBeGreaterThanOrEqual(8);
      expect(items.length).toBeLessThanOrEqual(20);
      for (const item of items) {
        expect(item.paper.id).toMatch(/^\d{4}\.9\d{4}$/);
        expect(item.paper.title.length).toBeGreaterThan(10);
        expect(item.paper.summary?.length ?? 0).toBeGreaterThan(100);
        expect(item.paper.authors.length).toBeGreaterThan(0);
        expect(item.paper.ai_keywords?.length ?? 0).toBeGreaterThan(0);
        expect(item.submittedBy?.name).toBeTruthy();
        expect(name).toContain(item.paper.submittedOnDailyAt?.slice(0, 10));
      }
    }
  });

  it("grows each paper's upvotes and comments without ever going down, listed by upvotes", () => {
    const archive = buildSyntheticArchive();
    const series = new Map<string, { upvotes: number; comments: number }[]>();
    for (const capture of archive.captures) {
      const upvotes = capture.items.map((item) => item.paper.upvotes);
      expect(upvotes).toEqual([...upvotes].sort((x, y) => y - x));
      for (const item of capture.items) {
        const points = series.get(item.paper.id) ?? [];
        points.push({ upvotes: item.paper.upvotes, comments: item.numComments });
        series.set(item.paper.id, points);
      }
    }
    expect(series.size).toBe(archive.papers.length);
    let grew = 0;
    for (const paper of archive.papers) {
      const points = series.get(paper.id) ?? [];
      expect(points).toHaveLength(10);
      expect(paper.captures).toBe(10);
      for (let i = 1; i < points.length; i++) {
        expect(points[i]?.upvotes).toBeGreaterThanOrEqual(points[i - 1]?.upvotes ?? 0);
        expect(points[i]?.comments).toBeGreaterThanOrEqual(points[i - 1]?.comments ?? 0);
      }
      expect(points.at(-1)?.upvotes).toBe(paper.upvotes);
      if ((points.at(-1)?.upvotes ?? 0) > (points[0]?.upvotes ?? 0)) grew++;
    }
    expect(grew / archive.papers.length).toBeGreaterThan(0.8);
  });

  it("looks like a real archive: 120 weekdays, 8-20 papers a day, heavy-tailed upvotes, ~25 organisations", () => {
    const archive = buildSyntheticArchive();
    expect(archive.days).toHaveLength(120);
    const perDay = new Map<string, number>();
    for (const paper of archive.papers) perDay.set(paper.dailyDate, (perDay.get(paper.dailyDate) ?? 0) + 1);
    expect(Math.min(...perDay.values())).toBeGreaterThanOrEqual(8);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(20);
    expect(new Set(archive.papers.map((p) => p.id)).size).toBe(archive.papers.length);
    expect(new Set(archive.papers.map((p) => p.title)).size).toBe(archive.papers.length);
    expect(new Set(archive.papers.map((p) => p.organization).filter(Boolean)).size).toBe(25);
    const upvotes = archive.papers.map((p) => p.upvotes).sort((x, y) => x - y);
    const median = upvotes[Math.floor(upvotes.length / 2)] ?? 0;
    expect(median).toBeGreaterThanOrEqual(4);
    expect(upvotes.at(-1)).toBeGreaterThan(median * 15);
  });

  it("composes titles, abstracts and keywords that the taxonomy matches to the intended topics", () => {
    const archive = buildSyntheticArchive({ days: 40 });
    const byId = new Map(archive.captures.flatMap((c) => c.items.map((item) => [item.paper.id, item.paper])));
    const matcher = getTopicMatcher();
    let matched = 0;
    const seen = new Set<string>();
    for (const paper of archive.papers) {
      const item = byId.get(paper.id);
      if (!item) throw new Error(`no item for ${paper.id}`);
      const topics = matcher.match({
        title: item.title,
        summary: item.summary ?? null,
        keywords: item.ai_keywords ?? null,
      });
      for (const topic of topics) seen.add(topic);
      if (topics.includes(paper.intendedTopics[0] ?? "")) matched++;
    }
    expect(matched / archive.papers.length).toBeGreaterThan(0.9);
    for (const topic of [
      "llm",
      "multimodal",
      "image-generation",
      "video",
      "agents",
      "reasoning",
      "robotics",
      "3d",
    ])
      expect(seen).toContain(topic);
  });

  it("leaves out captures after `until`", () => {
    const until = new Date("2026-10-27T23:00:00Z");
    const archive = buildSyntheticArchive({ days: 20, until });
    expect(archive.captures.every((c) => c.capturedAt <= until)).toBe(true);
    const last = archive.papers.filter((p) => p.dailyDate === "2026-10-27");
    expect(last.length).toBeGreaterThan(0);
    expect(last.every((p) => p.captures === 2)).toBe(true);
    expect(archive.papers.some((p) => p.dailyDate >= "2026-10-28")).toBe(false);
  });
});
