import { readFileSync } from "node:fs";
import { describeWithFixtures, hfFixture } from "@paperpulse/db/testing";
import { describe, expect, it } from "vitest";
import { normalizeDailyPapers } from "../normalize/index.ts";
import { makeItem } from "./__fixtures__/synthetic-listing.ts";
import { ParseError, type ParseErrorCode, parseApiResponse } from "./index.ts";

function parseErrorOf(run: () => unknown): { code: ParseErrorCode; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof ParseError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a ParseError, got a result");
}

describe("parseApiResponse (synthetic bodies)", () => {
  it("parses an array of items", () => {
    const items = parseApiResponse(JSON.stringify([makeItem(1), makeItem(2)]));
    expect(items.map((item) => item.paper.id)).toEqual(["2401.00001", "2401.00002"]);
  });

  it("accepts an empty array (past the last page)", () => {
    expect(parseApiResponse("[]")).toEqual([]);
    expect(parseApiResponse("\uFEFF[]\n")).toEqual([]);
  });

  it("is BAD_JSON for a body that is not JSON", () => {
    expect(parseErrorOf(() => parseApiResponse("<!doctype html><title>502</title>"))).toMatchObject({
      code: "BAD_JSON",
      message: expect.stringContaining("<!doctype html>"),
    });
    expect(parseErrorOf(() => parseApiResponse("")).code).toBe("BAD_JSON");
    expect(parseErrorOf(() => parseApiResponse('[{"paper":')).code).toBe("BAD_JSON");
  });

  it("is SCHEMA_DRIFT for a body that is not an array", () => {
    expect(parseErrorOf(() => parseApiResponse('{"error":"Invalid date"}'))).toMatchObject({
      code: "SCHEMA_DRIFT",
      message: expect.stringMatching(/^\(root\): /),
    });
  });

  it("is SCHEMA_DRIFT naming the item path of a missing or mistyped field", () => {
    const items: unknown[] = [0, 1, 2, 3, 4].map((n) => makeItem(n));
    const broken = items[4] as ReturnType<typeof makeItem>;
    broken.paper.id = undefined as unknown as string;
    expect(parseErrorOf(() => parseApiResponse(JSON.stringify(items)))).toMatchObject({
      code: "SCHEMA_DRIFT",
      message: expect.stringMatching(/^\[4\]\.paper\.id: /),
    });
    const mistyped = [makeItem(0), { ...makeItem(1), numComments: "3" }];
    expect(parseErrorOf(() => parseApiResponse(JSON.stringify(mistyped))).message).toMatch(
      /^\[1\]\.numComments: /,
    );
  });
});

type RawItem = {
  organization?: unknown;
  paper: { id: string; title: string; organization?: unknown; ai_keywords?: unknown };
};

describeWithFixtures("parseApiResponse (real API captures)", () => {
  const files: [string, number][] = [
    ["daily_papers_api_2026-06-12.json", 30],
    ["daily_papers_api_2026-07-31.json", 30],
    ["daily_papers_api_2026-07-31_5items.json", 5],
    ["daily_papers_api_nodate_limit25_2026-07-14.json", 25],
  ];

  it.each(files)("%s: %i items, organisations and keywords as in the raw JSON", (name, count) => {
    const body = readFileSync(hfFixture(name), "utf8");
    // Expected values come from a plain JSON.parse, independent of the zod path under test.
    const raw = JSON.parse(body) as RawItem[];
    expect(raw).toHaveLength(count);

    const papers = normalizeDailyPapers(parseApiResponse(body));
    expect(papers).toHaveLength(new Set(raw.map((item) => item.paper.id)).size);
    expect(papers.map((p) => p.id)).toEqual([...new Set(raw.map((item) => item.paper.id))]);
    expect(papers.filter((p) => p.organization !== null).length).toBe(
      raw.filter((item) => item.paper.organization ?? item.organization).length,
    );
    expect(papers.filter((p) => p.aiKeywords !== null).length).toBe(
      raw.filter((item) => Array.isArray(item.paper.ai_keywords)).length,
    );
    for (const paper of papers) {
      expect(paper.title).not.toMatch(/\n|\s{2}/);
      expect(paper.dailyDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("splits the no-date capture into its two daily dates (14 from 07-13, 11 from 07-10)", () => {
    const body = readFileSync(hfFixture("daily_papers_api_nodate_limit25_2026-07-14.json"), "utf8");
    const byDate = new Map<string | null, number>();
    for (const paper of normalizeDailyPapers(parseApiResponse(body))) {
      byDate.set(paper.dailyDate, (byDate.get(paper.dailyDate) ?? 0) + 1);
    }
    expect(Object.fromEntries(byDate)).toEqual({ "2026-07-13": 14, "2026-07-10": 11 });
  });
});
