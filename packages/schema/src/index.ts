export * from "./hf.ts";
export * from "./tables.ts";
