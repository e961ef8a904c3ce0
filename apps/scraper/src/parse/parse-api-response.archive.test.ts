import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeWithFixtures, hfFixture } from "@paperpulse/db/testing";
import { x as extract } from "tar";
import { afterAll, beforeAll, expect, it } from "vitest";
import { normalizeDailyPapers } from "../normalize/index.ts";
import { ParseError, parseApiResponse } from "./index.ts";

// 561 recorded /api/daily_papers responses, 2024-05 … 2026-08: every shape the API had in that time.
const ARCHIVE =
  "archive/api_daily_papers_2404589803-hf-daily-paper-newsletter-chinese_2024-05-27_to_2026-08-21.tar.gz";

type RawItem = { organization?: unknown; paper: { organization?: unknown; ai_keywords?: unknown } };

describeWithFixtures("parseApiResponse (archive of 561 real captures)", () => {
  let dir = "";
  let members: { name: string; body: string }[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "paperpulse-archive-"));
    await extract({ file: hfFixture(ARCHIVE), cwd: dir, strip: 1 });
    const names = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
    members = await Promise.all(
      names.map(async (name) => ({ name, body: await readFile(join(dir, name), "utf8") })),
    );
  });

  afterAll(async () => {
    if (dir !== "") await rm(dir, { recursive: true, force: true });
  });

  it("parses every member, with the counts a plain JSON.parse sees", () => {
    expect(members).toHaveLength(561);
    const failures: string[] = [];
    const seen = { items: 0, organizations: 0, keywords: 0 };
    const expected = { items: 0, organizations: 0, keywords: 0 };
    for (const { name, body } of members) {
      const raw = JSON.parse(body) as RawItem[];
      expected.items += raw.length;
      expected.organizations += raw.filter((item) => item.paper.organization ?? item.organization).length;
      expected.keywords += raw.filter((item) => Array.isArray(item.paper.ai_keywords)).length;
      try {
        const papers = normalizeDailyPapers(parseApiResponse(body));
        seen.items += papers.length;
        seen.organizations += papers.filter((p) => p.organization !== null).length;
        seen.keywords += papers.filter((p) => p.aiKeywords !== null).length;
        const broken = papers.find((p) => /\n|\s{2}/.test(p.title));
        if (broken) failures.push(`${name}: title of ${broken.id} not normalised`);
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
        failures.push(`${name}: ${error.code} ${error.message}`);
      }
    }
    expect(failures).toEqual([]);
    expect(seen).toEqual(expected);
    // The totals SOURCES.md gives for this archive.
    expect(expected).toEqual({ items: 9621, organizations: 2912, keywords: 6329 });
  });
});
