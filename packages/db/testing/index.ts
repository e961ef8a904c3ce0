export * from "./captured-paper.ts";
export * from "./copy-rows.ts";
export * from "./databases.ts";
export * from "./gate.ts";
export * from "./old-migrations.ts";
export * from "./plain-views.ts";
export * from "./store-fresh.ts";
