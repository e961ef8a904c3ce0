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

/** A paper's broad topics and fine-grained keywords, as the store keeps them. */
export function classifyPaper(
  paper: TopicInput,
  matcher: TopicMatcher = getTopicMatcher(),
): { topics: string[]; keywords: string[] } {
  return { topics: matcher.match(paper), keywords: normalizeKeywords(paper.keywords) };
}
