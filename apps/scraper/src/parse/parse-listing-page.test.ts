import { readFileSync } from "node:fs";
import { describeWithFixtures, hfFixture } from "@paperpulse/db/testing";
import * as cheerio from "cheerio";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { normalizeListing } from "../normalize/index.ts";
import { escapeHtml, makeItem, renderListingPage } from "./__fixtures__/synthetic-listing.ts";
import { ParseError, type ParseErrorCode, parseListingPage } from "./index.ts";

function expectParseError(run: () => unknown, code: ParseErrorCode, message?: string | RegExp): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).code).toBe(code);
    if (message !== undefined) expect((error as ParseError).message).toMatch(message);
    return;
  }
  expect.fail(`expected ParseError ${code}, got a result`);
}

const PAYLOAD_ATTR = /(<div class="SVELTE_HYDRATER contents" data-target="DailyPapers") data-props="[^"]*"/;

/** The page with its DailyPapers payload attribute removed: only the cards remain. */
function withoutPayload(html: string): string {
  expect(html).toMatch(PAYLOAD_ATTR);
  return html.replace(PAYLOAD_ATTR, "$1");
}

/** The page with its payload edited (read with cheerio's default parser, not the one under test). */
function withPayload(
  html: string,
  edit: (props: { dailyPapers: Record<string, unknown>[] }) => void,
): string {
  const raw = cheerio.load(html)('div[data-target="DailyPapers"]').attr("data-props");
  if (raw === undefined) throw new Error("test page has no payload");
  const props = JSON.parse(raw);
  edit(props);
  return html.replace(
    PAYLOAD_ATTR,
    (_, head: string) => `${head} data-props="${escapeHtml(JSON.stringify(props))}"`,
  );
}

describe("parseListingPage (synthetic pages)", () => {
  const items = [
    makeItem(1, { title: "A title\nwith a  hard break" }),
    makeItem(2),
    makeItem(3, { upvotes: 1234 }),
  ];

  it("reads the payload and the listing date", () => {
    const parsed = parseListingPage(renderListingPage(items));
    if (parsed.source !== "payload") throw new Error(`expected the payload, got ${parsed.source}`);
    expect(parsed.listingDate).toBe("2024-01-02");
    expect(parsed.items.map((item) => item.paper.id)).toEqual(["2401.00001", "2401.00002", "2401.00003"]);
  });

  it("falls back to the cards when the payload attribute is absent", () => {
    const parsed = parseListingPage(renderListingPage(items, { payload: false }));
    expect(parsed).toEqual({
      source: "cards",
      listingDate: null,
      items: [
        {
          id: "2401.00001",
          title: "A title with a hard break",
          upvotes: 11,
          comments: 1,
          authorCount: 2,
          submittedBy: "submitter",
        },
        {
          id: "2401.00002",
          title: "Synthetic paper number 2",
          upvotes: 12,
          comments: 2,
          authorCount: 2,
          submittedBy: "submitter",
        },
        {
          id: "2401.00003",
          title: "Synthetic paper number 3",
          upvotes: 1234,
          comments: 0,
          authorCount: 2,
          submittedBy: "submitter",
        },
      ],
    });
  });

  it("accepts an empty day (dailyPapers: []) as zero items", () => {
    const parsed = parseListingPage(renderListingPage([]));
    expect(parsed).toEqual({ source: "payload", listingDate: "2024-01-02", items: [] });
  });

  it("is NO_LISTING when neither payload nor cards are there", () => {
    expectParseError(
      () => parseListingPage(renderListingPage(items, { payload: false, cards: false })),
      "NO_LISTING",
    );
    expectParseError(() => parseListingPage("<html><body><p>Not found</p></body></html>"), "NO_LISTING");
    expectParseError(() => parseListingPage(""), "NO_LISTING");
  });

  it("is BAD_PAYLOAD when data-props is not JSON", () => {
    const html = renderListingPage(items).replace(
      PAYLOAD_ATTR,
      '$1 data-props="{&quot;dailyPapers&quot;:[{"',
    );
    expectParseError(() => parseListingPage(html), "BAD_PAYLOAD");
  });

  it("is SCHEMA_DRIFT naming the field path when a required field is missing", () => {
    const broken = [makeItem(1), makeItem(2, { upvotes: undefined })];
    expectParseError(
      () => parseListingPage(renderListingPage(broken)),
      "SCHEMA_DRIFT",
      /^dailyPapers\[1\]\.paper\.upvotes: /,
    );
  });

  it("is SCHEMA_DRIFT when a card lacks a count (no guessed zero)", () => {
    const html = renderListingPage(items, { payload: false }).replace(
      /<a href="\/papers\/2401\.00002#community"/,
      "<a",
    );
    expectParseError(() => parseListingPage(html), "SCHEMA_DRIFT", /^cards\[1\]\.comments: /);
  });

  it("is TRUNCATED when only cards remain and the page does not end with </html>", () => {
    const html = renderListingPage(items, { payload: false });
    const cut = html.slice(0, html.indexOf("<article", html.indexOf("2401.00002")));
    expectParseError(() => parseListingPage(cut), "TRUNCATED");
  });

  it("keeps repeated ids in the parse; normalisation drops them (first kept)", () => {
    const repeated = [makeItem(1), makeItem(2), { ...makeItem(1, { upvotes: 999 }) }];
    const parsed = parseListingPage(renderListingPage(repeated));
    expect(parsed.items).toHaveLength(3);
    const papers = normalizeListing(parsed);
    expect(papers.map((p) => [p.id, p.upvotes, p.rank])).toEqual([
      ["2401.00001", 11, 1],
      ["2401.00002", 12, 2],
    ]);
  });
});

