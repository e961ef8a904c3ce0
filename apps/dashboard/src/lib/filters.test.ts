import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { filtersToQuery, parseFilters, sharedQuery } from "./filters";
import { parseOrgsParams, parseOverviewParams, parsePapersParams, toPaperSort } from "./view-params";

describe("parseFilters", () => {
  it("reads repeatable orgs and a date range", () => {
    const { filters, issues } = parseFilters(
      new URLSearchParams("org=ByteDance-Seed&org=Qwen&org=Qwen&from=2026-07-01&to=2026-07-31&x=1"),
    );
    expect(issues).toEqual([]);
    expect(filters).toEqual({ orgs: ["ByteDance-Seed", "Qwen"], from: "2026-07-01", to: "2026-07-31" });
  });

  it("reads a year or a month as its first or last day", () => {
    expect(parseFilters(new URLSearchParams("from=1970&to=2100")).filters).toEqual({
      orgs: [],
      from: "1970-01-01",
      to: "2100-12-31",
    });
    expect(parseFilters(new URLSearchParams("from=2024-02&to=2024-02")).filters).toMatchObject({
      from: "2024-02-01",
      to: "2024-02-29",
    });
    expect(parseFilters(new URLSearchParams("to=2024-13")).issues[0]?.message).toMatch(/real calendar date/);
  });

  it("reads topics, text and minimum upvotes", () => {
    const { filters, issues } = parseFilters(
      new URLSearchParams("topic=llm&topic=video&topic=llm&q=%20100%25%20sure%20&minUpvotes=0012"),
    );
    expect(issues).toEqual([]);
    expect(filters).toEqual({ orgs: [], topics: ["llm", "video"], q: "100% sure", minUpvotes: 12 });
    const many = Array.from({ length: 31 }, (_, i) => `topic=t${i}`).join("&");
    expect(parseFilters(new URLSearchParams(many))).toEqual({
      filters: { orgs: [] },
      issues: [{ param: "topic", message: "at most 30 topics can be selected at once" }],
    });
  });

  it("accepts Next's searchParams record and treats empty values as absent", () => {
    expect(parseFilters({ org: ["a", ""], from: "", to: undefined, q: " ", minUpvotes: "" })).toEqual({
      filters: { orgs: ["a"] },
      issues: [],
    });
  });

  it("reports bad values by parameter and leaves them out", () => {
    const { filters, issues } = parseFilters(
      new URLSearchParams(`from=2024-13-45&to=yesterday&org=${"x".repeat(201)}`),
    );
    expect(filters).toEqual({ orgs: [] });
    expect(issues.map((issue) => issue.param)).toEqual(["org", "from", "to"]);
    expect(issues[1]?.message).toContain("real calendar date");
  });

  it("rejects hostile values with a message", () => {
    const cases: [string, string, RegExp][] = [
      ["minUpvotes=1e9", "minUpvotes", /whole number/],
      ["minUpvotes=-1", "minUpvotes", /whole number/],
      ["minUpvotes=99999999999999999999", "minUpvotes", /at most 999999999/],
      ["topic=LLM", "topic", /slug/],
      ["topic=llm';drop", "topic", /slug/],
      [`q=${"a".repeat(201)}`, "q", /at most 200/],
      ["q=a%00b", "q", /control characters/],
      ["q=a&q=b", "q", /at most once/],
      ["from=2024-01-01&from=2024-02-01", "from", /at most once/],
      ["org=a%0Ab", "org", /control characters/],
    ];
    for (const [query, param, message] of cases) {
      const { filters, issues } = parseFilters(new URLSearchParams(query));
      expect(issues, query).toHaveLength(1);
      expect(issues[0]?.param, query).toBe(param);
      expect(issues[0]?.message, query).toMatch(message);
      expect(filters, query).toEqual({ orgs: param === "org" ? [] : expect.any(Array) });
    }
  });

  it("rejects a range that ends before it starts", () => {
    const { filters, issues } = parseFilters(new URLSearchParams("from=2024-02-01&to=2024-01-01"));
    expect(filters).toEqual({ orgs: [], from: "2024-02-01" });
    expect(issues).toEqual([{ param: "to", message: "must not be before from (2024-02-01)" }]);
  });

  it("reads organisations as groups, or refuses the mode naming it", () => {
    expect(parseFilters(new URLSearchParams("org=ByteDance&groups=1")).filters).toEqual({
      orgs: ["ByteDance"],
      groups: true,
    });
    expect(parseFilters(new URLSearchParams("groups=0")).filters).toEqual({ orgs: [] });
    expect(parseFilters(new URLSearchParams("groups=yes")).issues[0]?.param).toBe("groups");
  });

  it("round-trips through the URL", () => {
    const filters = {
      orgs: ["a b", "c&d"],
      from: "2024-01-01",
      topics: ["llm", "rl"],
      q: "x=1&y",
      minUpvotes: 5,
    };
    expect(parseFilters(new URLSearchParams(filtersToQuery(filters))).filters).toEqual(filters);
    expect(filtersToQuery({ orgs: [] })).toBe("");
  });

  it("never throws, and lets through only bounded, valid values (property)", () => {
    const names = fc.constantFrom(
      "org",
      "from",
      "to",
      "topic",
      "q",
      "minUpvotes",
      "groups",
      "sort",
      "page",
      "granularity",
      "top",
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(names, fc.string({ unit: "binary", maxLength: 300 })), { maxLength: 8 }),
        (pairs) => {
          const params = new URLSearchParams(pairs);
          for (const parse of [parseOverviewParams, parsePapersParams, parseOrgsParams]) {
            const { filters, issues } = parse(params);
            for (const org of filters.orgs) expect(org.length).toBeLessThanOrEqual(200);
            if (filters.q !== undefined) expect(filters.q.length).toBeLessThanOrEqual(200);
            if (filters.minUpvotes !== undefined) expect(Number.isSafeInteger(filters.minUpvotes)).toBe(true);
            for (const topic of filters.topics ?? []) expect(topic).toMatch(/^[a-z0-9][a-z0-9-]*$/);
            for (const issue of issues) expect(issue.message.length).toBeLessThan(200);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("view parameters", () => {
  it("reads sort and page from allowlists and bounds", () => {
    expect(parsePapersParams(new URLSearchParams("sort=title&page=3"))).toMatchObject({
      sort: "title",
      page: 3,
      issues: [],
    });
    const bad = parsePapersParams(new URLSearchParams("sort=upvotes;drop%20table&page=0"));
    expect(bad).toMatchObject({ sort: "-upvotes", page: 1 });
    expect(bad.issues.map((i) => i.param)).toEqual(["sort", "page"]);
    expect(parsePapersParams(new URLSearchParams("page=99999999999999999999")).issues[0]?.message).toMatch(
      /at most 10000/,
    );
    expect(toPaperSort("-comments")).toEqual({ key: "comments", dir: "desc" });
    expect(toPaperSort("date")).toEqual({ key: "date", dir: "asc" });
  });

  it("reads granularity and the organisations view's options", () => {
    expect(parseOverviewParams(new URLSearchParams("granularity=week")).granularity).toBe("week");
    expect(parseOverviewParams(new URLSearchParams("granularity=year")).issues[0]?.message).toMatch(
      /one of day, week, month/,
    );
    expect(parseOrgsParams(new URLSearchParams("granularity=week&top=12&sort=top10"))).toMatchObject({
      granularity: "week",
      top: 12,
      sort: "top10",
      issues: [],
    });
    expect(parseOrgsParams(new URLSearchParams("granularity=day&top=21")).issues.map((i) => i.param)).toEqual(
      ["granularity", "top"],
    );
  });

  it("keeps only the shared filters for navigation", () => {
    expect(sharedQuery(new URLSearchParams("org=a&org=b&sort=title&page=2&q=x&granularity=week"))).toBe(
      "?org=a&org=b&q=x",
    );
    expect(sharedQuery(new URLSearchParams("page=2"))).toBe("");
  });
});
