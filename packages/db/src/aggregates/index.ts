export * from "./data-version.ts";
export * from "./ensure-aggregates.ts";
export * from "./refresh-aggregates.ts";
export type { AggregateScope } from "./scope.ts";