describeWithFixtures("parseListingPage (real page 2024-08-01)", () => {
  let html = "";
  beforeAll(() => {
    html = readFileSync(hfFixture("papers_page_date_2024-08-01.html"), "utf8");
  });

  it("reads 13 papers from the payload", () => {
    const parsed = parseListingPage(html);
    expect(parsed.source).toBe("payload");
    expect(parsed.listingDate).toBe("2024-08-01");
    expect(parsed.items).toHaveLength(13);
    const [first] = normalizeListing(parsed);
    expect(first).toMatchObject({ id: "2407.21783", upvotes: 94, comments: 5, authorCount: 533, rank: 1 });
    expect(first?.submittedBy).toBe("akhaliq");
    expect(first?.dailyDate).toBeNull(); // 2024 items have no submittedOnDailyAt
  });

  it("reads the same 13 papers from the cards when the payload is gone", () => {
    const fromPayload = normalizeListing(parseListingPage(html));
    const cards = parseListingPage(withoutPayload(html));
    expect(cards.source).toBe("cards");
    const fromCards = normalizeListing(cards);
    const pick = (p: (typeof fromPayload)[number]) => ({
      id: p.id,
      title: p.title,
      upvotes: p.upvotes,
      comments: p.comments,
      authorCount: p.authorCount,
      submittedBy: p.submittedBy,
      rank: p.rank,
    });
    expect(fromCards.map(pick)).toEqual(fromPayload.map(pick));
    expect(fromCards.map((p) => p.id)).toEqual([
      "2407.21783",
      "2407.21705",
      "2407.21770",
      "2407.21646",
      "2407.21772",
      "2407.21630",
      "2407.21721",
      "2407.21530",
      "2407.20229",
      "2407.21781",
      "2407.21686",
      "2407.21475",
      "2404.01300",
    ]);
    expect(fromCards.map((p) => p.upvotes)).toEqual([94, 24, 19, 16, 11, 8, 8, 8, 7, 7, 7, 5, 3]);
    expect(fromCards.map((p) => p.comments)).toEqual([5, 2, 5, 8, 2, 2, 2, 3, 3, 2, 2, 2, 2]);
  });

  it("normalises titles: the raw payload has hard line breaks, the result has none", () => {
    const parsed = parseListingPage(html);
    if (parsed.source !== "payload") throw new Error("expected the payload");
    expect(parsed.items.filter((item) => item.paper.title.includes("\n")).length).toBeGreaterThan(0);
    for (const paper of normalizeListing(parsed)) {
      expect(paper.title).not.toMatch(/\n|\s{2}|^\s|\s$/);
      expect(paper.title.length).toBeGreaterThan(0);
    }
  });

  it("counts hidden authors as the page does (2407.21781: 6 authors, one hidden)", () => {
    const paper = normalizeListing(parseListingPage(html)).find((p) => p.id === "2407.21781");
    expect(paper?.authorCount).toBe(6);
    expect(paper?.authors).toHaveLength(6);
    expect(paper?.authors?.filter((a) => a.hfUser === null).length).toBeGreaterThanOrEqual(1);
  });

  it("is SCHEMA_DRIFT naming the path when paper.upvotes is deleted from item 3", () => {
    const broken = withPayload(html, (props) => {
      const paper = props.dailyPapers[3]?.paper as Record<string, unknown> | undefined;
      if (!paper) throw new Error("the page has fewer than 4 papers");
      delete paper.upvotes;
    });
    expectParseError(() => parseListingPage(broken), "SCHEMA_DRIFT", /dailyPapers\[3\]\.paper\.upvotes: /);
  });

  it("parses an emptied payload as an empty day, not as the cards", () => {
    const empty = withPayload(html, (props) => {
      props.dailyPapers = [];
    });
    expect(parseListingPage(empty)).toEqual({ source: "payload", listingDate: "2024-08-01", items: [] });
  });

  it("is NO_LISTING with neither payload nor cards", () => {
    const bare = withoutPayload(html).replace(/<article[\s\S]*?<\/article>/g, "");
    expectParseError(() => parseListingPage(bare), "NO_LISTING");
  });

  // A capture cut short (dropped connection, size limit) must fail the page, never store part of it.
  const fullIds = () => normalizeListing(parseListingPage(html)).map((p) => p.id);
  const expectAllOrParseError = (page: string, ids: string[], runs: number) => {
    const payloadEnd = page.indexOf('"', page.indexOf('data-target="DailyPapers"') + 40);
    const offset = fc.oneof(
      fc.integer({ min: 0, max: page.length }),
      fc.integer({ min: Math.max(0, payloadEnd - 64), max: Math.min(page.length, payloadEnd + 64) }),
      fc.integer({ min: page.length - 300, max: page.length }),
    );
    fc.assert(
      fc.property(offset, (cut) => {
        let parsed: ReturnType<typeof parseListingPage>;
        try {
          parsed = parseListingPage(page.slice(0, cut));
        } catch (error) {
          if (error instanceof ParseError) return;
          throw error;
        }
        expect(normalizeListing(parsed).map((p) => p.id)).toEqual(ids);
      }),
      { numRuns: runs },
    );
  };

  it("cut at any offset: all 13 papers or a ParseError", () => {
    expectAllOrParseError(html, fullIds(), 300);
  });

  it("cards only, cut at any offset: all 13 papers or a ParseError", () => {
    expectAllOrParseError(withoutPayload(html), fullIds(), 300);
  });
});
