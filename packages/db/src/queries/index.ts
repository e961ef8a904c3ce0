export * from "./filters.ts";
export * from "./get-daily-upvotes.ts";
export * from "./get-paper.ts";
export * from "./list-organizations.ts";
export * from "./list-paper-snapshots.ts";
export * from "./list-papers-for-export.ts";
export * from "./list-top-papers.ts";
