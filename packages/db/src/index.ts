export * from "./calendar/list-day-coverage.ts";
export * from "./create-db.ts";
export * from "./lock.ts";
export * from "./queries/index.ts";
export * from "./rows.ts";
export * from "./topics/index.ts";
export * from "./types.ts";
export * from "./write/index.ts";
