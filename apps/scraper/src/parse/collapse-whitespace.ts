/**
 * Runs of whitespace (spaces, tabs, the hard line breaks 2024 titles carry, non-breaking spaces) become one space,
 * and the ends are trimmed: the page renders them that way, and titles must compare equal across sources.
 */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
