/**
 * Synthetic Daily Papers data, invented for tests (no real titles or abstracts): API items and listing pages in
 * the 2024 layout (payload in `data-props`, then one `<article>` card per paper).
 */

export type SyntheticItem = {
  paper: {
    id: string;
    title: string;
    summary?: string;
    authors: { name: string; hidden?: boolean; user?: { user: string } }[];
    upvotes?: number;
    publishedAt?: string;
    submittedOnDailyAt?: string;
    submittedOnDailyBy?: { user: string };
    organization?: { name: string; fullname?: string; avatar?: string };
    ai_keywords?: string[];
    ai_summary?: string;
    githubRepo?: string;
    githubStars?: number;
    projectPage?: string;
  };
  numComments: number;
  submittedBy?: { name: string; fullname?: string };
  organization?: { name: string; fullname?: string };
};

export function makeItem(n: number, overrides: Partial<SyntheticItem["paper"]> = {}): SyntheticItem {
  return {
    paper: {
      id: `2401.${String(n).padStart(5, "0")}`,
      title: `Synthetic paper number ${n}`,
      summary: `An invented abstract for paper ${n}.`,
      authors: [{ name: "Ada Example", user: { user: "ada" } }, { name: "Bo Sample" }],
      upvotes: 10 + n,
      publishedAt: "2024-01-01T12:00:00.000Z",
      ...overrides,
    },
    numComments: n % 3,
    submittedBy: { name: "submitter", fullname: "A Submitter" },
  };
}

/** The 2024 page shape; `payload: false` leaves the data-props attribute out, `cards: false` the articles. */
export function renderListingPage(
  items: readonly SyntheticItem[],
  options: { payload?: boolean; cards?: boolean; date?: string } = {},
): string {
  const { payload = true, cards = true, date = "2024-01-02T00:00:00.000Z" } = options;
  const props = escapeHtml(JSON.stringify({ canSubmit: false, date, dailyPapers: items }));
  const propsAttr = payload ? ` data-props="${props}"` : "";
  const articles = cards ? items.map(renderCard).join("\n") : "";
  return `<!doctype html>
<html><head><title>Daily Papers</title></head>
<body>
<div class="SVELTE_HYDRATER contents" data-target="MainHeader" data-props="{&quot;isWide&quot;:false}"></div>
<main><div class="SVELTE_HYDRATER contents" data-target="DailyPapers"${propsAttr}><section>
<h1>Daily Papers</h1>
<div class="grid">${articles}</div>
</section></div></main>
<footer>footer</footer>
</body>
</html>
`;
}

function renderCard(item: SyntheticItem): string {
  const { id, title, upvotes, authors } = item.paper;
  const submitter = item.submittedBy ? escapeHtml(item.submittedBy.name) : "";
  return `<article class="relative flex flex-col">
  <a href="/papers/${id}" class="block"><img src="/thumb.png" alt=""></a>
  <div class="pointer-events-none text-xs leading-none">Submitted by
    <img alt="" src="/avatar.png">
    ${submitter}</div>
  <div class="flex"><a href="/login?next=%2Fpapers%2F${id}"><div class="flex flex-col"><input disabled type="checkbox" class="hidden">
    <svg viewBox="0 0 12 12"><path d="M5 2"></path></svg>
    <div class="leading-none">${upvotes ?? 0}</div></div></a>
  <div class="w-full"><h3 class="mb-1"><a href="/papers/${id}" class="line-clamp-3">${escapeHtml(title)}</a></h3>
    <div class="flex"><a href="/papers/${id}" class="flex"><ul>
      <li title="someone"><img alt="" src="/a.svg"></li>
      <li class="order-first"><div class="flex"><div class="ml-1">·</div>
        ${authors.length} authors
      </div></li></ul></a>
      <a href="/papers/${id}#community" class="text-md"><svg viewBox="0 0 24 24"></svg>
        ${item.numComments}
      </a></div>
  </div></div>
</article>`;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll('"', "&quot;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll("'", "&#39;");
}
