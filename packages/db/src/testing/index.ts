export * from "./databases.ts";
export * from "./gate.ts";
export * from "./plain-views.ts";
