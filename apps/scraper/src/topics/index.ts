import { type Db, saveTopicCatalog } from "@paperpulse/db";
import { createTopicMatcher, type TopicInput, type TopicMatcher } from "./match-topics.ts";
import { normalizeKeywords } from "./normalize-keyword.ts";
import { taxonomy } from "./taxonomy.ts";

export * from "./match-topics.ts";
export * from "./normalize-keyword.ts";
export * from "./retopic.ts";
export { taxonomy } from "./taxonomy.ts";
export type { TopicDefinition } from "./topic-definition.ts";

let defaultMatcher: TopicMatcher | undefined;

/** The matcher of the reviewed taxonomy, compiled on first use. */
export function getTopicMatcher(): TopicMatcher {
  defaultMatcher ??= createTopicMatcher(taxonomy);
  return defaultMatcher;
}

/**
 * Brings the database's topic catalogue (labels and descriptions for the dashboard) in step with the reviewed
 * taxonomy: one cheap, idempotent statement, meant for the start of every run and of the dashboard.
 */
export async function syncTopicCatalog(db: Db): Promise<void> {
  await saveTopicCatalog(db, taxonomy);
}

export type Classification = { topics: string[]; keywords: string[] };

/** A paper's broad topics and fine-grained keywords, as the store keeps them. */
export function classifyPaper(paper: TopicInput, matcher: TopicMatcher = getTopicMatcher()): Classification {
  return { topics: matcher.match(paper), keywords: normalizeKeywords(paper.keywords) };
}

// Scheduled refreshes capture the same papers again and again with the same text: remember the last result per
// paper, keyed by a fingerprint of its text, so only new or changed papers are classified again.
const MEMO_LIMIT = 50_000;
const memo = new Map<string, { fingerprint: string; result: Classification }>();

/** classifyPaper with the reviewed taxonomy, skipping papers whose text this process classified already. */
export function classifyCapturedPaper(paper: TopicInput & { id: string }): Classification {
  const fingerprint = fingerprintOf(paper);
  const known = memo.get(paper.id);
  if (known?.fingerprint === fingerprint)
    return { topics: [...known.result.topics], keywords: [...known.result.keywords] };
  const result = classifyPaper(paper);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(paper.id, { fingerprint, result: { topics: [...result.topics], keywords: [...result.keywords] } });
  return result;
}

/** Two independent 32-bit FNV-1a hashes and the length of the paper's text: a changed text changes it. */
function fingerprintOf(paper: TopicInput): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  let length = 0;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15);
    }
    a = Math.imul(a ^ 0xffff, 0x01000193);
    length += text.length + 1;
  };
  feed(paper.title);
  feed(paper.summary ?? "\u0000none");
  for (const keyword of paper.keywords ?? ["\u0000none"]) feed(keyword);
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}.${length}`;
}
