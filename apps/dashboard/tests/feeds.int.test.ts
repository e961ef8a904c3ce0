import { describeWhen } from "@paperpulse/db/testing";
import { parseFeed } from "@rowanmanning/feed-parser";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type StartedTarget, seededTargets } from "./support/seeded-targets";
import { A, B } from "./support/synthetic";

// Atom feeds of the papers view, on both engines over the synthetic seed (./support/synthetic.ts): read back by an
// independent feed parser, with stable ids and no duplicates across refreshes. 2303.00100 went from 3 upvotes
// (capture A) to 10 (capture B); 2303.01000 was first captured in B with 7; 2303.00200 had 5 in A.

for (const target of seededTargets()) {
  describeWhen(target.available, target.missing, `Atom feeds [${target.kind}]`, () => {
    let started: StartedTarget | undefined;
    const url = (path: string) => `${started?.server.url ?? ""}${path}`;
    const read = async (path: string) => {
      const response = await fetch(url(path));
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
      const text = await response.text();
      return { text, feed: parseFeed(text) };
    };

    beforeAll(async () => {
      started = await target.start();
    });
    afterAll(async () => {
      await started?.server.stop();
      await started?.cleanup();
    });

    it("follows the newly featured papers of a filtered view, with stable ids", async () => {
      const { text, feed } = await read("/feeds/papers.atom?org=acme");
      expect(feed.meta.type).toBe("atom");
      expect(feed.self).toBe(url("/feeds/papers.atom?org=acme"));
      const ids = feed.items.map((item) => item.id);
      expect(ids).toEqual(
        ["2303.00300", "2303.00400", "2303.00200"].map((id) => `tag:paperpulse,2023:paper:${id}`),
      );
      expect(new Set(ids).size).toBe(ids.length);
      expect(feed.items[0]?.url).toBe(url("/papers/2303.00300"));
      // The same feed read again is the same document: nothing moves for a reader on refresh.
      expect((await read("/feeds/papers.atom?org=acme")).text).toBe(text);
      // The feed's updated time is its newest entry's, not the clock's.
      expect(feed.updated?.toISOString()).toBe(A);
      // What Atom requires of each entry: an id, a title, an updated time and a link.
      for (const item of feed.items) {
        expect(
          [item.title, item.updated, item.url].every((value) => value !== null),
          item.id ?? "",
        ).toBe(true);
      }
      expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    });

    it("follows papers reaching an upvote threshold, at the capture that first saw them there", async () => {
      const { feed } = await read("/feeds/upvotes.atom?threshold=5");
      expect(feed.items.map((item) => [item.id, item.updated?.toISOString()])).toEqual([
        ["tag:paperpulse,2023:paper:2303.00100:upvotes:5", B],
        ["tag:paperpulse,2023:paper:2303.01000:upvotes:5", B],
      ]);
      // 2303.00200 had 5 upvotes at capture A but 4 since: only papers now at the threshold are followed.
      expect((await read("/feeds/upvotes.atom?threshold=1000")).feed.items).toEqual([]);
    });

    it("answers a bad parameter with a 400 naming it, and offers the feeds on the papers view", async () => {
      const bad = await fetch(url("/feeds/upvotes.atom?threshold=0"));
      expect(bad.status).toBe(400);
      expect(await bad.text()).toMatch(/^Bad request: threshold: /);
      expect((await fetch(url("/feeds/papers.atom?topic=nope"))).status).toBe(400);
      const html = await (await fetch(url("/papers?org=acme"))).text();
      const head = html.slice(0, html.indexOf("</head>"));
      expect(head).toContain('type="application/atom+xml" href="/feeds/papers.atom?org=acme"');
      expect(head).toContain('type="application/atom+xml" href="/feeds/upvotes.atom?org=acme"');
    });
  });
}
