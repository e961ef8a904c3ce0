/** Text helpers of the synthetic archive: title case, word overlap and a locale-independent string order. */

const SMALL_WORDS = new Set([
  "a",
  "an",
  "and",
  "as",
  "at",
  "by",
  "for",
  "from",
  "in",
  "of",
  "on",
  "or",
  "the",
  "to",
  "via",
  "with",
]);

/** "text-to-video generation with LLMs" → "Text-to-Video Generation with LLMs" (acronyms keep their case). */
export function titleCase(text: string): string {
  const capitalize = (word: string, first: boolean) =>
    !first && SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1);
  return text
    .split(" ")
    .map((word, i) =>
      word
        .split("-")
        .map((part, j) => capitalize(part, i === 0 && j === 0))
        .join("-"),
    )
    .join(" ");
}

export function sharesWord(a: string, b: string): boolean {
  const words = (text: string) =>
    text
      .toLowerCase()
      .split(/[\s-]+/)
      .filter((word) => word.length > 3);
  const first = new Set(words(a).map((word) => word.replace(/s$/, "")));
  return words(b).some((word) => first.has(word.replace(/s$/, "")));
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
