import { type IncomingHttpHeaders, request } from "node:http";
import fc from "fast-check";

// Hostile URL parameters for every route: what a fuzzer, a crafted link or a confused script sends. Each case says
// whether it is invalid (400 on exports, an inline message on pages) or merely odd but valid (bound as a value).
// Then hostile path segments for the detail pages, and hostile requests to "Run now".

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
  { query: "window=1y", invalid: true, why: "rising window outside the allowlist" },
  { query: `keyword=${"k".repeat(101)}`, invalid: true, why: "keyword over 100 characters" },
  { query: "keyword=%27%3B--", invalid: false, why: "keyword with SQL, bound as a value" },
  { query: "minCount=0", invalid: true, why: "minimum count below 1" },
  { query: "runNow=started%3Cscript%3E", invalid: false, why: "a Run now result that is not one" },
  { query: "by=author", invalid: true, why: "compare by something outside the allowlist" },
  { query: "groups=2", invalid: true, why: "organisations mode other than 0 or 1" },
  { query: "groups=1&org=acme", invalid: false, why: "organisations as groups" },
  { query: "metric=median%3B--", invalid: true, why: "compare measure outside the allowlist" },
  { query: "topic=llm&topic=video&topic=llm", invalid: false, why: "repeated topics, each once" },
  {
    query: `${Array.from({ length: 31 }, (_, i) => `topic=t${i}`).join("&")}`,
    invalid: true,
    why: "too many topics",
  },
];

/**
 * A route, the view parameters it reads, and whether it reads the shared filters at all (`filters: false`: the
 * query is ignored). `title` is the page's <title> whatever the query.
 */
export type Route = { path: string; reads: string[]; filters?: false; title?: string };

/** A route's URL with more parameters: after its own query (the author an export names), if it has one. */
export function withQuery(path: string, query: string): string {
  return `${path}${path.includes("?") ? "&" : "?"}${query}`;
}

/** Routes whose query goes through the shared parsers, and which of the view parameters each one reads. */
export const exportRoutes: Route[] = [
  { path: "/api/export/papers.csv", reads: ["sort"] },
  { path: "/api/export/snapshots.csv", reads: [] },
  { path: "/api/export/rising.csv", reads: ["window"] },
  { path: "/api/export/orgs.csv", reads: ["sort"] },
  { path: "/api/export/daily.csv", reads: ["granularity"] },
  { path: "/api/export/topics.csv", reads: ["granularity"] },
  { path: "/api/export/keywords.csv", reads: ["period", "minCount"] },
  { path: "/api/export/compare.csv", reads: ["by", "metric", "granularity"] },
  { path: "/api/export/trending.csv", reads: [] },
  { path: "/api/export/snapshots.jsonl", reads: [] },
  { path: "/api/export/papers.parquet", reads: ["sort"] },
  { path: "/api/export/snapshots.parquet", reads: [] },
  { path: "/api/export/rising.parquet", reads: ["window"] },
  { path: "/api/export/trending.parquet", reads: [] },
  { path: "/api/export/authors.csv", reads: ["sort", "page"] },
  { path: "/api/export/author-papers.csv?user=alice-ex", reads: [] },
];

/** The read API's list routes: the same parameters, answered as JSON (400 with the parameters named). */
export const apiRoutes: Route[] = [
  { path: "/api/v1/papers", reads: ["sort"] },
  { path: "/api/v1/orgs", reads: ["sort"] },
  { path: "/api/v1/topics", reads: [] },
  { path: "/api/v1/series/upvotes", reads: ["granularity"] },
  { path: "/api/v1/series/orgs", reads: ["granularity"] },
  { path: "/api/v1/series/topics", reads: ["granularity"] },
];

export const pageRoutes: Route[] = [
  { path: "/", reads: ["granularity"] },
  { path: "/papers", reads: ["sort", "page"] },
  { path: "/rising", reads: ["window"], title: "Rising" },
  { path: "/orgs", reads: ["granularity", "top", "sort"] },
  { path: "/topics", reads: ["granularity", "top", "period", "minCount"] },
  { path: "/compare", reads: ["by", "metric", "granularity"], title: "Compare" },
  { path: "/authors", reads: ["sort", "page"], title: "Authors" },
  { path: "/runs", reads: [], filters: false },
];

/**
 * The detail pages of the synthetic seed (./synthetic.ts). Of their queries only the organisation page reads one:
 * the shared filters (its trend is always per month, so `granularity` is ignored there).
 */
export function detailRoutes(runId: number): Route[] {
  return [
    { path: "/papers/2303.00300", reads: [], filters: false, title: "Paper 2303.00300" },
    { path: "/orgs/acme", reads: [], title: "acme" },
    { path: "/authors/u/alice-ex", reads: [], title: "Alice Example" },
    { path: "/authors/n/Bob%20Example", reads: [], title: "Bob Example" },
    { path: `/runs/${runId}`, reads: ["page"], filters: false, title: `Run #${runId}` },
  ];
}

const viewParams = ["sort", "page", "granularity", "top", "period", "minCount", "window", "by", "metric"];

/**
 * Whether a case is invalid for a route: view parameters a route does not read are ignored, so they are fine, and
 * so is everything on a route that reads no filters.
 */
export function invalidFor(testCase: HostileCase, route: Route): boolean {
  if (!testCase.invalid) return false;
  const names = new URLSearchParams(testCase.query).keys();
  return [...names].some((name) =>
    viewParams.includes(name) ? route.reads.includes(name) : route.filters !== false,
  );
}

