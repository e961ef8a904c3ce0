import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { CapturedPaper } from "@paperpulse/db";
import { describeWithFixtures, hfFixture } from "@paperpulse/db/testing";
import { beforeAll, expect, it } from "vitest";
import { readTarMembers } from "../import/read-tar-members.ts";
import { parseBody } from "../run/parse-body.ts";
import { taxonomy } from "./taxonomy.ts";

// Floors measured on the recorded archive (9,602 papers, 2024-05 … 2026-08) when the taxonomy was reviewed: 96.9%
// of papers got a topic, 95.1% of those without ai_keywords; keyword normalisation merged 4% of spellings.
describeWithFixtures("topics and keywords on the recorded archive", () => {
  const papers = new Map<string, CapturedPaper>();
  beforeAll(async () => {
    const dir = hfFixture("archive");
    const archive = join(dir, readdirSync(dir).find((name) => name.endsWith(".tar.gz")) ?? "");
    for await (const member of readTarMembers(archive, (name) => name.endsWith(".json"))) {
      for (const paper of parseBody("api", member.body.toString("utf8")).papers) papers.set(paper.id, paper);
    }
  }, 60_000);

  const share = (list: CapturedPaper[]) =>
    list.filter((p) => (p.topics ?? []).length > 0).length / list.length;

  it("gives most papers a topic, those without keywords (before 2025-03) too", () => {
    const all = [...papers.values()];
    const withoutKeywords = all.filter((p) => p.aiKeywords === null);
    expect(all.length).toBeGreaterThan(9_000);
    expect(withoutKeywords.length).toBeGreaterThan(2_000);
    expect(share(all)).toBeGreaterThan(0.95);
    expect(share(withoutKeywords)).toBeGreaterThan(0.93);
  });

  it("uses every topic, none for nearly everything", () => {
    const counts = new Map<string, number>();
    for (const paper of papers.values())
      for (const topic of paper.topics ?? []) counts.set(topic, (counts.get(topic) ?? 0) + 1);
    for (const topic of taxonomy) {
      expect(counts.get(topic.slug) ?? 0, topic.slug).toBeGreaterThanOrEqual(15);
      expect(counts.get(topic.slug) ?? 0, topic.slug).toBeLessThan(papers.size / 2);
    }
  });

  it("merges spellings of keywords", () => {
    const raw = new Set<string>();
    const normalised = new Map<string, number>();
    for (const paper of papers.values()) {
      for (const keyword of paper.aiKeywords ?? []) raw.add(keyword.toLowerCase());
      for (const keyword of paper.keywords ?? []) normalised.set(keyword, (normalised.get(keyword) ?? 0) + 1);
    }
    expect(normalised.size).toBeLessThan(raw.size * 0.97);
    const top = [...normalised]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([keyword]) => keyword);
    expect(top).toEqual([
      "large language model",
      "reinforcement learning",
      "multimodal large language model",
    ]);
  });
});
