export * from "./databases.ts";
export * from "./gate.ts";
