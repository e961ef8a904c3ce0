import fc from "fast-check";

// Hostile URL parameters for every route: what a fuzzer, a crafted link or a confused script sends. Each case says
// whether it is invalid (400 on exports, an inline message on pages) or merely odd but valid (bound as a value).

export type HostileCase = { query: string; invalid: boolean; why: string };

const long = (n: number) => "x".repeat(n);

export const hostileCases: HostileCase[] = [
  {
    query: "org=%27%3B%20drop%20table%20papers%3B--",
    invalid: false,
    why: "SQL in an org name is just a name",
  },
  {
    query: 'org="><img src=x onerror=alert(1)>',
    invalid: false,
    why: "markup in an org name is just a name",
  },
  { query: `org=${long(5000)}`, invalid: true, why: "org name too long" },
  { query: "org=a%00b", invalid: true, why: "NUL byte" },
  { query: "from=2024-01-01%27", invalid: true, why: "quote after a date" },
  { query: "from=2024-02-30", invalid: true, why: "no such day" },
  { query: "from=1970&to=2100", invalid: false, why: "a huge but valid range" },
  { query: "from=2024-01-01&from=2024-01-02", invalid: true, why: "an array where a scalar is expected" },
  { query: "to=99999-01-01", invalid: true, why: "five-digit year" },
  { query: "minUpvotes=1e309", invalid: true, why: "float overflow" },
  { query: "minUpvotes=99999999999999999999999", invalid: true, why: "huge number" },
  { query: "minUpvotes=-5", invalid: true, why: "negative" },
  { query: "minUpvotes=5&minUpvotes=6", invalid: true, why: "array" },
  { query: "minUpvotes=0", invalid: false, why: "zero" },
  { query: "q=%25_%5C", invalid: false, why: "LIKE wildcards taken literally" },
  { query: "q=%E6%97%A5%E6%9C%AC%F0%9F%9A%80", invalid: false, why: "unicode text" },
  { query: "q=%E0%A4%A", invalid: false, why: "broken percent-encoding (decodes to U+FFFD)" },
  { query: `q=${long(10_000)}`, invalid: true, why: "very long text" },
  { query: "q=a&q=b", invalid: true, why: "array" },
  { query: "q=a%0D%0Aset-cookie:x", invalid: true, why: "control characters" },
  { query: "topic=../../etc/passwd", invalid: true, why: "not a slug" },
  { query: "topic=nonexistent-topic", invalid: true, why: "unknown topic" },
  { query: "sort=upvotes%3Bdrop%20table%20papers", invalid: true, why: "sort outside the allowlist" },
  { query: "sort=-id", invalid: true, why: "a column that is not a sort key" },
  { query: "page=0", invalid: true, why: "page below 1" },
  { query: "page=1.5", invalid: true, why: "fractional page" },
  { query: "page=99999999999999999999", invalid: true, why: "huge page" },
  { query: "granularity=year", invalid: true, why: "granularity outside the allowlist" },
  { query: "granularity=day&granularity=week", invalid: true, why: "array" },
  { query: "top=1000000", invalid: true, why: "too many series" },
  { query: "period=year", invalid: true, why: "keyword window outside the allowlist" },
  { query: "minCount=0", invalid: true, why: "minimum count below 1" },
];

/** Routes whose query goes through the shared parsers, and which of the view parameters each one reads. */
export const exportRoutes: { path: string; reads: string[] }[] = [
  { path: "/api/export/papers.csv", reads: ["sort"] },
  { path: "/api/export/snapshots.csv", reads: [] },
  { path: "/api/export/orgs.csv", reads: ["sort"] },
  { path: "/api/export/daily.csv", reads: ["granularity"] },
  { path: "/api/export/topics.csv", reads: ["granularity"] },
  { path: "/api/export/keywords.csv", reads: ["period", "minCount"] },
];

export const pageRoutes: { path: string; reads: string[] }[] = [
  { path: "/", reads: ["granularity"] },
  { path: "/papers", reads: ["sort", "page"] },
  { path: "/orgs", reads: ["granularity", "top", "sort"] },
  { path: "/topics", reads: ["granularity", "top", "period", "minCount"] },
];

const viewParams = ["sort", "page", "granularity", "top", "period", "minCount"];

/** Whether a case is invalid for a route: view parameters a route does not read are ignored, so they are fine. */
export function invalidFor(testCase: HostileCase, reads: string[]): boolean {
  if (!testCase.invalid) return false;
  const names = new URLSearchParams(testCase.query).keys();
  return [...names].some((name) => !viewParams.includes(name) || reads.includes(name));
}

/** Arbitrary query strings: known and unknown names, any text as values, repeated names, raw percent signs. */
export const arbitraryQuery = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(
          "org",
          "from",
          "to",
          "topic",
          "q",
          "minUpvotes",
          "sort",
          "page",
          "granularity",
          "top",
          "paper",
        ),
        fc.string({ maxLength: 8 }),
      ),
      fc.oneof(
        fc.string({ unit: "binary", maxLength: 60 }),
        fc.integer().map(String),
        fc.double().map(String),
        fc.constantFrom(
          "2024-01-01",
          "1970",
          "2100-12",
          "-upvotes",
          "week",
          "quarter",
          "llm",
          "'; --",
          "%",
          "%%",
          "%zz",
        ),
      ),
    ),
    { maxLength: 6 },
  )
  .map((pairs) =>
    pairs
      // Raw (unencoded) values too: whatever a client puts on the wire, within what a URL can carry.
      .map(([name, value], i) =>
        i % 3 === 2
          ? `${name}=${value.replace(/[#&\s]/g, "")}`
          : new URLSearchParams([[name, value]]).toString(),
      )
      .join("&"),
  );
