import { existsSync } from "node:fs";
import type { DbHandle } from "@paperpulse/db";
import { listRunPages } from "@paperpulse/db";
import { describeWhen, openMemoryDb } from "@paperpulse/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { scrapeTargets } from "../run/scrape-targets.ts";
import { type HfTestServer, startHfTestServer } from "../testing/hf-test-server.ts";
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

const chromium = defaultChromiumPath();

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
      server.route("/papers/date/2025-09-01", () => ({
        body: clientSidePage.replace("</body>", `<img src="/pixel.png">${thirdParty}</body>`),
      }));
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
        render: { mode },
      });

    it("fails a page without listing when rendering is off", async () => {
      const summary = await run("never");
      expect(summary).toMatchObject({ status: "failed", errorCode: "NO_LISTING" });
    });

    it("renders it in headless Chromium when it holds no listing, parses the cards and records that it rendered", async () => {
      const summary = await run("auto");
      expect(summary).toMatchObject({ status: "succeeded", items: 2, newPapers: 2 });
      const [page] = await listRunPages(handle.db, summary.runId);
      expect(page).toMatchObject({ rendered: true, items: 2, errorCode: null });
    }, 60_000);
  },
);
