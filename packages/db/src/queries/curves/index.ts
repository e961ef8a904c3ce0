export * from "./capture-times.ts";
export * from "./get-paper-curves.ts";
export * from "./reach.ts";
