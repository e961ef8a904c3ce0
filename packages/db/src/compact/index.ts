export * from "./compact-snapshots.ts";
