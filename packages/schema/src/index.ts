export * from "./hf.ts";
export * from "./org-groups.ts";
export * from "./tables.ts";
