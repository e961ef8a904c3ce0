/** What the scale benchmark requests: every view and export, with ids and names taken from the running server. */
export type BenchRoute = { name: string; path: string; kind: "view" | "export" };

export async function listRoutes(base: string): Promise<BenchRoute[]> {
  const top = await (await fetch(`${base}/api/export/papers.csv?sort=-upvotes&minUpvotes=50`)).text();
  const paperId = top.split("\r\n")[1]?.split(",")[0] ?? "none";
  const orgs = await (await fetch(`${base}/api/export/orgs.csv`)).text();
  const orgNames = orgs
    .split("\r\n")
    .slice(1, 4)
    .map((line) => encodeURIComponent(line.split(",")[0] ?? "none"));
  const org = orgNames[0] ?? "none";
  const threeOrgs = orgNames.map((name) => `org=${name}`).join("&");
  // The leaderboard's first author: by account when the listing names one, else by name.
  const [, name = "none", user = ""] =
    (await (await fetch(`${base}/api/export/authors.csv`)).text()).split("\r\n")[1]?.split(",") ?? [];
  const author = user ? `/authors/u/${encodeURIComponent(user)}` : `/authors/n/${encodeURIComponent(name)}`;
  const authorParam = user ? `user=${encodeURIComponent(user)}` : `name=${encodeURIComponent(name)}`;
  const view = (name: string, path: string): BenchRoute => ({ name, path, kind: "view" });
  const csv = (name: string, path: string): BenchRoute => ({ name, path, kind: "export" });
  return [
    view("overview", "/"),
    view("overview by month", "/?granularity=month"),
    view("overview, any date range", "/?from=2000&to=2099"),
    view("overview, one org", `/?org=${org}`),
    view("overview, text search", "/?q=diffusion"),
    view("papers", "/papers"),
    view("papers, text search", "/papers?q=diffusion"),
    view("papers, deep page", "/papers?page=500"),
    view("papers, topic and upvotes", "/papers?topic=video&minUpvotes=20&sort=-upvotes"),
    view("rising", "/rising"),
    view("rising over 7 days, one org", `/rising?window=7d&org=${org}`),
    view("paper", `/papers/${encodeURIComponent(paperId)}`),
    view("organisations", "/orgs"),
    view("organisations by week, top 12", "/orgs?granularity=week&top=12"),
    view("organisations, one quarter", "/orgs?from=2026-07-01&to=2026-09-30&sort=top10"),
    view("organisation", `/orgs/${org}`),
    view("authors", "/authors"),
    view("authors by upvotes, one quarter", "/authors?from=2026-07-01&to=2026-09-30&sort=upvotes"),
    view("author", author),
    view("topics", "/topics"),
    view("topics, one org by week", `/topics?org=${org}&granularity=week`),
    view("compare, top organisations", "/compare"),
    view("compare three orgs, share by week", `/compare?${threeOrgs}&metric=share&granularity=week`),
    view("compare topics", "/compare?by=topic&metric=upvotes"),
    view("overview, three orgs side by side", `/?${threeOrgs}`),
    view("runs", "/runs"),
    view("run", "/runs/1"),
    // The read API and the feeds answer notebooks and feed readers as often as the views answer people.
    view("API papers, first page", "/api/v1/papers?limit=200"),
    view("API papers, one org by upvotes", `/api/v1/papers?org=${org}&sort=-upvotes`),
    view("API paper with its snapshots", `/api/v1/papers/${encodeURIComponent(paperId)}`),
    view("API upvotes series", "/api/v1/series/upvotes"),
    view("API organisations series", "/api/v1/series/orgs"),
    view("papers feed", "/feeds/papers.atom"),
    view("upvote threshold feed", "/feeds/upvotes.atom?threshold=50"),
    csv("daily CSV", "/api/export/daily.csv"),
    csv("orgs CSV", "/api/export/orgs.csv"),
    csv("topics CSV", "/api/export/topics.csv"),
    csv("keywords CSV", "/api/export/keywords.csv"),
    csv("paper's snapshots CSV", `/api/export/snapshots.csv?paper=${encodeURIComponent(paperId)}`),
    csv("rising CSV", "/api/export/rising.csv?window=7d"),
    csv("compare CSV, three orgs by week", `/api/export/compare.csv?${threeOrgs}&granularity=week`),
    csv("trending CSV", "/api/export/trending.csv"),
    csv("authors CSV", "/api/export/authors.csv"),
    csv("author's papers CSV", `/api/export/author-papers.csv?${authorParam}`),
    csv("snapshots JSON Lines, one org", `/api/export/snapshots.jsonl?org=${org}`),
    csv("papers CSV, one org", `/api/export/papers.csv?org=${org}`),
    csv("papers CSV, all", "/api/export/papers.csv"),
  ];
}
