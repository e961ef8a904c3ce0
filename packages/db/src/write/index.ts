export type * from "./capture.ts";
export * from "./runs.ts";
export * from "./save-capture.ts";
