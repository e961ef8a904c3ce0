import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DbHandle } from "@paperpulse/db";
import { createDb, listRunPages, selectRows } from "@paperpulse/db";
import { describeWhen, openMemoryDb } from "@paperpulse/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { cliEnv, cliPath } from "../../testing/cli-env.ts";
import { type HfTestServer, startHfTestServer } from "../../testing/hf-test-server.ts";
import { parseScraperEnv } from "../config/env.ts";
import { scrapeTargets } from "../run/scrape-targets.ts";
import { defaultChromiumPath } from "./render-listing.ts";

// A listing page that ships no data in its HTML and builds its cards in the browser, in Hugging Face's markup.
const clientSidePage = `<!doctype html><html><head><title>Daily Papers</title></head><body><main id="app"></main>
<script>
  const papers = [
    { id: "2509.00001", title: "Synthetic rendered paper one", votes: 42, comments: 3, authors: 5 },
    { id: "2509.00002", title: "Synthetic rendered paper two", votes: 7, comments: 0, authors: 1 },
  ];
  setTimeout(() => {
    document.getElementById("app").innerHTML = papers.map((p) =>
      '<article><div class="leading-none">' + p.votes + '</div>' +
      '<h3><a href="/papers/' + p.id + '">' + p.title + '</a></h3>' +
      '<ul><li>· ' + p.authors + ' authors</li></ul>' +
      '<a href="/papers/' + p.id + '#community">' + p.comments + '</a></article>').join("");
  }, 200);
</script></body></html>`;

// The same listing as Hugging Face serves it today: the DailyPapers payload in the HTML, no script needed.
function serverSidePage(id: string): string {
  const props = {
    dailyPapers: [
      { paper: { id, title: "Synthetic served paper", authors: [], upvotes: 4 }, numComments: 1 },
    ],
  };
  const escaped = JSON.stringify(props).replaceAll("&", "&amp;").replaceAll('"', "&quot;");
  return `<!doctype html><html><body><div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="${escaped}"></div></body></html>`;
}

const chromium = defaultChromiumPath(parseScraperEnv(process.env));

describeWhen(
  existsSync(chromium),
  `Chromium not found at ${chromium}`,
  "rendering client-side listing pages",
  () => {
    let server: HfTestServer;
    let handle: DbHandle;
    beforeAll(async () => {
      server = await startHfTestServer();
      // The same server under another name is another origin: the browser must not reach it, nor load images.
      const thirdParty = `<script src="${server.baseUrl.replace("127.0.0.1", "localhost")}/third-party.js"></script>`;
      // The page's own script passes uncounted (a static asset); its data requests are counted, and one that
      // robots.txt disallows is never sent.
      const scripts =
        '<script src="/app.js"></script><script>fetch("/data.json"); fetch("/private.json").catch(() => {});</script>';
      server.route("/papers/date/2025-09-01", () => ({
        body: clientSidePage.replace("</body>", `<img src="/pixel.png">${thirdParty}${scripts}</body>`),
      }));
      server.route("/robots.txt", () => ({ body: "User-agent: *\nDisallow: /private.json\n" }));
      server.route("/app.js", () => ({ body: "void 0;", headers: { "content-type": "text/javascript" } }));
      for (const data of ["/data.json", "/private.json"]) {
        server.route(data, () => ({ body: "{}", headers: { "content-type": "application/json" } }));
      }
      handle = await openMemoryDb();
    });
    afterAll(async () => {
      await server.close();
      await handle.close();
    });

    const run = (mode: "auto" | "never") =>
      scrapeTargets(handle.db, [{ kind: "date", value: "2025-09-01" }], {
        source: "page",
        trigger: "cli",
        command: `render ${mode}`,
        fetcher: { baseUrl: server.baseUrl, attempts: 1, allowPrivateHosts: true },
        render: { mode, chromiumPath: chromium },
      });

    it("fails a page without listing when rendering is off", async () => {
      const summary = await run("never");
      expect(summary).toMatchObject({ status: "failed", errorCode: "NO_LISTING" });
    });

    it("renders it in headless Chromium when it holds no listing, parses the cards and records that it rendered", async () => {
      const before = server.requests.length;
      const summary = await run("auto");
      expect(summary).toMatchObject({ status: "succeeded", items: 2, newPapers: 2 });
      // The first fetch, the browser's load of the listing, its script and the data request robots.txt allows.
      const paths = server.requests.slice(before).map((r) => r.path);
      expect(paths.filter((p) => p !== "/robots.txt").sort()).toEqual([
        "/app.js",
        "/data.json",
        "/papers/date/2025-09-01",
        "/papers/date/2025-09-01",
      ]);
      // Counted: the first fetch, the browser's load and the data request; not the script.
      expect(summary.requests).toBe(3);
      const [page] = await listRunPages(handle.db, summary.runId);
      expect(page).toMatchObject({ rendered: true, items: 2, errorCode: null });
    }, 60_000);

    it("renders every listing page with `pnpm scrape … --render`, even one that holds its listing", async () => {
      server.route("/papers/date/2025-09-02", () => ({ body: serverSidePage("2509.00003") }));
      const dataDir = mkdtempSync(join(tmpdir(), "paperpulse-render-"));
      try {
        const before = server.requests.length;
        const code = await new Promise<number>((resolve) => {
          execFile(
            process.execPath,
            ["--import", "tsx", cliPath, "day", "2025-09-02", "--render", "--json"],
            {
              env: cliEnv(dataDir, server.baseUrl, { PAPERPULSE_CHROMIUM_PATH: chromium }),
              timeout: 60_000,
            },
            (error) => resolve(error ? Number(error.code ?? 1) : 0),
          );
        });
        expect(code).toBe(0);
        // The browser loaded the page: only a browser's navigation says so in Sec-Fetch-Mode.
        const loads = server.requests.slice(before).filter((r) => r.path === "/papers/date/2025-09-02");
        expect(loads.some((r) => r.headers["sec-fetch-mode"] === "navigate")).toBe(true);
        const stored = await createDb({ dataDir, databaseUrl: undefined });
        try {
          const [run] = await selectRows<{ id: number }>(stored.db, sql`select id from scrape_runs`);
          const [page] = await listRunPages(stored.db, run?.id ?? 0);
          expect(page).toMatchObject({ rendered: true, items: 1, errorCode: null });
        } finally {
          await stored.close();
        }
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }, 90_000);
  },
);
