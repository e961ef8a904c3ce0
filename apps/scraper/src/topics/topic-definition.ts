/**
 * One broad topic of the taxonomy and the rules that decide whether a paper is about it.
 *
 * Rules are matched on the title, the abstract and the paper's `ai_keywords` (each field separately). A match in
 * the title counts 3, each keyword that matches counts 1, each mention in the abstract counts 1; a paper gets the
 * topic when the score reaches `minScore` (default 2, at most 3): a title mention is always enough, a keyword needs a
 * second piece of evidence, and papers without keywords (before 2025-03) need the title or repeated mentions in the
 * abstract.
 */
export type TopicDefinition = {
  /** Stable key stored with every paper (kebab-case); renaming one is a data migration, so don't. */
  slug: string;
  label: string;
  description: string;
  /**
   * Phrases matched case-insensitively on word boundaries: "agent" matches "agents" and "multi-agent", never
   * "reagent". A space or hyphen in a phrase matches a space, a hyphen or nothing ("text-to-image" matches "text to
   * image"); a plural ending is accepted ("policy" matches "policies"). `*` at the end of a phrase accepts any word
   * ending ("robot*" matches "robotic", "robotics").
   */
  terms: string[];
  /** Case-sensitive short forms on word boundaries, plural "s" accepted: "RL" matches "RL" and "RLs", never "URL". */
  acronyms?: string[];
  /** Phrases (same syntax as `terms`) that count in the title and keywords only: too common in abstracts. */
  titleTerms?: string[];
  /**
   * Contributions announced in the abstract: one of `words` with one of `before` at most `within` words earlier in
   * the same sentence ("we introduce X, a new benchmark"). Each counts 1. Words compare singular and plural alike.
   */
  cues?: { words: string[]; before: string[]; within?: number }[];
  /**
   * Phrases (same syntax as `terms`) blanked out before this topic's rules run, so that a longer phrase does not
   * count for a shorter one: "vision-language model" must not count as "language model".
   */
  unless?: string[];
  /** Score a paper needs (default 2; 3 for topics whose words abstracts use in passing). */
  minScore?: number;
};
