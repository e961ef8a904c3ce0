export * from "./get-topic-shares.ts";
export * from "./list-rising-keywords.ts";
export * from "./list-topics.ts";
export * from "./retopic-papers.ts";
export * from "./save-paper-topics.ts";
export * from "./save-topic-catalog.ts";