/**
 * Path segments that name no paper, organisation, author or run, sent as written (no client-side normalisation):
 * each of /papers/SEGMENT, /orgs/SEGMENT, /authors/u/SEGMENT, /authors/n/SEGMENT and /runs/SEGMENT answers 404
 * with a message.
 */
export const hostileSegments: { segment: string; why: string }[] = [
  { segment: "%27%3B--", why: "SQL comment" },
  { segment: "%27%20OR%20%271%27%3D%271", why: "SQL tautology" },
  { segment: "x%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", why: "markup" },
  { segment: long(101), why: "longer than any paper id" },
  { segment: long(201), why: "longer than any organisation name" },
  { segment: long(5000), why: "very long" },
  { segment: "%00", why: "NUL byte" },
  { segment: "1%00", why: "a run id and a NUL byte" },
  { segment: "a%0D%0Aset-cookie%3Ax", why: "control characters" },
  { segment: "%20", why: "only a space" },
  { segment: "%25", why: "a literal percent sign" },
  { segment: "%E6%97%A5%E6%9C%AC%F0%9F%9A%80", why: "unicode text" },
  { segment: "%E0%A4%A", why: "broken percent-encoding" },
  { segment: "%FF", why: "a byte that is not UTF-8" },
  { segment: "%ED%A0%80", why: "an encoded lone surrogate" },
  { segment: "..%2F..%2Fetc%2Fpasswd", why: "encoded path traversal" },
  { segment: "-1", why: "negative" },
  { segment: "0", why: "zero" },
  { segment: "abc", why: "not a number" },
  { segment: "1.5", why: "fractional" },
  { segment: "1e3", why: "exponent notation" },
  { segment: "0x1", why: "hexadecimal" },
  { segment: "%EF%BC%91", why: "a fullwidth digit" },
  { segment: "2147483648", why: "just above int4" },
  { segment: "99999999999999999999", why: "beyond any integer type" },
];

/** Dot segments, sent as written: resolved as a browser resolves them (to the overview), never an id called "..". */
export const dotSegmentPaths = ["/papers/..", "/orgs/%2e%2e", "/runs/../..", "/papers/.%2E"];

export type RunNowCase = { why: string; query?: string; headers?: Record<string, string>; body?: string };

const form = { "content-type": "application/x-www-form-urlencoded" };

/**
 * Hostile "Run now" requests to a dashboard with an admin token: none may start a run. `status` and `message` are
 * what each must be answered with. The token is never read from the URL.
 */
export function runNowCases(token: string): (RunNowCase & { status: number; message: RegExp })[] {
  const needsToken = { status: 401, message: /^Run now needs the admin token/ };
  const wrongToken = { status: 403, message: /^Wrong admin token\./ };
  const crossSite = { status: 403, message: /^Cross-site request refused/ };
  return [
    { why: "the right token, but in the query string", query: `token=${token}`, ...needsToken },
    { why: "SQL in the query", query: "token=%27%3B%20drop%20table%20scrape_runs%3B--", ...needsToken },
    { why: "NUL in the query", query: "job=refresh%00", ...needsToken },
    { why: "very long query", query: `x=${long(5000)}`, ...needsToken },
    { why: "NUL as the form token", headers: form, body: "token=%00", ...wrongToken },
    { why: "SQL as the form token", headers: form, body: "token=%27%20OR%20%271%27%3D%271", ...wrongToken },
    { why: "broken percent-encoding in the form", headers: form, body: "token=%E0%A4%A", ...wrongToken },
    { why: "unicode form token", headers: form, body: "token=%E6%97%A5%E6%9C%AC%F0%9F%9A%80", ...wrongToken },
    {
      why: "the token twice, a wrong one first",
      headers: form,
      body: `token=wrong&token=${token}`,
      ...wrongToken,
    },
    { why: "an empty form token", headers: form, body: "token=", ...needsToken },
    {
      why: "a form over 4 KiB",
      headers: form,
      body: `token=${long(5000)}`,
      status: 413,
      message: /^Form too large \(at most 4096 bytes\)/,
    },
    { why: "a very long bearer token", headers: { authorization: `Bearer ${long(5000)}` }, ...wrongToken },
    { why: "SQL as the bearer token", headers: { authorization: "Bearer ' OR '1'='1" }, ...wrongToken },
    {
      why: "Basic instead of Bearer credentials",
      headers: { authorization: `Basic ${Buffer.from(`admin:${token}`).toString("base64")}` },
      ...needsToken,
    },
    {
      why: "the token in a JSON body",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token }),
      ...needsToken,
    },
    { why: "a very long X-Forwarded-For", headers: { "x-forwarded-for": long(5000) }, ...needsToken },
    { why: "an origin that is not a URL", headers: { origin: "http://[::1" }, ...crossSite },
    { why: "a very long foreign origin", headers: { origin: `https://${long(5000)}.example` }, ...crossSite },
    { why: "an unknown Sec-Fetch-Site", headers: { "sec-fetch-site": "'; drop" }, ...crossSite },
  ];
}

export type RawResponse = { status: number; headers: IncomingHttpHeaders; body: string };

/** An HTTP request whose path goes on the wire exactly as written (fetch would resolve dot segments first). */
export function rawRequest(
  baseUrl: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname, port, path, method: init.method ?? "GET", headers: init.headers },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(init.body);
  });
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
